#!/usr/bin/env bash
# rightsize one team over the 500,000-event audit log against the 50k-binding snapshot, vs `audit summary` on the
# same file with the same snapshot (its load included). Usage: bench/rightsize-vs-summary.sh [LOG] [SNAPSHOT_DIR]
# (both generated when missing; keep them out of git). Times whole processes with /usr/bin/time, alternating.
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-/tmp/eksaccess-audit-500k.log}
snapshot=${2:-/tmp/eksaccess-bench-50k-snapshot}
[ -f "$log" ] || python3 bench/generate-audit-log.py "$log"
# The generated log's dev-team works in dev-apps and payments; in the 50k snapshot the same people are team-0-devs,
# bound by 46 RoleBindings in checkout-dev, payments-dev, catalog-dev and search-dev.
team_log=${log%.log}-team0.log
[ -f "$team_log" ] || sed -e 's/"dev-team"/"team-0-devs"/g' -e 's/dev-apps/checkout-dev/g' -e 's/"payments"/"payments-dev"/g' -e 's|/payments/|/payments-dev/|g' "$log" > "$team_log"
log=$team_log
dotnet build src/EksAccess.Cli -c Release -v quiet --nologo
if [ ! -d "$snapshot" ]; then
  dotnet build bench/EksAccess.Benchmarks -c Release -v quiet --nologo
  dotnet bench/EksAccess.Benchmarks/bin/Release/net10.0/EksAccess.Benchmarks.dll --write-snapshot "$snapshot"
fi
cli=src/EksAccess.Cli/bin/Release/net10.0/eksaccess
window=(--since 2026-11-01T00:00:00Z --until 2026-11-21T00:00:00Z -q)
for i in 1 2 3; do
  /usr/bin/time -f "rightsize %e s  %U+%S cpu  %M KiB" "$cli" rightsize --group team-0-devs --audit-file "$log" --snapshot "$snapshot" "${window[@]}" -o json > /dev/null || true
  /usr/bin/time -f "summary   %e s  %U+%S cpu  %M KiB" "$cli" audit summary --audit-file "$log" --snapshot "$snapshot" "${window[@]}" -o json > /dev/null
done
