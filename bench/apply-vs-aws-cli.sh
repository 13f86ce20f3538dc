#!/usr/bin/env bash
# Times `eksaccess apply --auto-approve --target aws` against the rendered aws-cli script (`eksaccess render --format
# aws-cli`) on the same generated config (bench/generate-developers.py, 200 developers by default), both against a
# local moto server with the in-process access-entry fake in front of it (bench/EksAccess.AwsFakeHost), from the same
# empty state. After each run, `eksaccess plan` must report no changes (both reach the same state).
#
# usage: bench/apply-vs-aws-cli.sh [DEVELOPERS] [TEAMS]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEVELOPERS="${1:-200}"
TEAMS="${2:-10}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/eksaccess-bench.XXXXXX")"
MOTO_PID=""
FAKE_PID=""

cleanup() {
  [ -n "$FAKE_PID" ] && kill -KILL "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null || true
  [ -n "$MOTO_PID" ] && kill "$MOTO_PID" 2>/dev/null && wait "$MOTO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL
printf '[default]\n' >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"

python3 -c "import moto, flask, werkzeug" || { echo "error: python3 moto is missing" >&2; exit 1; }
command -v aws >/dev/null || { echo "error: the aws CLI is missing" >&2; exit 1; }

now() { python3 -c 'import time; print(f"{time.monotonic():.3f}")'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "building (Release)…" >&2
dotnet build -c Release -v quiet -nologo "$ROOT/src/EksAccess.Cli/EksAccess.Cli.csproj" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
dotnet build -c Release -v quiet -nologo "$ROOT/bench/EksAccess.AwsFakeHost/EksAccess.AwsFakeHost.csproj" >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
EKSACCESS=(dotnet "$ROOT/src/EksAccess.Cli/bin/Release/net10.0/eksaccess.dll")
FAKE_HOST="$ROOT/bench/EksAccess.AwsFakeHost/bin/Release/net10.0/EksAccess.AwsFakeHost.dll"

MOTO_PORT="$(free_port)"
MOTO_URL="http://127.0.0.1:$MOTO_PORT"
python3 -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for _ in $(seq 1 300); do
  curl -fs "$MOTO_URL/moto-api/" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$MOTO_URL/moto-api/" >/dev/null || { echo "error: moto did not start" >&2; cat "$WORK/moto.log" >&2; exit 1; }

start_fake() {
  : >"$WORK/fake.out"
  dotnet "$FAKE_HOST" "$MOTO_URL/" >"$WORK/fake.out" 2>"$WORK/fake.err" &
  FAKE_PID=$!
  for _ in $(seq 1 300); do
    [ -s "$WORK/fake.out" ] && break
    sleep 0.1
  done
  ENDPOINT="$(head -n 1 "$WORK/fake.out")"
  [ -n "$ENDPOINT" ] || { echo "error: the access-entry fake did not start" >&2; cat "$WORK/fake.err" >&2; exit 1; }
}

stop_fake() {
  kill "$FAKE_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$FAKE_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$FAKE_PID" 2>/dev/null || true
  wait "$FAKE_PID" 2>/dev/null || true
  FAKE_PID=""
}

# An empty account with one cluster in API_AND_CONFIG_MAP mode (moto holds IAM and the cluster, the fake its access entries).
fresh_state() {
  [ -n "$FAKE_PID" ] && stop_fake
  curl -fs -X POST "$MOTO_URL/moto-api/reset" >/dev/null
  start_fake
  aws eks create-cluster --endpoint-url "$ENDPOINT" --name bench --role-arn arn:aws:iam::123456789012:role/eks-cluster \
    --resources-vpc-config subnetIds=subnet-1,subnet-2 --access-config authenticationMode=API_AND_CONFIG_MAP >/dev/null
}

python3 "$ROOT/bench/generate-developers.py" --developers "$DEVELOPERS" --teams "$TEAMS" >"$WORK/access.yaml"
"${EKSACCESS[@]}" render -f "$WORK/access.yaml" --format aws-cli -o "$WORK/render" >/dev/null

# ---- eksaccess apply ----
fresh_state
"${EKSACCESS[@]}" plan -f "$WORK/access.yaml" --target aws --endpoint-url "$ENDPOINT" >"$WORK/plan.txt" || [ $? -eq 2 ]
CHANGES="$(tail -n 1 "$WORK/plan.txt")"
start="$(now)"
"${EKSACCESS[@]}" apply -f "$WORK/access.yaml" --target aws --auto-approve --endpoint-url "$ENDPOINT" >"$WORK/apply.out" 2>"$WORK/apply.err" \
  || { echo "error: eksaccess apply failed" >&2; tail -n 5 "$WORK/apply.err" >&2; exit 1; }
end="$(now)"
EKSACCESS_SECONDS="$(python3 -c "print(f'{$end - $start:.2f}')")"
"${EKSACCESS[@]}" plan -f "$WORK/access.yaml" --target aws --endpoint-url "$ENDPOINT" >"$WORK/replan.txt" \
  || { echo "error: eksaccess plan after apply is not empty" >&2; tail -n 20 "$WORK/replan.txt" >&2; exit 1; }
CALLS_EKSACCESS="$(grep -c '' "$WORK/apply.err")"

# ---- aws-cli/apply.sh ----
fresh_state
# The aws CLI v1 (botocore >= 1.31) honours AWS_ENDPOINT_URL; check, and fall back to a wrapper adding --endpoint-url.
if AWS_ENDPOINT_URL="$ENDPOINT" aws eks describe-cluster --name bench >/dev/null 2>&1; then
  ENDPOINT_HOW="AWS_ENDPOINT_URL (honoured by aws-cli $(aws --version 2>&1 | cut -d' ' -f1))"
  export AWS_ENDPOINT_URL="$ENDPOINT"
else
  ENDPOINT_HOW="an aws wrapper adding --endpoint-url"
  mkdir -p "$WORK/bin"
  printf '#!/usr/bin/env bash\nexec %q --endpoint-url %q "$@"\n' "$(command -v aws)" "$ENDPOINT" >"$WORK/bin/aws"
  chmod +x "$WORK/bin/aws"
  export PATH="$WORK/bin:$PATH"
fi
AWS_CALLS="$(grep -cE '(^|[^-])aws (iam|eks) ' "$WORK/render/aws-cli/apply.sh")"
start="$(now)"
(cd "$WORK" && POLL_SECONDS=1 bash "$WORK/render/aws-cli/apply.sh" >"$WORK/aws-cli.out" 2>"$WORK/aws-cli.err") \
  || { echo "error: aws-cli/apply.sh failed" >&2; tail -n 5 "$WORK/aws-cli.err" >&2; exit 1; }
end="$(now)"
AWS_CLI_SECONDS="$(python3 -c "print(f'{$end - $start:.2f}')")"
unset AWS_ENDPOINT_URL
if "${EKSACCESS[@]}" plan -f "$WORK/access.yaml" --target aws --endpoint-url "$ENDPOINT" >"$WORK/replan-cli.txt"; then
  AFTER_CLI="no changes (the script and eksaccess reach the same state)"
else
  AFTER_CLI="$(tail -n 1 "$WORK/replan-cli.txt")"
fi

RATIO="$(python3 -c "print(f'{$AWS_CLI_SECONDS / $EKSACCESS_SECONDS:.1f}')")"
cat <<REPORT
config:               $DEVELOPERS developers, $TEAMS teams (bench/generate-developers.py)
plan:                 $CHANGES
eksaccess apply:      ${EKSACCESS_SECONDS} s  ($CALLS_EKSACCESS progress lines; re-plan: no changes)
aws-cli/apply.sh:     ${AWS_CLI_SECONDS} s  ($AWS_CALLS aws command lines in the script; endpoint via $ENDPOINT_HOW)
after aws-cli:        eksaccess plan: $AFTER_CLI
ratio:                ${RATIO}x
REPORT
