#!/usr/bin/env bash
# Outside check for the pipe contract with a real distributed engine: Examples/spark/remit_to_parquet.py runs
# in Spark local mode (pyspark from PyPI, Java 17 from Debian) over the 835 fixtures of Fixtures/remit copied 200
# times (broken-claims.835 and wrong-component-separator.835 included: --keep-going turns their errors into
# diagnostic records, one per error of x12's summary), and DuckDB
# (PyPI) reading the Parquet must give the same claim count, sum paid and sum PLB as `x12 remit` run directly
# on each fixture (its JSON summary) times 200.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
x12=.build/debug/x12
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyspark duckdb
copies=200
mkdir -p "$work/in"
for fixture in Fixtures/remit/*.835; do
    name=$(basename "$fixture" .835)
    mkdir -p "$work/in/$name"
    for i in $(seq 1 "$copies"); do cp "$fixture" "$work/in/$name/$i.835"; done
    "$x12" remit "$fixture" --quiet >"$work/$name.json" 2>/dev/null || true
done
start=$(date +%s)
"$work/venv/bin/python" Examples/spark/remit_to_parquet.py "$work/in" "$work/out" --x12 "$x12" --partitions 2 \
    >"$work/spark.log" 2>&1 || { echo "spark: the job failed"; tail -40 "$work/spark.log"; exit 1; }
echo "spark: job over $(find "$work/in" -name '*.835' | wc -l) files took $(( $(date +%s) - start )) s"
"$work/venv/bin/python" - "$work" "$copies" <<'PY'
import glob, json, os, sys
from decimal import Decimal
import duckdb

work, copies = sys.argv[1], int(sys.argv[2])
claims = paid = plb = Decimal(0)
errors = 0
for report in glob.glob(os.path.join(work, "*.json")):
    summary = json.load(open(report))["summary"]
    claims += summary["claimCount"]
    paid += Decimal(summary["paidAmount"])
    plb += Decimal(summary["providerAdjustmentAmount"])
    errors += summary["errorCount"]
expected = (int(claims) * copies, paid * copies, plb * copies)
db = duckdb.connect()
count, paid_sum = db.execute(
    f"SELECT count(*), sum(paidAmount) FROM read_parquet('{work}/out/claims/*/*.parquet', hive_partitioning = true)").fetchone()
(plb_sum,) = db.execute(
    f"SELECT sum(providerAdjustmentAmount) FROM read_parquet('{work}/out/remittances/*/*.parquet', hive_partitioning = true)").fetchone()
(diagnostics,) = db.execute(f"SELECT count(*) FROM read_parquet('{work}/out/diagnostics/*.parquet')").fetchone()
payers = db.execute(
    f"SELECT count(DISTINCT payerIdentifier) FROM read_parquet('{work}/out/claims/*/*.parquet', hive_partitioning = true)").fetchone()[0]
actual = (count, Decimal(paid_sum), Decimal(plb_sum))
print(f"spark: x12 remit directly: {expected[0]} claims, paid {expected[1]}, PLB {expected[2]}")
print(f"spark: DuckDB on Parquet:  {actual[0]} claims, paid {actual[1]}, PLB {actual[2]} ({payers} payer partitions, {diagnostics} diagnostics)")
# Each error x12 prints for a file (summary.errorCount) is one diagnostic record with --keep-going.
if actual != expected or diagnostics != errors * copies:
    print("spark: MISMATCH")
    sys.exit(1)
print("spark: OK")
PY
