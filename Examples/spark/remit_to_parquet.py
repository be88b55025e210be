"""835 remittances to Parquet with Spark, `x12 remit` as a pipe stage.

Lists the .835 files under IN_DIR, pipes their paths through
`x12 remit --paths-from - --format ndjson --keep-going` with `rdd.pipe` (one x12 process per partition), and
writes three Parquet tables under OUT_DIR:

- claims/       one row per claim payment (recordType "claimPayment"), partitioned by payerIdentifier
- remittances/  one row per 835 transaction set (BPR payment, PLB total), partitioned by payerIdentifier
- diagnostics/  files or segments x12 could not read (recordType "diagnostic")

Money stays exact: amounts are decimal strings in the NDJSON and DECIMAL(18,2) in Parquet.

    spark-submit Examples/spark/remit_to_parquet.py IN_DIR OUT_DIR [--x12 .build/debug/x12] [--partitions 2]
"""
import argparse
import json
import os
import shlex
from decimal import Decimal

from pyspark.sql import SparkSession
from pyspark.sql import types as T

MONEY = T.DecimalType(18, 2)

CLAIMS = T.StructType([
    T.StructField("source", T.StringType()),
    T.StructField("interchangeControlNumber", T.StringType()),
    T.StructField("groupControlNumber", T.StringType()),
    T.StructField("transactionSetControlNumber", T.StringType()),
    T.StructField("traceNumber", T.StringType()),
    T.StructField("paymentDate", T.StringType()),
    T.StructField("payerIdentifier", T.StringType()),
    T.StructField("payerName", T.StringType()),
    T.StructField("patientControlNumber", T.StringType()),
    T.StructField("status", T.StringType()),
    T.StructField("chargeAmount", MONEY),
    T.StructField("paidAmount", MONEY),
    T.StructField("patientResponsibilityAmount", MONEY),
    T.StructField("payerClaimControlNumber", T.StringType()),
])

REMITTANCES = T.StructType([
    T.StructField("source", T.StringType()),
    T.StructField("interchangeControlNumber", T.StringType()),
    T.StructField("groupControlNumber", T.StringType()),
    T.StructField("transactionSetControlNumber", T.StringType()),
    T.StructField("traceNumber", T.StringType()),
    T.StructField("paymentDate", T.StringType()),
    T.StructField("paymentAmount", MONEY),
    T.StructField("payerIdentifier", T.StringType()),
    T.StructField("payerName", T.StringType()),
    T.StructField("claimCount", T.LongType()),
    T.StructField("paidAmount", MONEY),
    T.StructField("providerAdjustmentAmount", MONEY),
])

DIAGNOSTICS = T.StructType([
    T.StructField("source", T.StringType()),
    T.StructField("kind", T.StringType()),
    T.StructField("message", T.StringType()),
    T.StructField("segmentIndex", T.LongType()),
])


def money(text):
    return None if text is None else Decimal(text)


def to_row(line):
    record = json.loads(line)
    kind = record.get("recordType")
    if kind == "claimPayment":
        values = [record.get(f.name) for f in CLAIMS.fields]
        for name in ("chargeAmount", "paidAmount", "patientResponsibilityAmount"):
            values[CLAIMS.names.index(name)] = money(record.get(name))
        return ("claims", tuple(values))
    if kind == "remittance":
        totals = record.get("totals", {})
        return ("remittances", (
            record["source"], record["interchangeControlNumber"], record["groupControlNumber"],
            record["transactionSetControlNumber"], record["traceNumber"], record["paymentDate"],
            money(record["paymentAmount"]), record["payerIdentifier"], record["payerName"],
            totals.get("claimCount"), money(totals.get("paidAmount")), money(totals.get("providerAdjustmentAmount")),
        ))
    if kind == "diagnostic":
        return ("diagnostics", (record["source"], record["kind"], record["message"], record.get("segmentIndex")))
    return ("other", None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--x12", default="x12", help="the x12 executable (default: x12 on PATH)")
    parser.add_argument("--partitions", type=int, default=2, help="x12 processes to run (one per partition)")
    args = parser.parse_args()

    paths = sorted(
        os.path.abspath(os.path.join(root, name))
        for root, _, names in os.walk(args.input) for name in names if name.endswith(".835")
    )
    spark = SparkSession.builder.appName("remit_to_parquet").getOrCreate()
    command = " ".join(shlex.quote(part) for part in [
        os.path.abspath(args.x12) if os.sep in args.x12 else args.x12,
        "remit", "--paths-from", "-", "--format", "ndjson", "--keep-going", "--quiet", "--no-progress",
    ])
    # x12 exits 1 when it wrote diagnostic records; those are data here, so the exit code is not checked.
    records = spark.sparkContext.parallelize(paths, max(1, args.partitions)).pipe(command).map(to_row).cache()
    schemas = {"claims": CLAIMS, "remittances": REMITTANCES, "diagnostics": DIAGNOSTICS}
    for table, schema in schemas.items():
        rows = records.filter(lambda pair, table=table: pair[0] == table).map(lambda pair: pair[1])
        frame = spark.createDataFrame(rows, schema)
        writer = frame.write.mode("overwrite")
        if table != "diagnostics":
            writer = writer.partitionBy("payerIdentifier")
        writer.parquet(os.path.join(args.output, table))
    spark.stop()


if __name__ == "__main__":
    main()
