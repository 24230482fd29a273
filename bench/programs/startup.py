# The smallest program: what starting each side costs (node + the interpreter's bundle and worker
# thread, against python3's start-up), the floor under every other figure.
print('ok')
