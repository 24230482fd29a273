# Cycle churn: 20,000 pairs of instances that refer to each other, each pair garbage as soon as
# the next iteration rebinds the names; only the cyclic collector (default thresholds) frees them.
import gc


class Pair:
    def __init__(self, n):
        self.n = n
        self.other = None


def churn(count):
    total = 0
    for i in range(count):
        a = Pair(i)
        b = Pair(i + 1)
        a.other = b
        b.other = a
        total += a.other.n - b.other.n
    return total


# (start from an empty young generation; print() is kept out of the measured part because
# CPython's text I/O allocates gc objects of its own)
gc.collect()
before = gc.get_stats()
total = churn(20_000)
after = gc.get_stats()
final = gc.collect()
print('threshold', gc.get_threshold())
print('total', total)
print('collections', [b['collections'] - a['collections'] for a, b in zip(before, after)])
print('collected', [b['collected'] - a['collected'] for a, b in zip(before, after)])
print('final collect', final)
