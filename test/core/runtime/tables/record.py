#!/usr/bin/env python3
"""Records CPython 3.11 expectations for the dict/set table tests.

    python3 test/core/runtime/tables/record.py            # rewrite expectations.json
    python3 test/core/runtime/tables/record.py --stdout   # print instead (used by the live re-check)

Re-executes itself with PYTHONHASHSEED=0 so that str hashes (and therefore
orders of str sets) are deterministic. Each scenario is a list of ops on named
variables (see OPS below); after every op the script records, for the target
variable: the iteration order (keys, or [key, value] pairs for dicts),
sys.getsizeof, and the op's result (popped item, bool, hash, ...).

Key encoding in JSON: int -> number (|n| < 2**53), str -> {"s": text},
big int -> {"i": "decimal"}. Every str key's hash is recorded in "strHashes".
"""
import json
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))


def enc(k):
    if isinstance(k, str):
        return {"s": k}
    if isinstance(k, int) and abs(k) < 2**53:
        return k
    return {"i": str(k)}


def dec(k):
    if isinstance(k, dict):
        return k["s"] if "s" in k else int(k["i"])
    return k


def state(v):
    if isinstance(v, dict):
        return [[enc(k), enc(x)] for k, x in v.items()]
    return [enc(k) for k in v]


# ---------------------------------------------------------------- interpreter

def run(ops):
    env = {}
    out = []
    for op in ops:
        name, tgt, *args = op
        res = None
        a = [dec(x) if not isinstance(x, list) else [dec(y) if not isinstance(y, list) else [dec(z) for z in y] for y in x] for x in args]
        if name == "set_new":
            env[tgt] = set()
        elif name == "set_lit":  # BUILD_SET n with adds in order
            env[tgt] = set()
            for k in a[0]:
                env[tgt].add(k)
            # the real literal {a, b, c} with a non-constant element:
            code = "{" + ", ".join("_k%d" % i for i in range(len(a[0]))) + ",}" if a[0] else "set()"
            real = eval(code, {"_k%d" % i: k for i, k in enumerate(a[0])})
            assert list(real) == list(env[tgt]) and sys.getsizeof(real) == sys.getsizeof(env[tgt])
        elif name == "set_constlit":  # {1, 2, 3}: frozenset constant + SET_UPDATE
            code = "{" + ", ".join(repr(k) for k in a[0]) + ",}"
            env[tgt] = eval(code)
        elif name == "set_from":
            env[tgt] = set(a[0])
        elif name == "set_comp":
            env[tgt] = {k for k in a[0]}
        elif name == "fs_from":
            env[tgt] = frozenset(a[0])
            res = enc(hash(env[tgt]))
        elif name == "fs_of":
            env[tgt] = frozenset(env[a[0]])
            res = enc(hash(env[tgt]))
        elif name == "set_add":
            env[tgt].add(a[0])
        elif name == "set_update_list":
            env[tgt].update(a[0])
        elif name == "set_update":
            env[tgt].update(env[a[0]])
        elif name == "set_discard":
            res = a[0] in env[tgt]
            env[tgt].discard(a[0])
        elif name == "set_pop":
            res = enc(env[tgt].pop())
        elif name == "set_clear":
            env[tgt].clear()
        elif name == "set_copy":
            env[tgt] = env[a[0]].copy()
        elif name == "set_of":  # set(other_set_or_dict)
            env[tgt] = set(env[a[0]])
        elif name == "set_or":
            env[tgt] = env[a[0]] | env[a[1]]
        elif name == "set_and":
            env[tgt] = env[a[0]] & env[a[1]]
        elif name == "set_and_list":
            env[tgt] = env[a[0]].intersection(a[1])
        elif name == "set_sub":
            env[tgt] = env[a[0]] - env[a[1]]
        elif name == "set_sub_dict":
            env[tgt] = env[a[0]].difference(env[a[1]])
        elif name == "set_sub_list":
            env[tgt] = env[a[0]].difference(a[1])
        elif name == "set_xor":
            env[tgt] = env[a[0]] ^ env[a[1]]
        elif name == "set_iand":
            env[tgt] &= env[a[0]]
        elif name == "set_isub":
            env[tgt] -= env[a[0]]
        elif name == "set_isub_list":
            env[tgt].difference_update(a[0])
        elif name == "set_ixor":
            env[tgt] ^= env[a[0]]
        elif name == "set_issubset":
            res = env[tgt] <= env[a[0]]
        elif name == "set_isdisjoint":
            res = env[tgt].isdisjoint(env[a[0]])
        elif name == "set_eq":
            res = env[tgt] == env[a[0]]
        elif name == "dict_new":
            env[tgt] = {}
        elif name == "dict_lit":  # BUILD_MAP / BUILD_CONST_KEY_MAP
            items = a[0]
            code = "{" + ", ".join("_k%d: _v%d" % (i, i) for i in range(len(items))) + "}"
            ns = {}
            for i, (k, v) in enumerate(items):
                ns["_k%d" % i] = k
                ns["_v%d" % i] = v
            env[tgt] = eval(code, ns)
        elif name == "dict_comp":
            env[tgt] = {k: v for k, v in a[0]}
        elif name == "dict_pairs":
            env[tgt] = dict(a[0])
        elif name == "dict_set":
            env[tgt][a[0]] = a[1]
        elif name == "dict_del":
            del env[tgt][a[0]]
        elif name == "dict_pop":
            res = enc(env[tgt].pop(a[0], None)) if a[0] in env[tgt] else None
        elif name == "dict_popitem":
            k, v = env[tgt].popitem()
            res = [enc(k), enc(v)]
        elif name == "dict_setdefault":
            res = enc(env[tgt].setdefault(a[0], a[1]))
        elif name == "dict_clear":
            env[tgt].clear()
        elif name == "dict_copy":
            env[tgt] = env[a[0]].copy()
        elif name == "dict_of":  # dict(d)
            env[tgt] = dict(env[a[0]])
        elif name == "dict_update":
            env[tgt].update(env[a[0]])
        elif name == "dict_fromkeys":  # from a dict or set variable
            env[tgt] = dict.fromkeys(env[a[0]], 0)
        elif name == "dict_fromkeys_list":
            env[tgt] = dict.fromkeys(a[0], 0)
        elif name == "dict_eq":
            res = env[tgt] == env[a[0]]
        else:
            raise ValueError(name)
        v = env[tgt]
        out.append({"state": state(v), "size": sys.getsizeof(v), "res": res})
    return out


