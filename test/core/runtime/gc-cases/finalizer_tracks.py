# A finalizer that stores into objects of the garbage it belongs to: the dict it fills stays in the
# collector's unreachable list (it is tracked already), and the counts of later collections are
# not disturbed.
import gc


class A:
    def __del__(self):
        self.d['k'] = [1, 2]
        self.items.append({'new': []})
        print('del', sorted(self.d), len(self.items))


gc.collect()
for n in range(3):
    a = A()
    a.d = {'x': []}
    a.items = [a]
    del a
    print('collect', n, gc.collect())
print('again', gc.collect(), gc.collect())


class B:
    def __del__(self):
        # resurrect through a global, then drop it again
        global saved
        saved = self
        print('resurrected', self.tag)


b = B()
b.tag = 'b'
b.cycle = [b, {'in': [b]}]
del b
print('collect', gc.collect())
print('saved', saved.tag, gc.is_tracked(saved), type(saved.cycle[1]).__name__)
del saved
print('collect', gc.collect())
print('final', gc.collect())
