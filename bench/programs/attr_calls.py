# Attribute- and method-call-heavy object code: small classes, inheritance, super(), properties,
# bound methods, instance attribute reads and writes.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class Damped(Particle):
    def __init__(self, pos, vel, k):
        super().__init__(pos, vel)
        self.k = k

    def step(self):
        super().step()
        if self.steps % 16 == 0:
            self.vel = self.vel.scale(self.k)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, by=1):
        self.n += by
        return self.n


def main():
    ps = [Particle(Vec(i, -i), Vec(1, 2)) for i in range(50)] + [Damped(Vec(i, i), Vec(3, -1), -1) for i in range(50)]
    c = Counter()
    for _ in range(400):
        for p in ps:
            p.step()
            c.inc((p.energy + p.steps) % 5)
    sx = 0
    sy = 0
    for p in ps:
        sx += p.pos.x
        sy += p.pos.y
    print(sx, sy, c.n, c.inc())


main()
