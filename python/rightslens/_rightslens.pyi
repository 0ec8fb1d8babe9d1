"""Type stubs of the compiled module ``rightslens._rightslens`` (internal; use ``rightslens``)."""

from collections.abc import Sequence

__version__: str

class RightslensError(Exception):
    """A lexicon or setting was rejected when the classifier was built; the message is the
    library's."""

class _Classifier:
    def __init__(
        self,
        lexicons: Sequence[str] | None = None,
        add_lexicons: Sequence[str] = ...,
        thresholds: dict[str, tuple[float, float]] | None = None,
        topics: Sequence[str] | None = None,
        max_hits: int | None = None,
        registries: Sequence[str] = ...,
    ) -> None: ...
    def topics(self) -> list[str]: ...
    def thresholds(self) -> dict[str, tuple[float, float]]: ...
    def pattern_count(self) -> int: ...
    def classify_json(self, text: str, id: str = "") -> str: ...
    def classify_many_json(
        self,
        texts: Sequence[str | None],
        ids: Sequence[str] | None = None,
        threads: int | None = None,
    ) -> str: ...
    def classify_tidy(
        self,
        texts: Sequence[str | None],
        ids: Sequence[str] | None = None,
        threads: int | None = None,
    ) -> tuple[
        tuple[
            list[int], list[str], list[str], list[float], list[bool], list[bool], list[float], list[int]
        ],
        tuple[list[int], list[str], list[str], list[str], list[str | None], list[int]],
    ]: ...
    def classify_wide(
        self, texts: Sequence[str | None], threads: int | None = 1
    ) -> tuple[list[str], list[list[float]], list[list[bool]], list[list[bool]], list[list[str]]]: ...
