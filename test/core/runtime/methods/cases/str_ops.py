s = "  Hello World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.lower(), s.upper(), s.split(), s.split('l'), s.split('l', 1), s.rsplit('l', 1), s.split(None, 1), s.rsplit(None, 1))
print(",".join(["a", "b"]), s.find('o'), s.rfind('o'), s.find('o', 6), s.index('W'), s.count('l'), s.replace('l', 'L'), s.replace('l', 'L', 2), "ab".replace('', '-'))
print("abc".startswith('a'), "abc".endswith(('c', 'x')), "abc".startswith('b', 1), "hello world".title(), "hello".capitalize(), "HeLLo".swapcase(), "xx".strip('x'))
print("ab".center(7, '*'), "ab".center(6), "abc".center(6), "ab".ljust(5) + '|', "ab".rjust(5), "-42".zfill(6), "42".zfill(1), "a,b,c".partition(','), "a,b,c".rpartition(','), "abc".partition('x'))
print("a\nb\r\nc".splitlines(), "a\nb".splitlines(True), "123".isdigit(), "abc".isalpha(), "a1".isalnum(), " ".isspace(), "".isspace(), "ABC".isupper(), "abc".islower(), "Ab Cd".istitle(), "x_1".isidentifier(), "1x".isidentifier(), "½".isnumeric(), "²".isdigit(), "²".isdecimal(), "\t".isprintable())
print("{} {}".format(1, 2), "{0}{1}{0}".format('a', 'b'), "{x:>5}|{y!r}".format(x=1, y='s'), "{0[1]} {1.real}".format([1, 2], 3), "{:{w}}|".format('a', w=4), "{{}}".format(), "{a[k]}".format(a={'k': 5}), "{!a}".format('é'))
print("%s %d %5.2f %r %x %o %e %c %-4s| %+d %05d" % ('a', 3, 3.14159, 'q', 255, 8, 12345.678, 65, 'ab', 5, 42), "%(a)s %(b)r" % {'a': 1, 'b': 'z'}, "%%", "%s" % [1], "%s" % (1,))
print("a\tb".expandtabs(4), "prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "abc".translate(str.maketrans("ab", "xy", "c")), "abc".translate({97: None, 98: "BB"}))
print("abc"[1], "abc"[::-1], "abc"[1:], "abc"[-1], "b" in "abc", "a" * 3, 3 * "a", "a" + "b", "a" < "b", "b" >= "a", str(5), str(), str([1]), "é".upper(), "ß".upper(), "ΣΑΣ".lower())
print(format("x", ">3"), f"{'x':^5}", "{:,}".format(1234567), "ß".casefold(), "{:.2f}".format(2.5), "{:x}".format(255), "{:b}".format(5), "{:>8.3}".format("abcdef"))
print("{0:{1}}".format(3.14159, ".2f"), "a b  c".split(" "), "".split(), "".split(","), "1,2,,3".split(","), "  a  b  ".rsplit(None, 1))
print("😀ab"[1], len("😀ab"), "😀ab".find("a"), "😀ab"[::-1], "x😀".center(6, "*"))
K = {'a': 'a', 'x': 'x'}
for bad in [
    lambda: 'a' + 1,
    lambda: 'abc'[5],
    lambda: 'abc'[K['x']],
    lambda: '{} {}'.format(1),
    lambda: '{0} {}'.format(1, 2),
    lambda: '%d' % 'x',
    lambda: '%s %s' % (1,),
    lambda: '%s' % (1, 2),
    lambda: 'a'.join([1]),
    lambda: 'a'.join(1),
    lambda: 1 in 'a',
    lambda: 'a'.index('b'),
    lambda: 'a'.center(5, 'xy'),
    lambda: 'a'.split(''),
    lambda: 'a'.strip(1),
    lambda: 'a'.startswith(1),
    lambda: '{'.format(),
    lambda: '}'.format(),
    lambda: '{x}'.format(),
    lambda: 'a' * 1.5,
    lambda: '{!x}'.format(1),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class S(str):
    pass
x = S("ab"); print(x, type(x).__name__, x.upper(), x + "c", len(x), repr(x))
