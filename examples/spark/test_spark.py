"""The Spark example in local mode: its output is byte for byte what `crosscheck batch` writes
for the same corpus (interleaved stories, non-ASCII text, a bad line of each kind).

CROSSCHECK_BIN names the `crosscheck` command, CROSSCHECK_WHEEL_ZIP the wheel as a .zip, shipped
with the job as on a cluster (scripts/test-python.sh sets both).
"""

import json
import os
import pathlib
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import crosscheck_spark  # noqa: E402
import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python: this venv's
    session = (
        SparkSession.builder.master("local[2]")
        .appName("crosscheck-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        # The wheel shipped with the job, as on a cluster (it is not installed here).
        .config("spark.archives", os.environ["CROSSCHECK_WHEEL_ZIP"] + "#crosscheck-wheel")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    path = d / "stories.jsonl"
    make_corpus.main([str(path), "--mb", "0.3", "--seed", "7"])
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    extra = [
        "{not json\n",
        '{"story": "story-000001", "id": "x"}\n',  # no text: only this line is lost
        '{"story": 3, "id": "y", "text": "A number is no story."}\n',
        json.dumps({"story": "Zoë 🚆", "id": "z1", "name": "Zoë", "text": "Zoë Müller 🚆 said on Monday that 2,000 people left."}, ensure_ascii=False) + "\n",
        json.dumps({"story": "Zoë 🚆", "id": "z2", "text": "About 2,000 people left on Monday, Zoë Müller said."}, ensure_ascii=False) + "\n",
    ]
    for i, line in enumerate(extra):
        lines.insert(3 + 5 * i, line)
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def batch(corpus):
    """What `crosscheck batch` writes for the corpus."""
    out = subprocess.run([os.environ["CROSSCHECK_BIN"], "batch", str(corpus)], capture_output=True)
    assert out.returncode == 1, out.stderr  # some lines skipped
    assert b"line 4: not a JSON object" in out.stderr
    assert out.stdout.count(b"\n") >= 10
    return out.stdout


def written(folder):
    return b"".join(p.read_bytes() for p in sorted(folder.glob("part-*")))


def test_spark_reports_are_byte_identical_to_crosscheck_batch(spark, corpus, batch, tmp_path):
    out = tmp_path / "reports"
    crosscheck_spark.reports(spark, str(corpus)).write.mode("overwrite").text(str(out))
    assert written(out) == batch
    stories = [json.loads(l)["story"] for l in batch.decode("utf-8").splitlines()]
    assert "Zoë 🚆" in stories and "story-000001" in stories


def test_the_script_writes_the_same(spark, corpus, batch, tmp_path):
    # main() as spark-submit would call it (it reuses the session above, and stops it).
    out = tmp_path / "cli"
    crosscheck_spark.main([str(corpus), str(out)])
    assert written(out) == batch
