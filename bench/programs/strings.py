# String building and formatting: f-strings with format specs, %-formatting, str.format, join,
# += concatenation, split, replace, upper, repr of floats.


def main():
    parts = []
    for i in range(100_000):
        parts.append(f'{i}:{i * 0.25:.2f}|{i:x}|{i % 7:>3}')
    s = ','.join(parts)
    words = s.split(',')
    t = ''
    for i in range(50_000):
        t += str(i % 10)
    lines = []
    for i in range(30_000):
        lines.append('%d-%s-%r' % (i, 'ab' * (i % 3), i / 8))
        lines.append('{0:>6}|{1:<4}|{2!r}'.format(i, i % 13, 'x'))
    joined = '\n'.join(lines).replace('-', '+').upper()
    print(len(s), len(words), words[12345], len(t), t[-12:])
    print(len(joined), joined[:40].replace('\n', ' '), repr(joined[-30:]))
    print(sum(len(w) for w in words), str(3.14159 * 2), repr(1 / 3))


main()
