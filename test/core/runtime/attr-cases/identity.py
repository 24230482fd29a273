import sys
class C:
    def __init__(self):
        self.alpha = 1
        self.beta_gamma = 2
c = C()
ks = list(c.__dict__)
a, b = 'alpha', 'beta_gamma'
print(ks, ks[0] is a, ks[1] is b)
zeta = 5
z = 'zeta'
print([k for k in globals() if k == 'zeta'][0] is z)
name = ''.join(['dyn', 'amic'])
setattr(c, name, 3)
k = list(c.__dict__)[-1]
print(k, k is sys.intern(name), getattr(c, ''.join(['dyn', 'amic'])))
d = {}
d[''.join(['x', 'y'])] = 1
d['xy'] = 2
print(d, len(d), hash('xy') == hash(''.join(['x', 'y'])))
print(hash('alpha'), hash('beta_gamma'), hash(''), hash('\u20ac'), hash('\U0001f600x'))
for w in ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh', 'iiiiiiiii']:
    print(w, hash(w))
