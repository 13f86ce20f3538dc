#!/usr/bin/env bash
# eksaccess risks on the 50k-binding snapshot vs who-can on the same snapshot (both whole processes: load + index +
# answer). Usage: bench/risks-vs-who-can.sh [SNAPSHOT_DIR] [RUNS] (the snapshot is generated when missing; keep it out
# of git). Alternates the two commands and prints each run's wall time, CPU and peak memory via /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=${1:-/tmp/eksaccess-bench-50k-snapshot}
runs=${2:-5}
dotnet build src/EksAccess.Cli -c Release -v quiet --nologo
if [ ! -d "$snapshot" ]; then
  dotnet build bench/EksAccess.Benchmarks -c Release -v quiet --nologo
  dotnet bench/EksAccess.Benchmarks/bin/Release/net10.0/EksAccess.Benchmarks.dll --write-snapshot "$snapshot"
fi
cli=src/EksAccess.Cli/bin/Release/net10.0/eksaccess
for i in $(seq "$runs"); do
  /usr/bin/time -f "risks    %e s  %U+%S cpu  %M KiB" "$cli" risks --snapshot "$snapshot" -o json > /dev/null 2>/tmp/eksaccess-risks-bench.err || { cat /tmp/eksaccess-risks-bench.err; exit 1; }
  tail -1 /tmp/eksaccess-risks-bench.err
  /usr/bin/time -f "who-can  %e s  %U+%S cpu  %M KiB" "$cli" who-can get secrets -n kube-system --snapshot "$snapshot" -o json > /dev/null
done
