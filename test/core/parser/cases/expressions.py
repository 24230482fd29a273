1 + 2 - 3 * 4 / 5 // 6 % 7 @ m ** 2 ** 3
-x; +x; ~x; not x
-1
a << b >> c & d ^ e | f
a and b and c or d or e
a < b <= c > d >= e == f != g is h is not i in j not in k
(a if b else c if d else e)
x = (yield)
(x := 10)
[y := f(x), y**2]
a.b.c
a[1]; a[1:2]; a[:]; a[::]; a[1:2:3]; a[:, 1]; a[1:2, ::3]; a[...]; a[()]; a[*b]; a[1, *b]
a[b:=1]
a[(b:=1):]
(a)
((a, b))
()
(1,)
(1, 2,)
[]
[1]
[1, 2, *a]
{}
{1: 2, **a, 3: 4}
{1, 2, *a}
{a: b for a, b in c if a if b}
{a for a in b}
[a for a in b for c in d]
(a for a in b)
[x async for x in y]
x = *a, *b
x = 1, 2
x = 1,
print(*args, sep='')
a if b else c
f(a)[b].c(d)
await_x = 1
...
None; True; False
x = not -y ** -z
(a)(b)
(a).b
(a)[b]
(a) + (b)
(a.b)[c]
x = (  # comment
    1 +
    2
)
x = [
    1,
    2,
]
x = 1 if 2 else \
    3
