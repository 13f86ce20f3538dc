#!/usr/bin/env bash
# audit summary over a generated 500,000-event audit log vs a bare System.Text.Json parse of every line of it.
# Usage: bench/audit-summary-vs-parse.sh [FILE]   (FILE is generated when missing; keep it out of git)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/tmp/eksaccess-audit-500k.log}
[ -f "$file" ] || python3 bench/generate-audit-log.py "$file"
dotnet build src/EksAccess.Cli -c Release -v quiet --nologo
dotnet build bench/AuditParseBaseline -c Release -v quiet --nologo
for i in 1 2 3; do
  /usr/bin/time -f "summary  %e s  %M KiB" src/EksAccess.Cli/bin/Release/net10.0/eksaccess audit summary \
    --audit-file "$file" --since 2026-11-19T00:00:00Z --until 2026-11-21T00:00:00Z \
    --snapshot examples/000-developer-access/snapshot -o json > /dev/null
  /usr/bin/time -f "baseline %e s  %M KiB" dotnet bench/AuditParseBaseline/bin/Release/net10.0/AuditParseBaseline.dll "$file" > /dev/null
done
