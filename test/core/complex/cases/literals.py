# complex literals (need the compiler hook: constObject 'complex' -> newComplex(0, imag))
print(1j, 3 * 1j, (1 + 2j) * (3 - 1j), -1j, 0j, -0j, 1e300j * 1e10, 2.5J, 1_0j)
print((3 + 4j).real, abs(3 + 4j), hash(3 + 4j), f'{3+4j}', 1 == 1 + 0j, type(1j).__name__)
x = 1j
print(x ** 2, x * x == -1, [1j, 2j][1], {1j: 1}[1j])
