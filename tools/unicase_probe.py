# The str predicates and case mappings of every code point in [lo, hi) (hex arguments), printed
# compactly: run by tools/check_unicase.mjs under python3 and under RefScope.
import sys
preds = ['isupper', 'islower', 'istitle', 'isalpha', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'isprintable', 'isidentifier', 'isalnum']
maps = ['upper', 'lower', 'title', 'swapcase', 'casefold', 'capitalize']
lo, hi = int(sys.argv[1], 16), int(sys.argv[2], 16)
for p in preds:
    out = []
    start = None
    for cp in range(lo, hi):
        c = chr(cp)
        v = getattr(c, p)()
        if v and start is None:
            start = cp
        elif not v and start is not None:
            out.append('%x-%x' % (start, cp - 1))
            start = None
    if start is not None:
        out.append('%x-%x' % (start, hi - 1))
    print(p, ' '.join(out))
for m in maps:
    out = []
    for cp in range(lo, hi):
        c = chr(cp)
        v = getattr(c, m)()
        if v != c:
            out.append('%x:%s' % (cp, ','.join('%x' % ord(x) for x in v)))
    print(m, ' '.join(out))
