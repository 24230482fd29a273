from abc import ABC, ABCMeta, abstractmethod
class S(ABC):
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def a(self): ...
    @property
    @abstractmethod
    def p(self): ...
try:
    S()
except TypeError as e:
    print(e)
class Half(S):
    def a(self): return 1
print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(e)
class Full(Half):
    def b(self): return 2
    p = 3
print(Full().a(), Full.__abstractmethods__)
class R(metaclass=ABCMeta): pass
R.register(int)
print(isinstance(3, R), issubclass(bool, R), isinstance('x', R), issubclass(str, R))
print(type(S), type(ABC), ABC.__abstractmethods__)
class H(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, 'quack'): return True
        return NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), H), issubclass(int, H))
try:
    R.register(3)
except TypeError as e:
    print(e)
