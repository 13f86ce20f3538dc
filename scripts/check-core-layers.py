#!/usr/bin/env python3
"""Core's folders are layers: no folder may import (via `using EksAccess.Core.X` or a qualified
`EksAccess.Core.X.` name) a folder that imports it back, directly or through others.
Prints the folder graph's cycles and exits 1 when there is one; run by .ci/run."""
import os, re, sys
from collections import defaultdict

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "EksAccess.Core")
ref = re.compile(r"\bEksAccess\.Core\.([A-Z]\w*)")
edges = defaultdict(set)
where = {}
for folder in sorted(os.listdir(root)):
    path = os.path.join(root, folder)
    if not os.path.isdir(path) or folder in ("bin", "obj"):
        continue
    for dirpath, _, files in os.walk(path):
        for name in files:
            if not name.endswith(".cs"):
                continue
            text = open(os.path.join(dirpath, name), encoding="utf-8").read()
            for target in set(ref.findall(text)):
                if target != folder:
                    edges[folder].add(target)
                    where.setdefault((folder, target), os.path.relpath(os.path.join(dirpath, name), root))

# Tarjan's strongly connected components: any component of two or more folders is a cycle.
index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        comps.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(edges):
    if v not in index:
        visit(v)
cycles = [c for c in comps if len(c) > 1]
for c in cycles:
    inner = [f"{a}->{b} ({where[(a, b)]})" for a in c for b in sorted(edges[a]) if b in c]
    print("cycle: " + " ".join(c) + "\n  " + "\n  ".join(inner))
print(f"core layers: {len(edges)} folders, {sum(len(t) for t in edges.values())} edges, {len(cycles)} cycles")
sys.exit(1 if cycles else 0)