# ---------------------------------------------------------------- scenarios

def strkeys(n, prefix="k"):
    return ["%s%d" % (prefix, i) for i in range(n)]


def scenarios():
    S = []
    add = lambda name, ops: S.append({"name": name, "ops": ops})

    # set growth by add loops (ints and strs), sizes after each add
    add("set add ints 0..60", [["set_new", "s"]] + [["set_add", "s", i] for i in range(60)])
    add("set add strs", [["set_new", "s"]] + [["set_add", "s", {"s": k}] for k in strkeys(50)])
    add("set add mixed hashes", [["set_new", "s"]] + [["set_add", "s", k] for k in
        [3, 1, 2, -1, -2, 8, 16, 2**61 - 1, 2**61, {"i": str(2**64 + 5)}, {"i": str(-(2**70))}, 100, 7, 15, 23, 31]])
    for n in [0, 1, 3, 4, 5, 6, 10, 19, 20, 40, 100]:
        ks = list(range(n - 1, -1, -1))
        add("set literal/from/comp %d" % n, [["set_lit", "a", ks], ["set_from", "b", ks], ["set_comp", "c", ks],
                                             ["fs_from", "f", ks], ["set_of", "g", "f"], ["set_copy", "h", "a"]])
        sk = [{"s": k} for k in strkeys(n, "x")]
        add("str set literal/from %d" % n, [["set_lit", "a", sk], ["set_from", "b", sk], ["fs_from", "f", sk],
                                            ["set_constlit", "c", sk] if n >= 3 else ["set_from", "c", sk]])
    for n in [3, 4, 5, 6, 9, 12, 13, 25]:
        add("const set literal %d" % n, [["set_constlit", "a", list(range(n))],
                                         ["set_constlit", "b", [x * 7 for x in range(n)]]])
    # removals and re-adds (dummy reuse, freeslot)
    add("set discard/re-add", [["set_from", "s", [1, 9, 17, 25, 2, 10]], ["set_discard", "s", 1], ["set_add", "s", 33],
                               ["set_discard", "s", 9], ["set_discard", "s", 17], ["set_add", "s", 1], ["set_add", "s", 9],
                               ["set_discard", "s", 99], ["set_add", "s", 41], ["set_add", "s", 49]])
    rnd = random.Random(1234)
    ops = [["set_new", "s"]]
    for _ in range(400):
        k = rnd.randrange(0, 200) if rnd.random() < 0.7 else {"s": "w%d" % rnd.randrange(60)}
        ops.append(["set_add" if rnd.random() < 0.6 else "set_discard", "s", k])
    add("set random add/discard", ops)
    # pops
    add("set pop ints", [["set_from", "s", list(range(30))]] + [["set_pop", "s"] for _ in range(12)] +
        [["set_add", "s", 100 + i] for i in range(5)] + [["set_pop", "s"] for _ in range(10)])
    add("set pop strs", [["set_from", "s", [{"s": k} for k in strkeys(20)]]] + [["set_pop", "s"] for _ in range(20)])
    add("set pop small", [["set_lit", "s", [5, 3, 9, 1]], ["set_pop", "s"], ["set_add", "s", 0], ["set_pop", "s"],
                          ["set_pop", "s"], ["set_add", "s", 13], ["set_pop", "s"], ["set_pop", "s"]])
    add("set clear", [["set_from", "s", list(range(20))], ["set_clear", "s"], ["set_add", "s", 1], ["set_lit", "t", [1, 2]],
                      ["set_clear", "t"], ["set_from", "t", list(range(7))]])
    # set operations
    for (na, nb, sa, sb) in [(10, 10, 0, 5), (40, 5, 0, 3), (5, 40, 0, 2), (100, 10, 0, 0), (20, 200, 3, 0), (8, 8, 0, 8), (30, 0, 0, 0)]:
        A = [x * 3 + sa for x in range(na)]
        B = [x * 2 + sb for x in range(nb)]
        add("set ops ints %d/%d" % (na, nb), [
            ["set_from", "a", A], ["set_from", "b", B],
            ["set_or", "u", "a", "b"], ["set_or", "u2", "b", "a"], ["set_and", "i", "a", "b"], ["set_and", "i2", "b", "a"],
            ["set_sub", "d", "a", "b"], ["set_sub", "d2", "b", "a"], ["set_xor", "x", "a", "b"], ["set_xor", "x2", "b", "a"],
            ["set_and_list", "il", "a", B], ["set_sub_list", "dl", "a", B],
            ["set_issubset", "a", "b"], ["set_issubset", "i", "a"], ["set_isdisjoint", "a", "b"], ["set_eq", "a", "b"],
            ["set_copy", "c", "a"], ["set_iand", "c", "b"],
            ["set_copy", "c", "a"], ["set_isub", "c", "b"],
            ["set_copy", "c", "a"], ["set_isub_list", "c", B],
            ["set_copy", "c", "a"], ["set_ixor", "c", "b"],
            ["set_copy", "c", "a"], ["set_update", "c", "b"],
            ["dict_fromkeys_list", "db", B], ["set_sub_dict", "dd", "a", "db"], ["set_of", "sd", "db"],
            ["set_copy", "c", "a"], ["set_update", "c", "db"],
        ])
    SA = [{"s": k} for k in strkeys(25, "p")]
    SB = [{"s": k} for k in strkeys(30, "p")[10:]] + [{"s": k} for k in strkeys(6, "q")]
    add("set ops strs", [["set_from", "a", SA], ["set_from", "b", SB], ["set_or", "u", "a", "b"], ["set_and", "i", "a", "b"],
                         ["set_sub", "d", "a", "b"], ["set_xor", "x", "a", "b"], ["set_xor", "x2", "b", "a"],
                         ["fs_of", "fa", "a"], ["fs_of", "fb", "b"], ["fs_of", "fi", "i"]])
    add("frozenset hashes", [["fs_from", "f%d" % n, list(range(n))] for n in range(0, 12)] +
        [["fs_from", "g", [{"s": k} for k in strkeys(9)]], ["fs_from", "h", [-1, -2, 2**61 - 2, {"i": str(2**63)}]]])

    # ---- dicts
    add("dict growth ints", [["dict_new", "d"]] + [["dict_set", "d", i, i] for i in range(100)])
    add("dict growth strs", [["dict_new", "d"]] + [["dict_set", "d", {"s": k}, 1] for k in strkeys(90)])
    add("dict unicode->general", [["dict_set", "d", {"s": "a"}, 1] if False else ["dict_new", "d"], ["dict_set", "d", {"s": "a"}, 1],
                                   ["dict_set", "d", 1, 2], ["dict_new", "e"]] + [["dict_set", "e", {"s": k}, 0] for k in strkeys(5)] +
        [["dict_set", "e", 7, 7], ["dict_new", "f"]] + [["dict_set", "f", {"s": k}, 0] for k in strkeys(10)] +
        [["dict_setdefault", "f", 3, 3]])
    for n in [0, 1, 5, 6, 8, 10, 11, 16, 21, 22, 43, 100]:
        items = [[i * 5, i] for i in range(n)]
        sitems = [[{"s": k}, 0] for k in strkeys(n)]
        add("dict literal/comp/pairs %d" % n, [["dict_lit", "a", items], ["dict_comp", "b", items], ["dict_pairs", "c", items],
                                               ["dict_lit", "s", sitems], ["dict_copy", "e", "a"], ["dict_of", "f", "s"],
                                               ["dict_fromkeys", "g", "a"], ["dict_fromkeys", "h", "s"],
                                               ["dict_fromkeys_list", "i", [k for k, _ in items]],
                                               ["set_of", "st", "s"], ["dict_fromkeys", "j", "st"],
                                               ["dict_new", "u"], ["dict_update", "u", "a"],
                                               ["dict_lit", "v", [[{"s": "zz"}, 1]]], ["dict_update", "v", "s"],
                                               ["dict_eq", "a", "b"]])
    ops = [["dict_new", "d"]] + [["dict_set", "d", i, i] for i in range(40)]
    for i in range(0, 40, 3):
        ops.append(["dict_del", "d", i])
    ops += [["dict_copy", "c", "d"], ["dict_of", "o", "d"]]
    for i in range(30):
        ops.append(["dict_del", "d", i]) if i % 3 and i < 25 else None
    ops = [o for o in ops if o]
    ops += [["dict_copy", "c2", "d"], ["dict_of", "o2", "d"], ["dict_set", "d", 1000, 1], ["dict_set", "d", 1001, 1]]
    ops += [["dict_popitem", "d"] for _ in range(5)] + [["dict_set", "d", 2000 + i, i] for i in range(8)]
    ops += [["dict_clear", "d"], ["dict_set", "d", {"s": "x"}, 1], ["dict_clear", "d"], ["dict_setdefault", "d", 5, 6],
            ["dict_setdefault", "d", 5, 7], ["dict_pop", "d", 5], ["dict_pop", "d", 5]]
    add("dict deletions/copy/popitem/clear", ops)
    rnd = random.Random(99)
    ops = [["dict_new", "d"]]
    for _ in range(300):
        r = rnd.random()
        k = rnd.randrange(80) if rnd.random() < 0.6 else {"s": "z%d" % rnd.randrange(40)}
        if r < 0.55:
            ops.append(["dict_set", "d", k, rnd.randrange(5)])
        elif r < 0.8:
            ops.append(["dict_pop", "d", k])
        elif r < 0.85:
            ops.append(["dict_popitem", "d"]) if True else None
        elif r < 0.9:
            ops.append(["dict_setdefault", "d", k, 1])
        elif r < 0.93:
            ops.append(["dict_copy", "c", "d"])
        elif r < 0.96:
            ops.append(["dict_of", "c", "d"])
        else:
            ops.append(["dict_set", "d", k, 0])
    add("dict random", ops)
    # popitem would raise on empty dicts in the random scenario: guard by pre-filling
    S[-1]["ops"] = [["dict_new", "d"]] + [["dict_set", "d", 1000 + i, 0] for i in range(40)] + S[-1]["ops"][1:]
    add("dict update sizes", [["dict_lit", "a", [[i, i] for i in range(3)]], ["dict_lit", "b", [[i + 10, i] for i in range(5)]],
                              ["dict_update", "a", "b"], ["dict_lit", "c", [[1, 1]]],
                              ["dict_lit", "e", [[i + 50, i] for i in range(6)]], ["dict_update", "c", "e"],
                              ["dict_new", "g"], ["dict_lit", "h", [[i, i] for i in range(30)]], ["dict_del", "h", 3],
                              ["dict_update", "g", "h"], ["dict_new", "k"], ["dict_update", "k", "a"]])
    return S


