#!/usr/bin/env python3
"""Turns the 50k-binding snapshot (EksAccess.Benchmarks --write-snapshot) into a cluster to migrate, for
bench/migrate-proof.sh: authentication mode CONFIG_MAP and no access entries (aws-auth is the only source, as on a
cluster that has never used entries), 100 namespaces kept for the matrix (their bindings stay), and every 100th
mapUsers entry given system:masters next to its team group, so the proof has distinct subjects whose matrices it must
compute before and after (system:masters -> AmazonEKSClusterAdminPolicy).
Usage: generate-migrate-snapshot.py SOURCE_DIR TARGET_DIR"""
import json
import os
import re
import shutil
import sys

source, target = sys.argv[1], sys.argv[2]
os.makedirs(target, exist_ok=True)
for name in os.listdir(source):
    if name == "access-entries.json":
        continue
    shutil.copy(os.path.join(source, name), os.path.join(target, name))

with open(os.path.join(target, "cluster.json")) as f:
    cluster = json.load(f)
cluster["cluster"]["accessConfig"]["authenticationMode"] = "CONFIG_MAP"
with open(os.path.join(target, "cluster.json"), "w") as f:
    json.dump(cluster, f, indent=4)

# namespaces.yaml is a kind: List of Namespaces: keep the first 100 items.
with open(os.path.join(target, "namespaces.yaml")) as f:
    text = f.read()
body, trailer = text[len("apiVersion: v1\nitems:\n"):].split("\nkind: List\n", 1)
documents = ["- apiVersion" + d for d in body.split("- apiVersion") if d.strip()]
with open(os.path.join(target, "namespaces.yaml"), "w") as f:
    f.write("apiVersion: v1\nitems:\n" + "".join(d if d.endswith("\n") else d + "\n" for d in documents[:100]) + "kind: List\n" + trailer)

with open(os.path.join(target, "aws-auth.yaml")) as f:
    text = f.read()
count = 0
def masters(match):
    global count
    count += 1
    return match.group(0) + ("      - system:masters\n" if count % 100 == 0 else "")
head, users = text.split("  mapUsers: |\n", 1)
users = re.sub(r"    - groups:\n      - [^\n]+\n", masters, users)
with open(os.path.join(target, "aws-auth.yaml"), "w") as f:
    f.write(head + "  mapUsers: |\n" + users)
print(f"{target}: CONFIG_MAP, no access entries, {min(len(documents), 100)} namespaces, {count // 100} system:masters users")
