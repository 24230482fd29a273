# Records CPython 3.11 outputs for re_json.test.ts: builds Python snippets (regex semantics over
# generated pattern/subject pairs, json round trips and errors, io/time/copy/textwrap/fractions),
# runs each with python3 (PYTHONHASHSEED=0) and writes re_json.expected.json.
# Usage: python3 test/core/modules/re_json_record.py
import itertools, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

atoms = ['a', '.', '[ab]', '[^a]', r'\d', r'\w', r'\s', r'\W', '(a|b)', '(?:ab)', '(a)', 'a|b|c', '[a-c]', r'\bx', '(?P<n>b)']
quants = ['', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{,2}', '{2,}?', '*+', '(?=b)']
subjects = ['', 'a', 'ab', 'aab', 'abc', 'ba ba', 'x1 y22', 'aaa\nbbb', 'A b C', 'xax bx']
pairs = []
for a, q in itertools.product(atoms, quants):
    pairs.append(a + q)
extra = [r'^a', r'a$', r'(?m)^b', r'(?m)a$', r'\Aa', r'b\Z', r'(a)(b)?', r'(a*)*', r'(a|ab)(c|bcd)', r'(?i)AB', r'(?s)a.b',
         r'(\w+)\s\1', r'(?P<x>a)(?P=x)', r'(?<=a)b', r'(?<!a)b', r'a(?!b)', r'(?>a+)b', r'x*', r'\B', r'(?x) a  b # c',
         r'[\d\s]+', r'[-a]', r'[a-]', r'[]a]', r'\.', r'a{,}', r'a{x}', r'(?(1)b|c)', r'(a)?(?(1)b|c)', r'(?i)[^A]', r'[\w-]+',
         r'(?a)\w+', 'é', r'(?i)É', r'\x61', r'\u0062', r'\141', r'[\x00-\x7f]+']
errors = [r'(', r')', r'[a', r'a**', r'*a', r'\q', r'(?P<1>a)', r'(?<=a+)b', r'(?P=zz)', r'\2(a)', r'[z-a]', r'a{3,1}', r'(?z)', r'a(?i)b']

def chunks(lst, n):
    for i in range(0, len(lst), n):
        yield lst[i:i + n]

cases = {}
RE_BODY = '''
for p in PATS:
    for s in SUBJ:
        try:
            c = re.compile(p)
            m = c.search(s)
            print(repr(p), repr(s), c.findall(s), m and (m.span(), m.groups(), m.lastindex), c.sub('<\\\\g<0>>', s), c.split(s), re.fullmatch(p, s) is not None)
        except re.error as e:
            print(repr(p), 'error', e)
'''
allp = pairs + extra
for i, group in enumerate(chunks(allp, 40)):
    src = 'import re\nPATS = %r\nSUBJ = %r\n' % (group, subjects) + RE_BODY
    cases['re_gen_%02d' % i] = src
cases['re_errors'] = 'import re\nfor p in %r:\n    try:\n        re.compile(p)\n        print(p, "ok")\n    except re.error as e:\n        print(p, "error:", e, e.pos)\n' % (errors,)
cases['re_api'] = r'''
import re
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe rest')
print(m, m.group(0, 1, 'last'), m.groupdict(), m.span('last'), m.start(), m.end(1), m['first'], m.lastgroup, m.re, m.string, m.pos, m.endpos)
print(m.expand(r'\2, \g<first> \g<1>!'), m.regs)
p = re.compile(r'\d+', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex, re.compile('a', re.A), re.compile('(?i)x').flags)
print(p.match('a12', 1), p.search('a12b', 0, 2), p.fullmatch('123'), [m.span() for m in p.finditer('1 22 333')])
print(re.sub('x*', '-', 'abxd'), re.split(r'\b', 'a b'), re.split('x*', 'axbc'), re.subn(r'(a)|b', r'[\1]', 'abab', count=3))
print(re.sub(r'(\d)', lambda m: str(int(m.group(1)) * 2), 'a1b2c3'), re.split(r'(,)|;', 'a,b;c', maxsplit=1))
print(re.escape('1.5*[x] a-b#c'), re.findall(r'(a)(x)?', 'aa'), re.compile('a') is re.compile('a'))
print(re.sub(r'(?P<w>\w+)', r'\g<w>\n\t\\', 'hi'), re.sub('a', r'\.', 'a'))
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print('error', e)
try:
    m.group(5)
except IndexError as e:
    print('IndexError', e)
print(re.search(r'^b', 'ab', re.M), re.compile('^a').search('ba', 1), re.match('a', 'a').group())
'''
cases['json_api'] = r'''
import json
data = {'name': 'x', 'list': [1, 2.5, None, True, False], 'nested': {'b': 1, 'a': 'é\n"q"'}, 'e': [], 'o': {}}
s = json.dumps(data)
print(s, json.loads(s) == data)
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1e100, 1.0, -0.5, 10**30, 'ü\U0001F600']), json.dumps({1: 2, 2.5: 3, None: 4, False: 5}))
for bad in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\\qb"', '[1] x', 'tru', '{"a":', '{1: 2}', '\n [\n 1,\n x]', '"\x01"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e, e.pos, e.lineno, e.colno)
print(json.loads('[NaN, -Infinity, 1E3, -0, 0.1, 123456789012345678901234567890, "\\ud83d\\ude00"]'))
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(json.dumps({'s': {3, 1}}, default=sorted), json.dumps([1, [2]], separators=(',', ':')), json.dumps({'k': [1, {}]}, indent='--'))
import io
f = io.StringIO()
json.dump({'a': [1, 2]}, f, indent=1)
f.seek(0)
print(json.load(f), repr(f.getvalue()))
'''
cases['misc_api'] = r'''
import io, time, copy, textwrap
from fractions import Fraction
b = io.StringIO('x\ny\n')
print(b.readlines(), b.read(), b.tell(), b.seek(0), next(iter(b)), b.readline(1))
print(time.gmtime(951782400), time.strftime('%d/%m/%Y %H-%M-%S %a %A %b %B %j %y', time.gmtime(951782400)))
x = {'a': [1, (2, [3])]}
y = copy.deepcopy(x)
print(y, y['a'][1][1] is x['a'][1][1], copy.copy(x)['a'] is x['a'])
print(textwrap.fill('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', 20))
print(textwrap.shorten('Lorem ipsum dolor sit amet', 15), textwrap.indent('a\nb', '  '))
print(Fraction(22, 7) - 3, Fraction('-2.5e1'), Fraction(1, 3) < 0.34, Fraction(10, 4).limit_denominator(1))
'''

out = {'python': '.'.join(map(str, sys.version_info[:3])), 'cases': {}}
env = dict(os.environ, PYTHONHASHSEED='0', TZ='UTC')
for name, src in cases.items():
    r = subprocess.run([sys.executable, '-c', src], capture_output=True, text=True, env=env)
    out['cases'][name] = {'src': src, 'stdout': r.stdout, 'exit': r.returncode}
with open(os.path.join(HERE, 're_json.expected.json'), 'w') as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
print(len(cases), 'cases,', len(allp) * len(subjects), 'regex pattern/subject pairs')
