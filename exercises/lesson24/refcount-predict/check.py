# Checks for lesson24/refcount-predict (see exercises/FORMAT.md). The programs are the pack's own
# copies (the learner's file shows them as comments): each runs in the interpreter with
# sys.getrefcount recorded, and a wrong answer is explained with the holders of the object at the
# moment of the call (refscope_check.trace_getrefcount).
import refscope_check as rc
from refscope_check import t

PROGRAMS = {
    1: '''import sys
a = []
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
''',
    2: '''import sys
x = [1, 2]
holder = [x, x, x]
print(sys.getrefcount(x))
holder.pop()
print(sys.getrefcount(x))
''',
    3: '''import sys
def f(obj):
    return sys.getrefcount(obj)
data = {}
print(f(data))
print(sys.getrefcount(data))
''',
    4: '''import sys
class Box:
    pass
item = object()
box = Box()
box.item = item
table = {'key': item, 'other': [item]}
print(sys.getrefcount(item))
''',
}


def _answers(learner):
    answers = learner.ANSWERS
    if not isinstance(answers, dict):
        rc.fail(t('ANSWERS must be a dict mapping each program number to the list of numbers it prints, not a {0}', type(answers).__name__))
    return answers


def _check_program(learner, number):
    answers = _answers(learner)
    calls = rc.trace_getrefcount(PROGRAMS[number], 'program_{0}'.format(number))
    expected = [count for _line, count, _holders in calls]
    line = rc.learner_line(r'^\s*{0}\s*:'.format(number))
    if number not in answers:
        rc.fail(t('ANSWERS has no entry for program {0}', number), rc.show(expected), rc.show(None), line)
    got = answers[number]
    if not isinstance(got, (list, tuple)) or len(got) != len(expected):
        rc.fail(t('Program {0} calls sys.getrefcount {1} times: ANSWERS[{0}] needs {1} numbers', number, len(expected)),
                rc.show(expected), rc.show(got), line)
    for i, (src_line, count, holders) in enumerate(calls):
        if got[i] != count:
            parts = ', '.join(['{0} ({1})'.format(name, n) for name, n in holders])
            rc.fail(t('Program {0}, call {1} (line {2}): sys.getrefcount prints {3}, not {4}. The {3} references are held by: {5}.',
                      number, i + 1, src_line, count, got[i], parts),
                    rc.show(expected), rc.show(list(got)), line)


def check_program_1(learner):
    """Program 1: two names, then del"""
    _check_program(learner, 1)


def check_program_2(learner):
    """Program 2: one list, three slots"""
    _check_program(learner, 2)


def check_program_3(learner):
    """Program 3: inside a function"""
    _check_program(learner, 3)


def check_program_4(learner):
    """Program 4: attribute, dict value, list item"""
    _check_program(learner, 4)
