"""Type stubs of ``rightslens``."""

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas

from ._rightslens import RightslensError as RightslensError
from ._rightslens import __version__ as __version__

TOPIC_COLUMNS: tuple[str, ...]
PRISONER_COLUMNS: tuple[str, ...]

_Paths = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]

class Classifier:
    def __init__(
        self,
        lexicons: _Paths | None = None,
        add_lexicons: _Paths = (),
        thresholds: Mapping[str, Mapping[str, float] | tuple[float, float]] | None = None,
        topics: Sequence[str] | None = None,
        max_hits: int | None = None,
        registries: _Paths = (),
    ) -> None: ...
    @property
    def settings(self) -> dict[str, Any]: ...
    @property
    def topics(self) -> list[str]: ...
    @property
    def thresholds(self) -> dict[str, tuple[float, float]]: ...
    def classify(self, text: str, id: str | None = None) -> dict[str, Any]: ...
    def classify_many(
        self,
        texts: Iterable[str | None],
        threads: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]: ...
    def classify_frames(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> tuple[pandas.DataFrame, pandas.DataFrame]: ...
    def classify_frame(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> pandas.DataFrame: ...
    def prisoners_frame(
        self,
        df: pandas.DataFrame,
        text_col: str = "text",
        id_col: str | None = None,
        threads: int | None = None,
    ) -> pandas.DataFrame: ...
