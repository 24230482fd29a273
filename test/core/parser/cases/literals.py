0; 1; 123; 1_000_000; 0x1F; 0XdeadBEEF; 0o17; 0O7_7; 0b1010; 0B1_1; 00; 0_0
1.5; 1.; .5; 1e10; 1E-5; 1.5e+3; 1_0.0_1; 0.0; 1e400; 1e16; 1e15; 123456789012345678.0; 0.0001; 0.00001; 2.5e-7
1j; 1.5J; 0j; 1e3j; 10_0j
99999999999999999999999999999999999999
'a'; "b"; '''c'''; """d"""; 'it''s'; "it's"; 'say "hi"'; 'both \' and "'
r'\n'; R'\d'; b'bytes'; B"x"; rb'\x00'; bR'\\'; Rb"a"; BR'b'; u'unicode'; U'upper'
'\n\t\r\\\'\"\a\b\f\v\0\x41\101\u00e9\U0001F600\N{BULLET}\N{em dash}'
b'\n\t\x00\xff\777\q'
'\q\d'
'a' 'b' "c"
b'a' b'b'
u'a' 'b'
'é'; 'ü日本'; '\u200b'; '\x7f'; '\xa0'; '\ud800'
"""multi
line
string"""
'''a\
b'''
x = ('implicit'
     ' concatenation')
'tab\there'
''
b''
