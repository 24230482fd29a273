// Python source of RefScope's hashlib module: md5, sha1 and the SHA-2 family (RFC 1321,
// FIPS 180-4) written in Python, behind the interface of CPython 3.11's hashlib (the
// _hashlib.HASH objects: name, digest_size, block_size, update, digest, hexdigest, copy; new();
// the errors of Modules/_hashopenssl.c: a str is refused with "Strings must be encoded before
// hashing"). A hash object keeps its input and digests it on request. Not here: blake2, sha3,
// shake, pbkdf2_hmac, scrypt, file_digest.

export const HASHLIB_SRC = String.raw`
def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & 0xFFFFFFFF

def _rotr(x, n, bits):
    return ((x >> n) | (x << (bits - n))) & ((1 << bits) - 1)

def _md5(data):
    s = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4
    import math
    K = [int(abs(math.sin(i + 1)) * 4294967296) & 0xFFFFFFFF for i in range(64)]
    a0, b0, c0, d0 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
    msg = bytearray(data)
    n = len(msg) * 8
    msg.append(0x80)
    while len(msg) % 64 != 56:
        msg.append(0)
    msg += (n & 0xFFFFFFFFFFFFFFFF).to_bytes(8, 'little')
    for off in range(0, len(msg), 64):
        M = [int.from_bytes(msg[off + 4 * j: off + 4 * j + 4], 'little') for j in range(16)]
        A, B, C, D = a0, b0, c0, d0
        for i in range(64):
            if i < 16:
                F = (B & C) | (~B & D); g = i
            elif i < 32:
                F = (D & B) | (~D & C); g = (5 * i + 1) % 16
            elif i < 48:
                F = B ^ C ^ D; g = (3 * i + 5) % 16
            else:
                F = C ^ (B | (~D & 0xFFFFFFFF)); g = (7 * i) % 16
            F = (F + A + K[i] + M[g]) & 0xFFFFFFFF
            A, D, C = D, C, B
            B = (B + _rotl(F, s[i])) & 0xFFFFFFFF
        a0 = (a0 + A) & 0xFFFFFFFF; b0 = (b0 + B) & 0xFFFFFFFF
        c0 = (c0 + C) & 0xFFFFFFFF; d0 = (d0 + D) & 0xFFFFFFFF
    return b''.join(x.to_bytes(4, 'little') for x in (a0, b0, c0, d0))

def _pad_be(data, block, lenbytes):
    msg = bytearray(data)
    n = len(msg) * 8
    msg.append(0x80)
    while len(msg) % block != block - lenbytes:
        msg.append(0)
    msg += n.to_bytes(lenbytes, 'big')
    return msg

def _sha1(data):
    h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
    msg = _pad_be(data, 64, 8)
    for off in range(0, len(msg), 64):
        w = [int.from_bytes(msg[off + 4 * j: off + 4 * j + 4], 'big') for j in range(16)]
        for j in range(16, 80):
            w.append(_rotl(w[j - 3] ^ w[j - 8] ^ w[j - 14] ^ w[j - 16], 1))
        a, b, c, d, e = h
        for j in range(80):
            if j < 20:
                f = (b & c) | (~b & d); k = 0x5A827999
            elif j < 40:
                f = b ^ c ^ d; k = 0x6ED9EBA1
            elif j < 60:
                f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
            else:
                f = b ^ c ^ d; k = 0xCA62C1D6
            t = (_rotl(a, 5) + (f & 0xFFFFFFFF) + e + k + w[j]) & 0xFFFFFFFF
            a, b, c, d, e = t, a, _rotl(b, 30), c, d
        h = [(x + y) & 0xFFFFFFFF for x, y in zip(h, (a, b, c, d, e))]
    return b''.join(x.to_bytes(4, 'big') for x in h)

def _primes(n):
    out = []
    c = 2
    while len(out) < n:
        if all(c % p for p in out if p * p <= c):
            out.append(c)
        c += 1
    return out

def _iroot(n, k):
    x = 1 << (n.bit_length() // k + 1)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            break
        x = y
    while x ** k > n:
        x -= 1
    while (x + 1) ** k <= n:
        x += 1
    return x

def _frac_bits(p, k, bits):
    # the first 'bits' bits of the fractional part of p ** (1/k)
    return _iroot(p << (k * bits), k) & ((1 << bits) - 1)

_K256 = None
_K512 = None

def _sha2(data, bits, init, outlen):
    global _K256, _K512
    if bits == 32:
        if _K256 is None:
            _K256 = [_frac_bits(p, 3, 32) for p in _primes(64)]
        K, rounds, block, lenbytes = _K256, 64, 64, 8
        S0, S1, s0, s1 = (2, 13, 22), (6, 11, 25), (7, 18, 3), (17, 19, 10)
    else:
        if _K512 is None:
            _K512 = [_frac_bits(p, 3, 64) for p in _primes(80)]
        K, rounds, block, lenbytes = _K512, 80, 128, 16
        S0, S1, s0, s1 = (28, 34, 39), (14, 18, 41), (1, 8, 7), (19, 61, 6)
    mask = (1 << bits) - 1
    wb = bits // 8
    h = list(init)
    msg = _pad_be(data, block, lenbytes)
    for off in range(0, len(msg), block):
        w = [int.from_bytes(msg[off + wb * j: off + wb * j + wb], 'big') for j in range(16)]
        for j in range(16, rounds):
            x, y = w[j - 15], w[j - 2]
            a0 = _rotr(x, s0[0], bits) ^ _rotr(x, s0[1], bits) ^ (x >> s0[2])
            a1 = _rotr(y, s1[0], bits) ^ _rotr(y, s1[1], bits) ^ (y >> s1[2])
            w.append((w[j - 16] + a0 + w[j - 7] + a1) & mask)
        a, b, c, d, e, f, g, hh = h
        for j in range(rounds):
            e1 = _rotr(e, S1[0], bits) ^ _rotr(e, S1[1], bits) ^ _rotr(e, S1[2], bits)
            ch = (e & f) ^ (~e & g)
            t1 = (hh + e1 + ch + K[j] + w[j]) & mask
            e0 = _rotr(a, S0[0], bits) ^ _rotr(a, S0[1], bits) ^ _rotr(a, S0[2], bits)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (e0 + maj) & mask
            a, b, c, d, e, f, g, hh = (t1 + t2) & mask, a, b, c, (d + t1) & mask, e, f, g
        h = [(x + y) & mask for x, y in zip(h, (a, b, c, d, e, f, g, hh))]
    return b''.join(x.to_bytes(wb, 'big') for x in h)[:outlen]

def _sha2_init(p_start, count, k, bits):
    return [_frac_bits(p, k, bits) for p in _primes(p_start + count)[p_start:]]

_INIT = {}

def _digest(name, data):
    if name == 'md5':
        return _md5(data)
    if name == 'sha1':
        return _sha1(data)
    if name not in _INIT:
        if name == 'sha256':
            _INIT[name] = _sha2_init(0, 8, 2, 32)
        elif name == 'sha224':
            # the second 32 bits of the square roots' fractions (FIPS 180-4 5.3.2)
            _INIT[name] = [x & 0xFFFFFFFF for x in _sha2_init(8, 8, 2, 64)]
        elif name == 'sha512':
            _INIT[name] = _sha2_init(0, 8, 2, 64)
        else:
            _INIT[name] = _sha2_init(8, 8, 2, 64)
    bits = 32 if name in ('sha224', 'sha256') else 64
    return _sha2(data, bits, _INIT[name], _INFO[name][0])

# name: (digest_size, block_size)
_INFO = {'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
         'sha384': (48, 128), 'sha512': (64, 128)}

def _buffer(obj):
    if isinstance(obj, str):
        raise TypeError('Strings must be encoded before hashing')
    try:
        return memoryview(obj).tobytes()
    except TypeError:
        raise TypeError('object supporting the buffer API required') from None

class HASH:
    __slots__ = ('_name', '_data')
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create '_hashlib.HASH' instances")
    @property
    def name(self):
        return self._name
    @property
    def digest_size(self):
        return _INFO[self._name][0]
    @property
    def block_size(self):
        return _INFO[self._name][1]
    def update(self, obj, /):
        self._data += _buffer(obj)
    def digest(self):
        return _digest(self._name, bytes(self._data))
    def hexdigest(self):
        return self.digest().hex()
    def copy(self):
        return _make(self._name, self._data)
    def __repr__(self):
        return '<%s _hashlib.HASH object @ %#x>' % (self._name, id(self))
HASH.__module__ = '_hashlib'
_HASH = HASH
del HASH

def _make(name, data):
    h = object.__new__(_HASH)
    h._name = name
    h._data = bytearray(data)
    return h

def _constructor(name):
    def f(string=b'', *, usedforsecurity=True):
        return _make(name, _buffer(string))
    f.__name__ = f.__qualname__ = 'openssl_' + name
    return f

md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')

def new(name, data=b'', **kwargs):
    key = name.lower() if isinstance(name, str) else name
    if key not in _INFO:
        raise ValueError('unsupported hash type ' + str(name))
    return _make(key, _buffer(data))

algorithms_guaranteed = set(_INFO) | {'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256'}
algorithms_available = set(algorithms_guaranteed)
`;
