match command:
    case "quit":
        pass
    case 1 | 2 | 3:
        pass
    case -1:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case None:
        pass
    case True | False:
        pass
    case [x, y, *rest]:
        pass
    case (a, b):
        pass
    case (a,):
        pass
    case ():
        pass
    case []:
        pass
    case [*_]:
        pass
    case {"k": v, **rest}:
        pass
    case {1: _, a.b: c}:
        pass
    case {}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case a.b.C():
        pass
    case (x as y) | z:
        pass
    case [1, 2] as lst:
        pass
    case str() | bytes():
        pass
    case x if x > 0:
        pass
    case _:
        pass
match a, b:
    case 1, 2:
        pass
    case *x, y:
        pass
match (a):
    case b'x': pass
    case "a" "b": pass
match = 1
match.x = 2
match[1] = 3
match(x)
case = 4
_ = 5
print(match, case)
def match(): pass
match x,:
    case _: pass
match -x:
    case _: pass
