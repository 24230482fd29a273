import a.b c
