#!/usr/bin/env python3
"""Records CPython 3.11 outputs of the method test cases (cases/*.py) into expected.json.

    python3 test/core/runtime/methods/record.py            # rewrite expected.json
    python3 test/core/runtime/methods/record.py --stdout   # print instead (live re-check)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

out = {"python": sys.version.split()[0], "cases": {}}
for name in sorted(os.listdir(CASES)):
    if not name.endswith(".py"):
        continue
    env = dict(os.environ, PYTHONHASHSEED="0")
    r = subprocess.run([sys.executable, name], cwd=CASES, env=env, capture_output=True, text=True)
    out["cases"][name] = {"stdout": r.stdout, "stderr": r.stderr, "exit": r.returncode}
text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
if "--stdout" in sys.argv:
    sys.stdout.write(text)
else:
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        f.write(text)
