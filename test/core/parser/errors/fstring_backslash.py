f'{"\\n".join(x)}'
