#!/usr/bin/env bash
# Publishes the main CLI (src/EksAccess.Cli, `eksaccess`) with NativeAOT for linux-x64 and fails on any trimming or
# AOT warning (IL2xxx/IL3xxx): the build that deploy/Containerfile packages.
#
#   bench/publish-aot.sh [OUTPUT_DIR]     (default artifacts/aot/linux-x64)
#
# NativeAOT links with the platform's C toolchain: installs clang and zlib1g-dev from Debian when missing (as root).
# Prints the binary's size. The normal build (dotnet build / dotnet test) is untouched: PublishAot is given here only.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-artifacts/aot/linux-x64}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v clang >/dev/null || [ ! -e /usr/include/zlib.h ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing the C toolchain NativeAOT links with (clang, zlib1g-dev)…" >&2
    (apt-get install -y -q clang zlib1g-dev || (apt-get update -qq && apt-get install -y -q clang zlib1g-dev)) >/dev/null
  else
    echo "error: NativeAOT needs clang and zlib1g-dev — install them (apt-get install clang zlib1g-dev) and re-run" >&2
    exit 2
  fi
fi

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
status=0
dotnet publish src/EksAccess.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$OUT" --nologo -v quiet >"$LOG" 2>&1 || status=$?
# Trimming/AOT warnings: the analyzers' at compile time (errors here, warnings are errors) and ILC's at link time.
warnings=$(grep -E '(warning|error) IL[0-9]{4}' "$LOG" | sed -E 's/ \[[^]]*\]$//' | sort -u || true)
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  echo "error: $(echo "$warnings" | wc -l) trimming/AOT diagnostics (see above)" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  cat "$LOG" >&2
  exit "$status"
fi
size=$(stat -c %s "$OUT/eksaccess")
echo "$OUT/eksaccess: $size bytes ($(( size / 1024 / 1024 )) MiB), 0 trimming/AOT warnings"
