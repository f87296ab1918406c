"""The quantities stage: every amount an article states, read in its own language.

Design, and why:

* **Rules, not a model.** A quantity is a number plus a handful of closed-class
  cues (a currency sign, a unit word, "about", "between ... and", "-year-old").
  Those cues are listed per language in :mod:`.lexicon` and :mod:`.units`, so a
  reviewer can see why "zo'n 140 mijl" became 225.3 km, and adding a language is
  adding lists. A model would need annotated data in six languages that we lack.
* **Real libraries where they are better than lists.** ``text2num`` reads number
  words and compounds in en/nl/de/es/fr ("eenentwintig", "vingt et un"); ``pint``
  knows every conversion factor. Russian number words, which ``text2num`` lacks,
  have a small declension table in :mod:`.numbers`. The pint registry is created
  once per process and only on the first unit seen; conversions are cached.
* **Offsets are sacred.** Matching happens on the original string (dash variants
  and non-breaking spaces are character classes, never rewritten), so
  ``text[q.start:q.end] == q.text`` always, which the claim stage relies on.
* **Dates are not quantities.** A separate stage reads dates; here "June 17",
  "10:30", "2022-06-15", a bare "2022", phone numbers, URLs and ids are masked
  before any number is read.
* **Never crash, stay fast.** Every pattern is precompiled per language and
  anchored at positions we already know; the stage is pure and total, so it can
  run on every article and be fuzzed on arbitrary strings.

Languages other than the six use English rules for words and digits; ``und``
(unknown) reads digits only.

Stage boundary: imports only :mod:`corroborate.model` and its own modules.
"""

from __future__ import annotations

from corroborate.model import Quantity
from corroborate.quantities.finder import find

__all__ = ["find_quantities"]


def find_quantities(article_id: str, text: str, language: str) -> list[Quantity]:
    """Every quantity ``text`` states, in text order, with exact offsets.

    ``language`` is an ISO 639-1 code (``en``, ``nl``, ``de``, ``es``, ``fr``,
    ``ru`` have full rules) or ``und``. Never raises on any string.
    """
    return find(article_id, text, language)
