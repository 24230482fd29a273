for for in x:
    pass
