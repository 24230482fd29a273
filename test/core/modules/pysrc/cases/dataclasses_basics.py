from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, KW_ONLY, InitVar
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
for args, kw in [((), {}), ((1,2,3,4), {}), ((1,), {'q': 1}), ((1,), {'x': 2}), ((), {'y': 1})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print(e)
@dataclass
class Q:
    a: int
    b: int
    c: int
    _: KW_ONLY
    d: int
    e: int = 5
try: Q()
except TypeError as e: print(e)
try: Q(1, 2, 3)
except TypeError as e: print(e)
try: Q(1, 2, 3, 4, d=1)
except TypeError as e: print(e)
print(Q(1, 2, 3, d=4), P.__init__.__qualname__, P.__match_args__, Q.__match_args__)
print(P.__dataclass_params__)
p = P(1, 2, [3])
print(asdict(p), astuple(p), replace(p, y=9), P.__hash__, p == P(1, 2, [3]), p != P(1))
@dataclass(frozen=True)
class F:
    a: int
    def __post_init__(self):
        print('post', self.a)
f = F(1)
print(hash(f) == hash((1,)), f)
try:
    f.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del f.a
except FrozenInstanceError as e:
    print(e)
@dataclass(order=True)
class O:
    a: int
    b: str = 'x'
print(O(1) < O(2), O(1, 'a') <= O(1, 'b'), sorted([O(3), O(1)]))
try:
    O(1) < 3
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print(e)
@dataclass
class C(P):
    z: int = 7
print(C(1), [f.name for f in fields(C)], dataclasses.is_dataclass(C), dataclasses.is_dataclass(3))
@dataclass
class R:
    a: int
    n: InitVar[int] = 3
    def __post_init__(self, n):
        print('n =', n)
print(R(1), [f.name for f in fields(R)])
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(default=2, compare=False, repr=False)
print(hash(UH(1)) == hash((1,)), UH(1))
@dataclass
class Nested:
    p: P
    items: list
print(asdict(Nested(P(1), [P(2), {'k': P(3)}])))
@dataclass
class E: pass
print(E(), E() == E())
