from enum import Flag, IntFlag, auto, STRICT, CONFORM, KEEP, FlagBoundary
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm(7), repr(Perm(0)), Perm(0), ~Perm.R, repr(~Perm.R))
print(list(Perm), list(Perm(7)), len(Perm(7)), bool(Perm(0)), Perm.R in (Perm.R | Perm.X), Perm.W in Perm.R)
print(Perm.R ^ Perm(3), Perm.R & Perm.W, (Perm.R | Perm.W) & Perm.W, Perm(3) is (Perm.R | Perm.W))
class RWX(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
print(RWX.R | RWX.W, list(RWX), RWX(7), RWX(3))
class P2(IntFlag):
    R = 4
    W = 2
    X = 1
print(P2.R | P2.W, repr(P2.R | P2.W), repr(P2(9)), P2(9), ~P2.R, repr(~P2.R), P2.R | 8, repr(P2(0)), P2.R + 1)
print(isinstance(P2.R, int), P2.R == 4, P2.R | P2.X == 5, list(P2(7)))
try:
    Perm(8)
except ValueError as e:
    print(e)
try:
    Perm('x')
except ValueError as e:
    print(e)
try:
    Perm.R | 1
except TypeError as e:
    print(e)
try:
    1 in Perm.R
except TypeError as e:
    print(e)
class C(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(C(7), repr(C(7)), FlagBoundary.STRICT, list(FlagBoundary))
