import random
for s in [0, 1, 42, 12345, 2**32, 2**64 + 7, -99, 'a string seed', 'é', 3.5]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(70), random.randrange(1000), random.randint(-5, 5))
r = random.Random(7)
print([r.randint(0, 9) for _ in [0] * 12], r.choice([1, 2, 3]), r.sample([1, 2, 3, 4, 5, 6], 3))
l = [1, 2, 3, 4, 5, 6, 7, 8]
r.shuffle(l)
print(l, r.choices('abc', k=4), r.choices([1, 2], weights=[1, 9], k=4), round(r.gauss(0, 1), 10))
st = r.getstate()
a = r.random()
r.setstate(st)
print(a == r.random(), r.randrange(0, 100, 7), round(r.uniform(1.5, 2.5), 10), round(r.normalvariate(0.0, 1.0), 10))
