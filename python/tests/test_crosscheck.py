"""The Python package on its installed wheel: code-point offsets, the same report as the
command line byte for byte, and ValueError with the core's message on bad input.

CROSSCHECK_BIN names the `crosscheck` command to compare with (scripts/test-python.sh sets it).
"""

import concurrent.futures
import json
import os
import subprocess
import tempfile

import pytest

import crosscheck

SOURCES = [
    {
        "id": "a",
        "name": "Daily Zoë",
        "text": "Zoë Müller 🚆 said on Monday that 2,000 people were evacuated from "
        "Springfield after the derailment. The company Norfolk Southern denied "
        "that the cars were leaking, according to the mayor.",
    },
    {
        "id": "b",
        "name": "The Courier",
        "text": "About 2,000 residents of Springfield were evacuated on Monday, "
        "Zoë Müller told reporters 🙂. Norfolk Southern said the tank cars "
        "were not leaking.",
        "url": "https://example.org/courier",
        "published": "2026-02-03",
    },
]


def bin_path():
    path = os.environ.get("CROSSCHECK_BIN")
    if not path or not os.path.exists(path):
        pytest.fail("set CROSSCHECK_BIN to the crosscheck command (scripts/test-python.sh does)")
    return path


def spans(report):
    """Every (source index, start, end, text) in the report."""
    for i, s in enumerate(report["sources"]):
        for e in s["entities"]:
            yield i, e["start"], e["end"], e["text"]
        for c in s["claims"]:
            yield i, c["start"], c["end"], c["text"]
            for n in c["numbers"]:
                yield i, n["start"], n["end"], n["text"]
            a = c["attribution"]
            for k in ("source", "cue", "via", "stands_for"):
                if a[k] is not None:
                    yield i, a[k]["start"], a[k]["end"], a[k]["text"]


def test_offsets_are_code_points_that_slice_back_in_python():
    # Non-ASCII letters and emoji before the spans: byte or UTF-16 offsets would not slice back.
    report = crosscheck.analyze(SOURCES)
    assert report["offsets"] == "codepoints"
    found = list(spans(report))
    assert len(found) > 10
    for i, start, end, text in found:
        assert SOURCES[i]["text"][start:end] == text
    names = {e["text"] for s in report["sources"] for e in s["entities"]}
    assert "Zoë Müller" in names


def test_dict_is_json_loads_of_analyze_json():
    assert crosscheck.analyze(SOURCES) == json.loads(crosscheck.analyze_json(SOURCES))


def test_report_is_byte_for_byte_the_command_line_output():
    lines = "".join(json.dumps(s) + "\n" for s in SOURCES)
    out = subprocess.run(
        [bin_path(), "analyze", "--jsonl", "-"],
        input=lines.encode(),
        capture_output=True,
        check=True,
    )
    assert out.stdout == (crosscheck.analyze_json(SOURCES) + "\n").encode()


def test_batch_line_is_byte_for_byte_a_line_of_crosscheck_batch():
    rows = [dict(s, story="flood") for s in SOURCES] + [dict(SOURCES[0], story="Zoë 2")]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "stories.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        out = subprocess.run([bin_path(), "batch", path], capture_output=True, check=True)
    want = crosscheck.batch_line("flood", SOURCES) + "\n" + crosscheck.batch_line("Zoë 2", SOURCES[:1]) + "\n"
    assert out.stdout.decode("utf-8") == want


def test_meta_is_echoed_and_extra_keys_are_ignored():
    report = crosscheck.analyze([dict(s, story="x", extra=3) for s in SOURCES])
    assert report == crosscheck.analyze(SOURCES)
    assert report["sources"][1]["url"] == "https://example.org/courier"
    assert report["sources"][1]["published"] == "2026-02-03"
    assert report["sources"][0]["name"] == "Daily Zoë"


@pytest.mark.parametrize(
    "bad, message",
    [
        ([], "no sources to analyse"),
        ([{"id": "a"}], 'source 1: missing "text"'),
        ([SOURCES[0], {"text": "x"}], 'source 2: missing "id"'),
        ([{"id": "a", "text": 5}], 'source 1: "text" must be a string'),
        ([{"id": "a", "text": "x", "url": ["u"]}], 'source 1: "url" must be a string'),
        (["just a text"], "source 1: expected a dict"),
        ("a text", "expected a list of sources"),
        ([{"id": str(i), "text": "x"} for i in range(1001)], "1001 sources is more than the limit"),
    ],
)
def test_bad_input_raises_value_error_with_the_core_message(bad, message):
    with pytest.raises(ValueError, match=message):
        crosscheck.analyze(bad)
    with pytest.raises(ValueError, match=message):
        crosscheck.analyze_json(bad)


def test_not_a_list_raises_type_error():
    with pytest.raises(TypeError):
        crosscheck.analyze(5)


def test_threads_get_the_same_report():
    # The analysis runs without the GIL; reports must not depend on what runs beside them.
    want = crosscheck.analyze_json(SOURCES)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: crosscheck.analyze_json(SOURCES), range(8)))
    assert got == [want] * 8


def test_parse_line_reads_a_batch_line_as_the_command_does():
    story, source = crosscheck.parse_line(json.dumps(dict(SOURCES[1], story="flood")))
    assert story == "flood"
    assert source == {k: SOURCES[1][k] for k in ("id", "name", "text", "url", "published")}
    assert crosscheck.parse_line('{"story": "s", "id": "a", "text": "x"}')[1]["name"] == "a"
    with pytest.raises(ValueError, match='missing "story"'):
        crosscheck.parse_line(json.dumps(SOURCES[0]))
    with pytest.raises(ValueError, match="not a JSON object"):
        crosscheck.parse_line("{")
