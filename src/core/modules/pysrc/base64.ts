// Python source of RefScope's base64 module: the Base64 and Base16 functions of CPython 3.11's
// Lib/base64.py, with the binascii conversions they use written here in Python
// (binascii_b2a_base64 / binascii_a2b_base64_impl of Modules/binascii.c: the non-strict decoder
// skips characters outside the alphabet and stops at complete padding). binascii.Error is the
// error class, as in CPython (the module has no binascii attribute to reach it by). Not here: Base32, Ascii85, Base85, encode/decode of files.

export const BASE64_SRC = String.raw`class Error(ValueError):
    pass
Error.__module__ = 'binascii'
_Error = Error
del Error
#@32
bytes_types = (bytes, bytearray)  # Types acceptable as binary data
MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE//4)*3
_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_DECODE = [64] * 256
for _i, _c in enumerate(_ALPHABET):
    _DECODE[_c] = _i
del _i, _c
def _b2a_base64(s, newline):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    data = memoryview(s).tobytes()
    table = _ALPHABET
    out = bytearray()
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]))
    rest = n - full
    if rest == 1:
        v = data[full]
        out += bytes((table[v >> 2], table[(v & 3) << 4])) + b'=='
    elif rest == 2:
        v = (data[full] << 8) | data[full + 1]
        out += bytes((table[v >> 10], table[(v >> 4) & 63], table[(v & 15) << 2])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)
def _a2b_base64(data, strict_mode=False):
    if isinstance(data, str):
        try:
            data = data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    data = memoryview(data).tobytes()
    out = bytearray()
    quad_pos = 0
    pads = 0
    padding_started = False
    leftchar = 0
    count = 0
    n = len(data)
    i = 0
    while i < n:
        c = data[i]
        i += 1
        if c == 61:
            if strict_mode and i == 1:
                raise _Error('Leading padding not allowed')
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                if strict_mode and i < n:
                    raise _Error('Excess data after padding')
                return bytes(out)
            continue
        ch = _DECODE[c]
        if ch >= 64:
            if strict_mode:
                raise _Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise _Error('Discontinuous padding not allowed')
        pads = 0
        count += 1
        if quad_pos == 0:
            quad_pos = 1
            leftchar = ch
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (ch >> 4)) & 255)
            leftchar = ch & 15
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (ch >> 2)) & 255)
            leftchar = ch & 3
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | ch) & 255)
            leftchar = 0
    if quad_pos == 1:
        raise _Error('Invalid base64-encoded string: number of data characters (%d) '
                    'cannot be 1 more than a multiple of 4' % count)
    if quad_pos != 0:
        raise _Error('Incorrect padding')
    return bytes(out)
def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None
def b64encode(s, altchars=None):
    encoded = _b2a_base64(s, False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded
def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return _a2b_base64(s, validate)
def standard_b64encode(s):
    return b64encode(s)
def standard_b64decode(s):
    return b64decode(s)
_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')
def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode_translation)
def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)

#@272
def b16encode(s):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return memoryview(s).tobytes().hex().upper().encode('ascii')

#@278
def b16decode(s, casefold=False):
#@288
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise _Error('Non-base16 digit found')
    if len(s) % 2:
        raise _Error('Odd-length string')
    return bytes.fromhex(s.decode('ascii'))

#@533
def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        msg = "expected bytes-like object, not %s" % s.__class__.__name__
        raise TypeError(msg) from err
    return m

#@549
def encodebytes(s):
#@552
    _input_type_check(s)
    data = memoryview(s).tobytes()
    pieces = []
    for i in range(0, len(data), MAXBINSIZE):
        pieces.append(_b2a_base64(data[i : i + MAXBINSIZE], True))
    return b"".join(pieces)

#@560
def decodebytes(s):
#@562
    _input_type_check(s)
    return _a2b_base64(s)
`;
