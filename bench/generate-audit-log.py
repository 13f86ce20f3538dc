#!/usr/bin/env python3
"""Writes a kube-apiserver audit log as EKS ships it (one audit.k8s.io/v1 Event per line): 500,000 events by default,
about 600 MB, from 2,000 IAM principals (SSO role sessions, get-token sessions, IAM users) plus service accounts and
nodes, with RBAC and EKS access-policy reasons, 403s, exec over WebSocket and two stages for one request in twenty.
Usage: generate-audit-log.py OUT [EVENTS]"""
import json, random, sys, uuid

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
random.seed(7)
A = "111122223333"
POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]
resources = [("", "pods"), ("", "configmaps"), ("apps", "deployments"), ("", "secrets"), ("batch", "jobs"), ("", "services")]
namespaces = ["dev-apps", "payments", "kube-system", "default"] + [f"team-{i}" for i in range(40)]
padding = "x" * 40  # EKS events at level Request carry request objects; this brings the file near 600 MB

def principal(i):
    if i == 0: return ("dev-john", f"arn:aws:iam::{A}:user/dev-john", f"arn:aws:iam::{A}:user/dev-john", "", "AKIAEXAMPLEJOHN00001", ["dev-team"])
    if i == 1: return ("developer", f"arn:aws:sts::{A}:assumed-role/EKSDeveloperRole/EKSGetTokenAuth", f"arn:aws:iam::{A}:role/EKSDeveloperRole", "EKSGetTokenAuth", "ASIAEXAMPLETOKEN0001", ["dev-team"])
    if i % 3 == 0:
        s = f"user{i}@example.com"
        return (f"arn:aws:sts::{A}:assumed-role/PlatformAdmin/user{i}-example.com", f"arn:aws:sts::{A}:assumed-role/PlatformAdmin/{s}", f"arn:aws:iam::{A}:role/PlatformAdmin", s, f"ASIA{i:016d}", [])
    if i % 3 == 1:
        return (f"role{i}", f"arn:aws:sts::{A}:assumed-role/team-role-{i}/EKSGetTokenAuth", f"arn:aws:iam::{A}:role/team-role-{i}", "EKSGetTokenAuth", f"ASIA{i:016d}", ["dev-team"])
    return (f"user-{i}", f"arn:aws:iam::{A}:user/user-{i}", f"arn:aws:iam::{A}:user/user-{i}", "", f"AKIA{i:016d}", ["dev-team"])

people = [principal(i) for i in range(2000)]
with open(out, "w") as f:
    for n in range(count):
        aid = str(uuid.UUID(int=random.getrandbits(128)))
        t = f"2026-11-20T{(n // 60000) % 24:02d}:{(n // 1000) % 60:02d}:{n % 60:02d}.{n % 1000000:06d}Z"
        group, resource = random.choice(resources)
        ns = random.choice(namespaces)
        verb = random.choice(verbs)
        if n % 10 == 9:
            user = {"username": f"system:serviceaccount:kube-system:sa-{n % 50}", "uid": str(n), "groups": ["system:serviceaccounts", "system:authenticated"]}
            reason = 'RBAC: allowed by ClusterRoleBinding "system:controller" of ClusterRole "system:controller" to ServiceAccount "sa/kube-system"'
        else:
            name, arn, canonical, session, key, groups = random.choice(people)
            user = {"username": name, "uid": f"aws-iam-authenticator:{A}:AROA{n % 2000:016d}", "groups": groups + ["system:authenticated"],
                    "extra": {"accessKeyId": [key], "arn": [arn], "canonicalArn": [canonical], "principalId": [f"AROA{n % 2000:016d}"], "sessionName": [session]}}
            reason = (f'EKS Access Policy: allowed by ClusterRoleBinding "{canonical}+{POLICY}" of ClusterRole "{POLICY}" to User "AROA"'
                      if "PlatformAdmin" in canonical else 'RBAC: allowed by RoleBinding "developer-rolebinding/dev-apps" of Role "developer-role" to Group "dev-team"')
        denied = n % 17 == 0
        event = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Request", "auditID": aid, "stage": "ResponseComplete",
                 "requestURI": f"/api/v1/namespaces/{ns}/{resource}?limit=500", "verb": verb, "user": user,
                 "sourceIPs": ["203.0.113.10"], "userAgent": "kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46",
                 "objectRef": {"resource": resource, "namespace": ns, "name": f"obj-{n % 997}", "apiGroup": group, "apiVersion": "v1"},
                 "responseStatus": {"metadata": {}, "code": 403 if denied else 200},
                 "requestObject": {"metadata": {"annotations": {"note": padding}}},
                 "requestReceivedTimestamp": t, "stageTimestamp": t,
                 "annotations": {"authorization.k8s.io/decision": "forbid" if denied else "allow", "authorization.k8s.io/reason": "" if denied else reason}}
        if n % 20 == 0:
            early = dict(event, stage="RequestReceived"); early.pop("responseStatus"); early.pop("annotations")
            f.write(json.dumps(early, separators=(",", ":")) + "\n")
        f.write(json.dumps(event, separators=(",", ":")) + "\n")
