"""Crosscheck on Apache Spark: one report per story of a JSONL corpus, the same bytes as
`crosscheck batch`.

    python crosscheck_spark.py IN.jsonl OUT_DIR [--master local[*]]

Each input line is one source with a "story" field, as for `crosscheck batch`. Lines are
grouped by story with groupBy("story").applyInPandas(...); each story's sources, in input
order, go to the Python package's `crosscheck.batch_line`. OUT_DIR gets one text file of
`{"story": ..., "report": {...}}` lines in the order of each story's first line. A line that
`crosscheck batch` would skip is skipped (and printed on the executor's stderr).

On a cluster, ship the wheel with the job, renamed to .zip so that Spark unpacks it beside each
executor (the executors need CPython 3.8 or later with pandas and PyArrow):
    cp crosscheck-*.whl crosscheck-wheel.zip
    spark-submit --archives crosscheck-wheel.zip#crosscheck-wheel \
        crosscheck_spark.py hdfs:///corpus.jsonl hdfs:///reports
"""

import argparse
import sys

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

SCHEMA = "first long, line string"


def load_crosscheck():
    """The package on this executor: installed, or the wheel shipped as crosscheck-wheel."""
    try:
        import crosscheck
    except ImportError:
        from pyspark import SparkFiles

        sys.path.insert(0, SparkFiles.get("crosscheck-wheel"))
        import crosscheck
    return crosscheck


def per_story(rows: pd.DataFrame) -> pd.DataFrame:
    """One story's lines (any order) -> its output line, tagged with its first line's place."""
    crosscheck = load_crosscheck()
    rows = rows.sort_values("row")
    story = None
    sources = []
    for line in rows["value"]:
        try:
            story, source = crosscheck.parse_line(line)
        except ValueError as e:
            print(f"crosscheck: skipped a line: {e}", file=sys.stderr)
            continue
        sources.append(source)
    if not sources:
        return pd.DataFrame({"first": [], "line": []})
    try:
        line = crosscheck.batch_line(story, sources)
    except ValueError as e:
        print(f"crosscheck: story {story!r} skipped: {e}", file=sys.stderr)
        return pd.DataFrame({"first": [], "line": []})
    return pd.DataFrame({"first": [int(rows["row"].iloc[0])], "line": [line]})


def reports(spark: SparkSession, path: str):
    """A DataFrame of one column, `line`: one report line per story, in first-line order."""
    # The executors import per_story from this file.
    spark.sparkContext.addPyFile(__file__)
    lines = (
        spark.read.text(path)
        # Increasing in file order: partitions are read in order, rows in order within one.
        .withColumn("row", F.monotonically_increasing_id())
        .withColumn("story", F.get_json_object("value", "$.story"))
        .where(F.col("story").isNotNull())
    )
    out = lines.groupBy("story").applyInPandas(per_story, schema=SCHEMA)
    return out.repartition(1).sortWithinPartitions("first").select("line")


def main(argv=None):
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("input")
    args.add_argument("output")
    args.add_argument("--master", default=None, help="e.g. local[*]; spark-submit sets it")
    a = args.parse_args(argv)
    builder = SparkSession.builder.appName("crosscheck")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    reports(spark, a.input).write.mode("overwrite").text(a.output)
    spark.stop()


if __name__ == "__main__":
    main()
