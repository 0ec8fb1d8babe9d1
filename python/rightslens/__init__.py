"""rightslens: which China-related human-rights issues a statement raises, and why.

The classifier is the Rust library compiled into this package: results are the same as the
``rightslens`` command-line tool's, report for report.

>>> import rightslens
>>> clf = rightslens.Classifier()
>>> report = clf.classify("The Secretary raised the case of Ilham Tohti and Xinjiang.")
>>> report["topics"]["xinjiang"]["present"]
True
>>> [p["name"] for p in report["prisoners"]]
['Ilham Tohti']

* :class:`Classifier` classifies strings (:meth:`~Classifier.classify`), lists of strings in
  parallel with the GIL released (:meth:`~Classifier.classify_many`) and pandas columns
  (:meth:`~Classifier.classify_frame`, :meth:`~Classifier.prisoners_frame`).
* :mod:`rightslens.spark` classifies a Spark DataFrame column.
* A report is a ``dict`` in the library's JSON report schema (``id``, ``bytes``, ``words``,
  ``sentences``, ``topics``, ``human_rights``, ``rights_cues``, ``framing``, ``hits``,
  ``prisoners``, ``hits_dropped``); spans are byte offsets into the UTF-8 text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._rightslens import RightslensError, _Classifier, __version__

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Classifier", "RightslensError", "__version__"]

#: Columns of :meth:`Classifier.classify_frame`, in order.
TOPIC_COLUMNS = ("id", "topic", "score", "present", "primary", "evidence", "hits")
#: Columns of :meth:`Classifier.prisoners_frame`, in order.
PRISONER_COLUMNS = ("id", "prisoner", "name", "region", "mentions")


def _paths(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    try:
        return [os.fspath(p) for p in value]
    except TypeError:
        raise TypeError(f"{what}: expected a path or a list of paths, got {value!r}") from None


def _thresholds(value: Mapping[str, Any] | None) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for topic, t in (value or {}).items():
        if isinstance(t, Mapping):
            missing = {"present", "primary"} - set(t)
            if missing:
                raise ValueError(
                    f"thresholds[{topic!r}]: missing {', '.join(sorted(missing))}"
                    " (give both 'present' and 'primary')"
                )
            out[topic] = (float(t["present"]), float(t["primary"]))
        else:
            present, primary = t
            out[topic] = (float(present), float(primary))
    return out


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return type(value).__name__ in ("NAType", "NaTType")


def _texts(values: Iterable[Any]) -> list[str | None]:
    """Texts as the compiled module takes them: strings, or None for a missing value."""
    out: list[str | None] = []
    for v in values:
        if isinstance(v, str):
            out.append(v)
        elif _is_missing(v):
            out.append(None)
        else:
            raise TypeError(f"texts must be strings (or missing), got {type(v).__name__}: {v!r}")
    return out


class Classifier:
    """A compiled classifier: lexicons, thresholds and the scoring model.

    Building compiles the lexicons (a few milliseconds for the built-in ones); then the
    classifier is immutable and safe to share between threads. It pickles as its settings,
    so a Spark or multiprocessing worker rebuilds it from the same lexicon files.

    Args:
        lexicons: lexicon files or folders of ``*.toml`` files that *replace* the built-in
            lexicons (their topics and their human-rights context cues). ``None`` keeps the
            built-in ones.
        add_lexicons: lexicon files or folders added to the lexicons above, for example a
            topic of your own.
        thresholds: per topic, the decision thresholds ``{"present": x, "primary": y}`` (or a
            ``(present, primary)`` pair), overriding the lexicon's.
        topics: report only these topics (their lexicons and the context cues still load).
        max_hits: store at most this many hits per report (all hits still count in scores).
        registries: prisoner registries (``.jsonl`` or ``.csv`` files, format in
            ``lexicons/registry/README.md``) added to the built-in named prisoners.

    Raises:
        RightslensError: a lexicon does not parse or fails its checks, a file cannot be read,
            a topic is unknown; the message names the file, line and entry.

    """

    def __init__(
        self,
        lexicons: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
        add_lexicons: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (),
        thresholds: Mapping[str, Mapping[str, float] | tuple[float, float]] | None = None,
        topics: Sequence[str] | None = None,
        max_hits: int | None = None,
        registries: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (),
    ) -> None:
        self._settings: dict[str, Any] = {
            "lexicons": None if lexicons is None else _paths(lexicons, "lexicons"),
            "add_lexicons": _paths(add_lexicons, "add_lexicons"),
            "thresholds": _thresholds(thresholds),
            "topics": None if topics is None else [str(t) for t in topics],
            "max_hits": max_hits,
            "registries": _paths(registries, "registries"),
        }
        self._inner = _Classifier(**self._settings)

    @property
    def settings(self) -> dict[str, Any]:
        """The arguments this classifier was built from (as plain lists and tuples)."""
        return {k: (list(v) if isinstance(v, list) else v) for k, v in self._settings.items()}

    @property
    def topics(self) -> list[str]:
        """Topic names, in the order the lexicons were loaded (reports list topics sorted)."""
        return self._inner.topics()

    @property
    def thresholds(self) -> dict[str, tuple[float, float]]:
        """``{topic: (present, primary)}`` as this classifier applies them."""
        return self._inner.thresholds()

    def __repr__(self) -> str:
        return f"rightslens.Classifier(topics={self.topics!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._settings,))

    def classify(self, text: str, id: str | None = None) -> dict[str, Any]:
        """Classifies one text and returns its report.

        Args:
            text: the document.
            id: recorded as the report's ``id`` (empty by default).

        Returns:
            The report as a ``dict`` in the library's JSON schema: ``report["topics"][t]``
            holds ``score``, ``present``, ``primary``, ``evidence``, ``hits`` and the other
            figures of topic ``t``; ``report["prisoners"]`` the named people.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}")
        return json.loads(self._inner.classify_json(text, id or ""))

    def classify_many(
        self,
        texts: Iterable[str | None],
        threads: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Classifies many texts in parallel, with the GIL released; reports keep input order.

        Args:
            texts: the documents; a missing one (``None``, NaN) reads as empty text.
            threads: size of the thread pool; ``None`` uses one thread per core, ``1``
                classifies in the calling thread.
            ids: report ids, one per text (default ``"0"``, ``"1"``, ...).

        Returns:
            One report per text, each as :meth:`classify` returns it.
        """
        ids_list = None if ids is None else [str(i) for i in ids]
        return json.loads(self._inner.classify_many_json(_texts(texts), ids_list, threads))

    def classify_frames(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> tuple[pandas.DataFrame, pandas.DataFrame]:
        """Both tidy tables of a pandas DataFrame in one pass: topics and prisoners.

        See :meth:`classify_frame` and :meth:`prisoners_frame` for the columns.
        """
        import pandas as pd

        if text_col not in df.columns:
            raise KeyError(f"no column {text_col!r} in the DataFrame")
        if id_col is None:
            keys = list(df.index)
        elif id_col in df.columns:
            keys = list(df[id_col])
        else:
            raise KeyError(f"no column {id_col!r} in the DataFrame")
        texts = _texts(df[text_col])
        (t_doc, _, topic, score, present, primary, evidence, hits), (
            p_doc,
            _,
            pid,
            name,
            region,
            mentions,
        ) = self._inner.classify_tidy(texts, None, threads)
        topics = pd.DataFrame(
            {
                "id": [keys[i] for i in t_doc],
                "topic": topic,
                "score": pd.array(score, dtype="float64"),
                "present": pd.array(present, dtype="bool"),
                "primary": pd.array(primary, dtype="bool"),
                "evidence": pd.array(evidence, dtype="float64"),
                "hits": pd.array(hits, dtype="int64"),
            }
        )
        prisoners = pd.DataFrame(
            {
                "id": [keys[i] for i in p_doc],
                "prisoner": pd.array(pid, dtype="object"),
                "name": pd.array(name, dtype="object"),
                "region": pd.array(region, dtype="object"),
                "mentions": pd.array(mentions, dtype="int64"),
            }
        )
        return topics, prisoners

    def classify_frame(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> pandas.DataFrame:
        """Classifies a pandas column into a tidy table: one row per document and topic.

        Args:
            df: the documents.
            text_col: the column holding the text (missing values read as empty text).
            id_col: the column holding document ids; ``None`` uses the DataFrame's index.
            threads: as in :meth:`classify_many`.

        Returns:
            A DataFrame with columns ``id``, ``topic``, ``score`` (coverage in [0, 1]),
            ``present``, ``primary``, ``evidence`` (context-weighted evidence) and ``hits``,
            documents in input order and topics sorted within each document.
        """
        return self.classify_frames(df, text_col, id_col, threads)[0]

    def prisoners_frame(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> pandas.DataFrame:
        """Named political prisoners of a pandas column: one row per document and person.

        Args are those of :meth:`classify_frame`.

        Returns:
            A DataFrame with columns ``id``, ``prisoner`` (lexicon entry id), ``name``
            (canonical name), ``region`` (or ``None``) and ``mentions`` (times named), people in
            order of first mention. Documents naming nobody have no row.
        """
        return self.classify_frames(df, text_col, id_col, threads)[1]


def _rebuild(settings: dict[str, Any]) -> Classifier:
    clf = Classifier.__new__(Classifier)
    clf._settings = settings
    clf._inner = _Classifier(**settings)
    return clf
