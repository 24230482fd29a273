# The same format specs used many times, with different types, and specs that raise (their
# messages name the type, so a cached parse must not leak one type's message to another).
for spec in ['>6', '.2f', 'x', ',', '_', '08.3f', '^9', '+', ' ', '#x', '_x', 'e', '%', 'g', '']:
    out = []
    for v in [0, 7, -1234567, 3.5, -0.25, 1e22, True]:
        try:
            out.append(format(v, spec))
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(repr(spec), out)
for spec in ['.2f', 'd', ',x', 's', '=5', 'z']:
    for v in ['ab', 5, 2.5, 3+4j]:
        for _ in range(2):
            try:
                print(repr(spec), type(v).__name__, repr(format(v, spec)))
            except (ValueError, TypeError) as e:
                print(repr(spec), type(v).__name__, type(e).__name__, e)
print(f'{12345:>10,}|{0.5:.1%}|{-3:+05d}|{"s":*^7}|{255:#_b}')
print('%5.2f %-6d %r %s %x' % (3.14159, 42, 'q', 2.5, 255))
print('{0:>6}|{1:<4}|{2!r}|{0:^8.3}'.format(1.25, 13, 'x'))
