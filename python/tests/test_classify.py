"""The Python classifier gives the Rust library's reports, as the command-line tool prints them."""

from __future__ import annotations

import json
import pickle
import threading

import pytest

import rightslens
from conftest import EXAMPLES, example_texts, generated_documents, run_cli

MACAU = """
[lexicon]
topic = "macau"
sources = ["test"]

[[entry]]
id = "macau.place.macau"
kind = "place"
variants = ["Macau", "Macao"]
source = "test"
"""


@pytest.fixture(scope="module")
def clf() -> rightslens.Classifier:
    return rightslens.Classifier()


def _without_path(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "path"}


def test_examples_equal_the_cli(clf, cli):
    records = run_cli(cli, [str(EXAMPLES)])
    texts = example_texts()
    assert [r["id"] for r in records] == list(texts)
    for record in records:
        assert clf.classify(texts[record["id"]], id=record["id"]) == _without_path(record)


def test_generated_documents_equal_the_cli(clf, cli):
    docs = generated_documents(120)
    stdin = "".join(json.dumps(d) + "\n" for d in docs)
    records = run_cli(cli, ["-"], stdin=stdin)
    reports = clf.classify_many([d["text"] for d in docs], ids=[d["id"] for d in docs])
    assert len(records) == len(reports) == len(docs)
    for record, report in zip(records, reports):
        assert record.get("status") is None, record
        record = {k: v for k, v in record.items() if k not in ("path", "line")}
        assert report == record


@pytest.mark.parametrize("threads", [None, 1, 2, 3])
def test_classify_many_equals_classify(clf, threads):
    texts = [d["text"] for d in generated_documents(40)]
    many = clf.classify_many(texts, threads=threads)
    assert [r["id"] for r in many] == [str(i) for i in range(len(texts))]
    for i, (text, report) in enumerate(zip(texts, many)):
        assert report == clf.classify(text, id=str(i))


def test_classify_many_from_threads(clf):
    """Several Python threads classify at once (the GIL is released) with the same results."""
    texts = [d["text"] for d in generated_documents(30)]
    expected = clf.classify_many(texts, threads=1)
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = clf.classify_many(texts, threads=2)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == expected for k in range(4))


def test_report_schema(clf):
    r = clf.classify("Jimmy Lai remains in prison in Hong Kong.", id="d1")
    assert r["id"] == "d1"
    assert set(r["topics"]) == set(clf.topics)
    assert r["topics"]["hong_kong"]["present"] is True
    assert [p["name"] for p in r["prisoners"]] == ["Jimmy Lai"]
    text = "Jimmy Lai remains in prison in Hong Kong."
    for hit in r["hits"]:
        assert text.encode()[hit["start"] : hit["end"]].decode() == hit["text"]


def test_missing_texts_read_as_empty(clf):
    empty = clf.classify("", id="0")
    assert clf.classify_many([None, float("nan")]) == [empty, {**empty, "id": "1"}]
    with pytest.raises(TypeError):
        clf.classify_many([3])
    with pytest.raises(ValueError, match="ids"):
        clf.classify_many(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="threads"):
        clf.classify_many(["a"], threads=0)


def test_added_lexicon_and_thresholds(tmp_path):
    path = tmp_path / "macau.toml"
    path.write_text(MACAU)
    clf = rightslens.Classifier(add_lexicons=[path], thresholds={"tibet": {"present": 50, "primary": 1}})
    assert "macau" in clf.topics
    assert clf.thresholds["tibet"] == (50.0, 1.0)
    r = clf.classify("Elections in Macao. The Dalai Lama spoke about Tibet.")
    assert r["topics"]["macau"]["present"]
    assert not r["topics"]["tibet"]["present"]
    only = rightslens.Classifier(lexicons=tmp_path)
    assert only.topics == ["macau"]


def test_added_registry(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,region,status,source\nTsangyang Gyatso,tibet,sentenced,TCHRD\n")
    clf = rightslens.Classifier(registries=[path])
    r = clf.classify("A Chinese court jailed the monk Tsangyang Gyatso for 12 years.")
    assert [p["name"] for p in r["prisoners"]] == ["Tsangyang Gyatso"]
    assert r["topics"]["political_prisoners"]["present"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,region,status,source\nSomeone,atlantis,detained,notes\n")
    with pytest.raises(rightslens.RightslensError, match=r"bad\.csv"):
        rightslens.Classifier(registries=bad)


def test_errors_carry_the_library_message(tmp_path):
    missing = tmp_path / "missing.toml"
    with pytest.raises(rightslens.RightslensError, match=r"missing\.toml: i/o error"):
        rightslens.Classifier(add_lexicons=[missing])
    bad = tmp_path / "bad.toml"
    bad.write_text("[lexicon]\ntopic = \n")
    with pytest.raises(rightslens.RightslensError, match=r"bad\.toml"):
        rightslens.Classifier(add_lexicons=bad)
    with pytest.raises(rightslens.RightslensError, match="atlantis"):
        rightslens.Classifier(topics=["atlantis"])
    with pytest.raises(ValueError, match="primary"):
        rightslens.Classifier(thresholds={"tibet": {"present": 1.0}})


def test_pickles_as_its_settings(tmp_path):
    path = tmp_path / "macau.toml"
    path.write_text(MACAU)
    clf = rightslens.Classifier(add_lexicons=[path], topics=["macau", "tibet"])
    back = pickle.loads(pickle.dumps(clf))
    assert back.topics == clf.topics and sorted(clf.topics) == ["macau", "tibet"]
    assert back.settings == clf.settings
    text = "Macao and Tibet"
    assert back.classify(text) == clf.classify(text)
