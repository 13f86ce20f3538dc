"""Recompute an EKS token's SigV4 query signature with botocore and compare it with the one in the URL.

usage: verify_eks_token.py TOKEN_OR_URL CLUSTER_ID SECRET_KEY [SESSION_TOKEN]
prints "match" (exit 0) or "mismatch ..." (exit 1). The signing time is the URL's own X-Amz-Date: botocore's
add_auth() would overwrite context["timestamp"] with utcnow(), so the signing steps are called one by one.
"""
import base64
import sys
import urllib.parse

from botocore.auth import SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

PREFIX = "k8s-aws-v1."


def main():
    token_or_url, cluster, secret = sys.argv[1:4]
    session_token = sys.argv[4] if len(sys.argv) > 4 else None
    url = token_or_url
    if url.startswith(PREFIX):
        payload = url[len(PREFIX):]
        url = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8")
    parts = urllib.parse.urlsplit(url)
    params = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    signature = params["X-Amz-Signature"]
    access_key, _date, region, service, _terminal = params["X-Amz-Credential"].split("/")
    auth = SigV4QueryAuth(Credentials(access_key, secret, session_token), service, region, expires=int(params["X-Amz-Expires"]))
    request = AWSRequest(
        method="GET",
        url=f"{parts.scheme}://{parts.netloc}{parts.path}",
        params={"Action": params["Action"], "Version": params["Version"]},
        headers={"x-k8s-aws-id": cluster},
    )
    request.context["timestamp"] = params["X-Amz-Date"]
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    expected = auth.signature(auth.string_to_sign(request, canonical), request)
    if expected == signature:
        print("match")
        return 0
    print(f"mismatch expected={expected} actual={signature}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
