#!/usr/bin/env bash
# The main job: build the Orbit CRM example history on the embedded default store (SQLite),
# then audit it with the handover CLI: verify the chain, print readiness and the audit
# findings, and write the HTML handover pack.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/crm-replacement.db out/crm-replacement.db-wal out/crm-replacement.db-shm out/handover-report.html
pnpm --silent --filter @handover-examples/crm-replacement start -- --sqlite out/crm-replacement.db
echo
echo "== handover verify sqlite:out/crm-replacement.db"
pnpm --silent handover verify sqlite:out/crm-replacement.db
echo
echo "== handover readiness sqlite:out/crm-replacement.db orbit-crm --as-of 2026-02-24"
pnpm --silent handover readiness sqlite:out/crm-replacement.db orbit-crm --as-of 2026-02-24 || true
echo
echo "== handover readiness sqlite:out/crm-replacement.db orbit-crm"
pnpm --silent handover readiness sqlite:out/crm-replacement.db orbit-crm
echo
echo "== handover findings sqlite:out/crm-replacement.db"
pnpm --silent handover findings sqlite:out/crm-replacement.db
echo
echo "== handover report sqlite:out/crm-replacement.db orbit-crm --out out/handover-report.html"
pnpm --silent handover report sqlite:out/crm-replacement.db orbit-crm --out out/handover-report.html
