#!/usr/bin/env python3
"""Writes the rightsize test logs (audit.k8s.io/v1 events, one per line) for examples 000 and 001. Deterministic."""
import json, uuid

def event(n, day, user, verb, uri, obj=None, code=200, reason="", decision="allow"):
    t = f"2026-11-{day:02d}T10:{n % 60:02d}:{n % 60:02d}.{n:06d}Z"
    e = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": str(uuid.UUID(int=n + 1)),
         "stage": "ResponseComplete", "requestURI": uri, "verb": verb, "user": user, "sourceIPs": ["203.0.113.10"],
         "userAgent": "kubectl/v1.31.2", "responseStatus": {"metadata": {}, "code": code},
         "requestReceivedTimestamp": t, "stageTimestamp": t,
         "annotations": {"authorization.k8s.io/decision": decision, "authorization.k8s.io/reason": reason}}
    if obj is not None:
        e["objectRef"] = obj
    return json.dumps(e, separators=(",", ":"))

def iam_user(name, arn, groups):
    return {"username": name, "uid": "aws-iam-authenticator:111122223333:AIDA" + name.upper(), "groups": groups + ["system:authenticated"],
            "extra": {"arn": [arn], "canonicalArn": [arn], "sessionName": [""], "accessKeyId": ["AKIAEXAMPLE"]}}

EDIT = 'EKS Access Policy: allowed by ClusterRoleBinding "arn:aws:iam::111122223333:user/dev-john+arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy" of ClusterRole "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy" to User "AIDADEV-JOHN"'
READ = 'RBAC: allowed by ClusterRoleBinding "developer-cluster-readonly-binding" of ClusterRole "developer-cluster-readonly" to Group "dev-team"'
DISCOVERY = 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"'
BASIC = 'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"'

def seed000(path):
    john = iam_user("dev-john", "arn:aws:iam::111122223333:user/dev-john", ["dev-team"])
    lines, n = [], 0
    def add(*a, **k):
        nonlocal n
        n += 1
        lines.append(event(n, *a, **k))
    for day in range(3, 17):  # two weeks of work in dev-apps
        add(day, john, "get", "/api", reason=DISCOVERY)
        add(day, john, "create", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {"resource": "selfsubjectaccessreviews", "apiGroup": "authorization.k8s.io", "apiVersion": "v1"}, code=201, reason=BASIC)
        add(day, john, "list", "/api/v1/namespaces/dev-apps/pods", {"resource": "pods", "namespace": "dev-apps", "apiVersion": "v1"}, reason=EDIT)
        add(day, john, "get", "/api/v1/namespaces/dev-apps/pods/web-%d" % day, {"resource": "pods", "namespace": "dev-apps", "name": "web-%d" % day, "apiVersion": "v1"}, reason=EDIT)
        add(day, john, "get", "/api/v1/namespaces/dev-apps/pods/web-%d/log" % day, {"resource": "pods", "subresource": "log", "namespace": "dev-apps", "name": "web-%d" % day, "apiVersion": "v1"}, reason=EDIT)
        add(day, john, "list", "/apis/apps/v1/namespaces/dev-apps/deployments", {"resource": "deployments", "namespace": "dev-apps", "apiGroup": "apps", "apiVersion": "v1"}, reason=EDIT)
        add(day, john, "patch", "/apis/apps/v1/namespaces/dev-apps/deployments/web", {"resource": "deployments", "namespace": "dev-apps", "name": "web", "apiGroup": "apps", "apiVersion": "v1"}, reason=EDIT)
        add(day, john, "create", "/apis/apps/v1/namespaces/dev-apps/deployments", {"resource": "deployments", "namespace": "dev-apps", "name": "web-%d" % day, "apiGroup": "apps", "apiVersion": "v1"}, code=201, reason=EDIT)
        add(day, john, "list", "/api/v1/nodes", {"resource": "nodes", "apiVersion": "v1"}, reason=READ)
        # wanted, never granted
        add(day, john, "list", "/api/v1/namespaces/kube-system/pods", {"resource": "pods", "namespace": "kube-system", "apiVersion": "v1"}, code=403, reason="", decision="forbid")
    # someone else, never part of the subject
    admin = {"username": "arn:aws:sts::111122223333:assumed-role/PlatformAdmin/jane", "groups": ["system:authenticated"],
             "extra": {"canonicalArn": ["arn:aws:iam::111122223333:role/PlatformAdmin"], "arn": ["arn:aws:sts::111122223333:assumed-role/PlatformAdmin/jane"], "sessionName": ["jane"]}}
    n += 1
    lines.append(event(n, 5, admin, "get", "/api/v1/namespaces/dev-apps/secrets/db", {"resource": "secrets", "namespace": "dev-apps", "name": "db", "apiVersion": "v1"}, reason='EKS Access Policy: allowed by ClusterRoleBinding "arn:aws:iam::111122223333:role/PlatformAdmin+arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" of ClusterRole "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" to User "x"'))
    open(path, "w").write("\n".join(lines) + "\n")

def seed001(path):
    dev = {"username": "developer", "uid": "aws-iam-authenticator:293759796572:AROADEV", "groups": ["k8s-devs", "system:authenticated"],
           "extra": {"canonicalArn": ["arn:aws:iam::293759796572:role/k8s-devs-role"], "arn": ["arn:aws:sts::293759796572:assumed-role/k8s-devs-role/alice"], "sessionName": ["alice"]}}
    lines, n = [], 0
    def add(*a, **k):
        nonlocal n
        n += 1
        lines.append(event(n, *a, **k))
    def rb(ns):
        return 'RBAC: allowed by RoleBinding "dev-role-binding/%s" of ClusterRole "dev-full-access" to Group "k8s-devs"' % ns
    for day in range(3, 17):
        add(day, dev, "get", "/api", reason=DISCOVERY)
        add(day, dev, "list", "/apis/apps/v1/namespaces/dev/deployments", {"resource": "deployments", "namespace": "dev", "apiGroup": "apps", "apiVersion": "v1"}, reason=rb("dev"))
        add(day, dev, "create", "/apis/apps/v1/namespaces/dev/deployments", {"resource": "deployments", "namespace": "dev", "name": "app-%d" % day, "apiGroup": "apps", "apiVersion": "v1"}, code=201, reason=rb("dev"))
        add(day, dev, "delete", "/apis/apps/v1/namespaces/dev/deployments/app-%d" % (day - 1), {"resource": "deployments", "namespace": "dev", "name": "app-%d" % (day - 1), "apiGroup": "apps", "apiVersion": "v1"}, reason=rb("dev"))
        add(day, dev, "list", "/api/v1/namespaces/dev/pods", {"resource": "pods", "namespace": "dev", "apiVersion": "v1"}, reason=rb("dev"))
    open(path, "w").write("\n".join(lines) + "\n")

seed000("dev-team-000.log")
seed001("k8s-devs-001.log")
