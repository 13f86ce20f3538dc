#!/usr/bin/env bash
# eksaccess token vs aws eks get-token: median wall time of each, side by side in one run.
#
#   bench/token-vs-aws-cli.sh [RUNS]      (default 30 runs per command after 3 warm-ups)
#
# Offline: fake static keys in the environment (presigning is local for both tools), a throw-away HOME (token cache)
# and empty AWS config files. Builds what it measures:
#   - eksaccess-token: src/EksAccess.Token published with NativeAOT (needs a C toolchain, gcc or clang; ~2 min once)
#   - eksaccess (R2R): src/EksAccess.Cli published framework-dependent with ReadyToRun
#   - eksaccess (JIT): src/EksAccess.Cli built in Release
# Uses hyperfine when present (Debian: apt-get install hyperfine), else a loop timed with date +%s%N.
# Prints a table of medians and the speed-up over aws; exits 1 if the AOT token (cached) is not at least 10x faster.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
OUT=${EKSACCESS_BENCH_OUT:-/tmp/eksaccess-bench}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$OUT"

command -v aws >/dev/null || { echo "aws CLI not found"; exit 2; }
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get install -y -q hyperfine || (apt-get update -qq && apt-get install -y -q hyperfine)) >/dev/null 2>&1 || true
fi

echo "building…" >&2
dotnet publish src/EksAccess.Token -c Release -r linux-x64 -o "$OUT/token-aot" --nologo -v quiet >&2
dotnet publish src/EksAccess.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/cli-r2r" --nologo -v quiet >&2
dotnet build src/EksAccess.Cli -c Release --nologo -v quiet -o "$OUT/cli-jit" >&2

BENCH_HOME=$(mktemp -d)
trap 'rm -rf "$BENCH_HOME"' EXIT
: > "$BENCH_HOME/aws-config"; : > "$BENCH_HOME/aws-credentials"
export HOME="$BENCH_HOME" AWS_ACCESS_KEY_ID=AKIDBENCHMARKEXAMPLE AWS_SECRET_ACCESS_KEY=bench/secret/key AWS_EC2_METADATA_DISABLED=true \
  AWS_CONFIG_FILE="$BENCH_HOME/aws-config" AWS_SHARED_CREDENTIALS_FILE="$BENCH_HOME/aws-credentials"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL KUBERNETES_EXEC_INFO || true
ARGS="--cluster-name bench-cluster --region us-east-1"

names=("aws eks get-token" "eksaccess-token (NativeAOT, cached)" "eksaccess-token (NativeAOT, --no-cache)" "eksaccess token (ReadyToRun, cached)" "eksaccess token (JIT, cached)")
commands=(
  "aws eks get-token $ARGS"
  "$OUT/token-aot/eksaccess-token token $ARGS"
  "$OUT/token-aot/eksaccess-token token $ARGS --no-cache"
  "$OUT/cli-r2r/eksaccess token $ARGS"
  "$OUT/cli-jit/eksaccess token $ARGS"
)
for c in "${commands[@]}"; do $c >/dev/null || { echo "failed: $c"; exit 2; }; done

medians=()
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/hyperfine.json" "${commands[@]}" >&2
  mapfile -t medians < <(python3 -c 'import json,sys; [print(round(r["median"]*1000,1)) for r in json.load(open(sys.argv[1]))["results"]]' "$OUT/hyperfine.json")
  tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"
else
  for c in "${commands[@]}"; do
    for _ in 1 2 3; do $c >/dev/null; done
    times=()
    for _ in $(seq 1 "$RUNS"); do s=$(date +%s%N); $c >/dev/null; e=$(date +%s%N); times+=($(( (e - s) / 1000 ))); done
    medians+=("$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')")
  done
  tool="date +%s%N loop"
fi

echo
echo "median wall time, $RUNS runs each ($tool), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg):"
printf '| %-42s | %10s | %8s |\n' "command" "median ms" "vs aws"
printf '| %-42s | %10s | %8s |\n' "---" "---:" "---:"
for i in "${!names[@]}"; do
  ratio=$(python3 -c "print(f'{float(\"${medians[0]}\")/float(\"${medians[$i]}\"):.1f}x')")
  printf '| %-42s | %10s | %8s |\n' "${names[$i]}" "${medians[$i]}" "$ratio"
done
python3 -c "import sys; sys.exit(0 if float('${medians[0]}') >= 10 * float('${medians[1]}') else 1)" \
  || { echo "the NativeAOT token is less than 10x faster than aws eks get-token"; exit 1; }
