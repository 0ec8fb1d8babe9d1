"""pandas: tidy topic and prisoner tables equal the reports."""

from __future__ import annotations

import pytest

import rightslens
from conftest import example_texts

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def clf() -> rightslens.Classifier:
    return rightslens.Classifier()


@pytest.fixture(scope="module")
def frame() -> "pd.DataFrame":
    texts = example_texts()
    return pd.DataFrame({"doc": list(texts), "body": list(texts.values())})


def test_classify_frame_is_tidy_and_equals_reports(clf, frame):
    tidy = clf.classify_frame(frame, text_col="body", id_col="doc")
    assert tuple(tidy.columns) == rightslens.TOPIC_COLUMNS
    assert len(tidy) == len(frame) * len(clf.topics)
    assert tidy["score"].dtype == "float64" and tidy["present"].dtype == "bool"
    assert tidy["hits"].dtype == "int64"
    for doc, text in zip(frame["doc"], frame["body"]):
        report = clf.classify(text)
        rows = tidy[tidy["id"] == doc]
        assert list(rows["topic"]) == sorted(report["topics"])
        for row in rows.itertuples():
            t = report["topics"][row.topic]
            assert (row.score, row.present, row.primary, row.evidence, row.hits) == (
                t["score"], t["present"], t["primary"], t["evidence"], t["hits"]
            )


def test_prisoners_frame_equals_reports(clf, frame):
    people = clf.prisoners_frame(frame, text_col="body", id_col="doc")
    assert tuple(people.columns) == rightslens.PRISONER_COLUMNS
    expected = [
        (doc, p["id"], p["name"], p["region"], len(p["mentions"]))
        for doc, text in zip(frame["doc"], frame["body"])
        for p in clf.classify(text)["prisoners"]
    ]
    assert expected, "the samples name prisoners"
    assert list(people.itertuples(index=False, name=None)) == expected


def test_index_is_the_default_id_and_missing_text_is_empty(clf):
    df = pd.DataFrame({"text": ["Free Tibet", None, float("nan")]}, index=["a", "b", "c"])
    topics, people = clf.classify_frames(df, threads=1)
    assert list(topics["id"].unique()) == ["a", "b", "c"]
    b = topics[topics["id"] == "b"]
    assert not b["present"].any() and (b["score"] == 0).all()
    assert people.empty and tuple(people.columns) == rightslens.PRISONER_COLUMNS


def test_unknown_column(clf, frame):
    with pytest.raises(KeyError, match="nope"):
        clf.classify_frame(frame, text_col="nope")