def normalize(x):
    """Big ints written as plain ints in the scenarios -> {"i": ...}."""
    if isinstance(x, list):
        return [normalize(y) for y in x]
    if isinstance(x, int) and not isinstance(x, bool) and abs(x) >= 2**53:
        return {"i": str(x)}
    return x


def strs_in(obj, acc):
    if isinstance(obj, dict):
        if "s" in obj and len(obj) == 1:
            acc.add(obj["s"])
        else:
            for v in obj.values():
                strs_in(v, acc)
    elif isinstance(obj, list):
        for v in obj:
            strs_in(v, acc)


def main():
    assert sys.version_info[:2] == (3, 11), sys.version
    sc = scenarios()
    for s in sc:
        s["ops"] = [normalize(op) for op in s["ops"]]
    for s in sc:
        s["expect"] = run(s["ops"])
    acc = set()
    strs_in(sc, acc)
    doc = {
        "python": sys.version.split()[0],
        "strHashes": {s: str(hash(s)) for s in sorted(acc)},
        "scenarios": sc,
    }
    text = json.dumps(doc, indent=None, separators=(",", ":"))
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        with open(os.path.join(HERE, "expectations.json"), "w") as f:
            f.write(text)
        print("wrote %d scenarios" % len(sc))


if __name__ == "__main__":
    main()
