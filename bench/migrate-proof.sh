#!/usr/bin/env bash
# The migrate proof for an aws-auth of 10,000 mappings against the 50k-binding snapshot (issue 13): CONFIG_MAP → API,
# every principal compared through every stage over 100 namespaces × every resource × 8 verbs (+ subresources and
# non-resource URLs). Usage: bench/migrate-proof.sh [SNAPSHOT_DIR] (generated when missing; keep it out of git).
# Times the whole process with /usr/bin/time; the target is ≤ 30 s on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
large=/tmp/eksaccess-bench-50k-snapshot
snapshot=${1:-/tmp/eksaccess-bench-migrate-snapshot}
dotnet build src/EksAccess.Cli -c Release -v quiet --nologo
if [ ! -d "$snapshot" ]; then
  if [ ! -d "$large" ]; then
    dotnet build bench/EksAccess.Benchmarks -c Release -v quiet --nologo
    dotnet bench/EksAccess.Benchmarks/bin/Release/net10.0/EksAccess.Benchmarks.dll --write-snapshot "$large"
  fi
  python3 bench/generate-migrate-snapshot.py "$large" "$snapshot"
fi
cli=src/EksAccess.Cli/bin/Release/net10.0/eksaccess
for i in 1 2 3; do
  /usr/bin/time -f "migrate proof %e s  %U+%S cpu  %M KiB" "$cli" migrate --snapshot "$snapshot" --target-mode API -o json > /tmp/eksaccess-migrate-proof.json || true
done
python3 -c "import json; p=json.load(open('/tmp/eksaccess-migrate-proof.json'))['proof']; print('principals', p['principals'], 'checks', p['checks'], 'equivalent', p['equivalent'], 'differences', len(p['differences']), 'reviewItems', len(p['reviewItems']))"
