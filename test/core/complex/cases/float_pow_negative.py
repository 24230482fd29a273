# float ** float with a negative base and a fractional exponent is complex (float_pow -> complex_pow)
print((-8) ** (1 / 3), (-1) ** 0.5, pow(-4.0, 0.5), type((-8) ** (1 / 3)).__name__)
print((-2) ** 2.0, (-0.5) ** 0.5, pow(-27, 1 / 3))
