"""Dates benchmark: timex detection and normalisation of :mod:`corroborate.timex`.

Data (``bench-data/timex_xtn``, BIO-tagged TempEval-style corpora with the
document creation date, DCT, and a TIMEX3 value per expression):

* **dev** (rules were read and tuned on these only): TempEval-3 train
  (TimeBank + AQUAINT, 183 English documents) and Spanish TimeBank train.
* **test** (never looked at while writing rules): TempEval-3 platinum test
  (20 English documents) and MEANTIME English and Spanish.

How a document is scored: each sentence's tokens are joined with single
spaces, sentences with newlines, and the text goes through
:func:`corroborate.timex.find_time_expressions` with the DCT as anchor, as an
article would. Detection is micro precision / recall / F1, *strict* (exact
character span) and *relaxed* (any overlap, one-to-one). *Value* accuracy is
the share of relaxed matches whose TIMEX3 value equals the gold value exactly
(``None`` counts as wrong), *type* accuracy the share whose kind equals the
gold type (DATE/TIME/DURATION/SET). The target is value accuracy >= 0.85 on
TempEval-3 platinum.

Baseline: dateparser's own ``search_dates`` on each sentence with the
document's language and the DCT as ``RELATIVE_BASE``; its value is the day it
returns (``YYYY-MM-DD``) and its type always DATE. It shows what the library
does when it scans free text itself.

Extra check (``recognizers_text_specs``): Microsoft Recognizers-Text
``DateTimeModel`` spec cases for Dutch, German, Spanish and French, each with
a reference time. For the ``datetimeV2.date`` results only: the share we
detect (any overlap) and, among those, the share where our value is one of
the values the spec lists (it lists both readings of a yearless date).
"""

from __future__ import annotations

import gzip
import json
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from corroborate.bench import BenchOptions, BenchTable, f1_score
from corroborate.timex import find_time_expressions

Span = tuple[int, int, str, str | None]  # start, end, type, value
Predictor = Callable[[str, str, str], list[Span]]

#: (name, language, file under timex_xtn/datasets, role)
SETS: list[tuple[str, str, str, str]] = [
    ("tempeval3-train", "en", "timebank/en/train.tsv.gz", "dev"),
    ("timebank-es-train", "es", "timebank/es/train.tsv.gz", "dev"),
    ("tempeval3-platinum", "en", "timebank/en/test.tsv", "test"),
    ("meantime-en", "en", "meantime/en/test.tsv", "test"),
    ("meantime-es", "es", "meantime/es/test.tsv", "test"),
]
TARGETS = {"tempeval3-platinum": 0.85}
SPEC_LANGUAGES = {"Dutch": "nl", "German": "de", "Spanish": "es", "French": "fr"}


@dataclass
class Document:
    dct: str
    text: str
    gold: list[Span]


@dataclass
class Counts:
    """Detection and normalisation tallies over one set."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    kind: int = 0
    seconds: float = 0.0
    words: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, f1_score(p, r)


@dataclass
class _Builder:
    """Accumulates one document's text and gold spans from BIO lines."""

    dct: str
    parts: list[str] = field(default_factory=list)
    gold: list[Span] = field(default_factory=list)
    length: int = 0
    open_span: list[object] | None = None

    def token(self, token: str, label: str, value: str) -> None:
        if self.parts and self.parts[-1] != "\n":
            self.add(" ")
        start = self.length
        self.add(token)
        if label.startswith("I-") and self.open_span is not None:
            self.open_span[1] = self.length
            return
        self.close()
        if label.startswith("B-"):
            self.open_span = [start, self.length, label[2:], None if value == "-" else value]

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def close(self) -> None:
        if self.open_span is not None:
            start, end, kind, value = self.open_span
            self.gold.append((int(str(start)), int(str(end)), str(kind), value))  # type: ignore[arg-type]
            self.open_span = None

    def sentence_end(self) -> None:
        self.close()
        if self.parts and self.parts[-1] != "\n":
            self.add("\n")

    def document(self) -> Document:
        self.close()
        return Document(self.dct, "".join(self.parts), self.gold)


def read_documents(path: Path) -> Iterator[Document]:
    """Documents of one XTN file (``*!-DCTVALUE="..."-!*`` starts a document)."""
    opener = gzip.open if path.suffix == ".gz" else open
    builder: _Builder | None = None
    with opener(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("*!-DCTVALUE"):
                if builder is not None:
                    yield builder.document()
                builder = _Builder(line.split('"')[1])
            elif builder is not None and not line.strip():
                builder.sentence_end()
            elif builder is not None:
                token, label, value = [*line.split("\t"), "O", "-"][:3]
                builder.token(token, label, value)
    if builder is not None:
        yield builder.document()


def ours(text: str, language: str, dct: str) -> list[Span]:
    return [
        (e.start, e.end, e.kind.upper(), e.value)
        for e in find_time_expressions("bench", text, language, dct)
    ]


def dateparser_baseline(text: str, language: str, dct: str) -> list[Span]:
    """dateparser.search.search_dates per line, spans located in order of return."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(dct[:10])
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        try:
            found = search_dates(line, languages=[language], settings={"RELATIVE_BASE": base})
        except Exception:
            found = None
        cursor = 0
        for substring, when in found or []:
            at = line.find(substring, cursor)
            if at >= 0:
                spans.append(
                    (offset + at, offset + at + len(substring), "DATE", when.date().isoformat())
                )
                cursor = at + len(substring)
        offset += len(line) + 1
    return spans


def match(gold: list[Span], predicted: list[Span], counts: Counts) -> None:
    """Strict and relaxed one-to-one matching, value and type agreement."""
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    exact = {(s, e) for s, e, _, _ in gold}
    counts.strict += sum((s, e) in exact for s, e, _, _ in predicted)
    used: set[int] = set()
    for g_start, g_end, g_kind, g_value in gold:
        for i, (p_start, p_end, p_kind, p_value) in enumerate(predicted):
            if i not in used and p_start < g_end and g_start < p_end:
                used.add(i)
                counts.relaxed += 1
                counts.value += p_value is not None and p_value == g_value
                counts.kind += p_kind == g_kind
                break


def score(predict: Predictor, documents: list[Document], language: str) -> Counts:
    counts = Counts()
    for doc in documents:
        started = time.perf_counter()
        predicted = predict(doc.text, language, doc.dct)
        counts.seconds += time.perf_counter() - started
        counts.words += len(doc.text.split())
        match(doc.gold, predicted, counts)
    return counts


def _row(name: str, role: str, who: str, c: Counts) -> list[str]:
    strict, relaxed = c.prf(c.strict), c.prf(c.relaxed)
    value = c.value / c.relaxed if c.relaxed else 0.0
    target = TARGETS.get(name) if who == "ours" else None
    verdict = "—" if target is None else f"{target:.2f} {'ok' if value >= target else 'MISS'}"
    return [
        f"{name} ({role})",
        who,
        str(c.gold),
        *(f"{x:.3f}" for x in (*strict, *relaxed)),
        f"{value:.3f}",
        f"{c.kind / c.relaxed if c.relaxed else 0.0:.3f}",
        verdict,
        f"{c.words / c.seconds:.0f}" if c.seconds else "—",
    ]


def corpus_table(options: BenchOptions) -> BenchTable:
    root = options.shared / "bench-data" / "timex_xtn" / "datasets"
    rows: list[list[str]] = []
    for name, language, relative, role in SETS:
        path = root / relative
        if not path.is_file():
            continue
        documents = list(read_documents(path))[: options.limit or None]
        rows.append(_row(name, role, "ours", score(ours, documents, language)))
        rows.append(_row(name, role, "dateparser", score(dateparser_baseline, documents, language)))
    return BenchTable(
        "Timex detection and normalisation (TempEval-3 / MEANTIME / Spanish TimeBank)",
        [
            "set",
            "system",
            "gold",
            "strict P",
            "strict R",
            "strict F1",
            "relaxed P",
            "relaxed R",
            "relaxed F1",
            "value acc",
            "type acc",
            "target",
            "words/s",
        ],
        rows,
        notes=[
            "dev sets were used to write and tune rules; test sets were not looked at.",
            "value/type accuracy are over relaxed matches; dateparser baseline: "
            "search_dates per sentence with the DCT as RELATIVE_BASE, type always DATE.",
        ],
    )


def spec_cases(
    root: Path, language: str
) -> Iterator[tuple[str, str, list[tuple[int, int, set[str]]]]]:
    """(input, reference day, [(start, end, accepted values)]) for date results."""
    path = root / "Specs" / "DateTime" / language / "DateTimeModel.json"
    if not path.is_file():
        return
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        reference = str(case.get("Context", {}).get("ReferenceDateTime", ""))[:10]
        dates = [
            (
                int(r["Start"]),
                int(r["End"]) + 1,
                {str(v.get("value")) for v in r["Resolution"]["values"]},
            )
            for r in case.get("Results", [])
            if r.get("TypeName") == "datetimeV2.date" and r.get("Resolution")
        ]
        if reference and dates:
            yield str(case["Input"]), reference, dates


def spec_table(options: BenchOptions) -> BenchTable | None:
    archive = options.shared / "bench-data" / "recognizers_text_specs" / "Specs.tar.gz"
    if not archive.is_file():
        return None
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if "/DateTime/" in m.name and m.isfile()]
            tar.extractall(tmp, members=members, filter="data")
        for folder, language in SPEC_LANGUAGES.items():
            total = detected = agreed = 0
            for text, reference, dates in spec_cases(Path(tmp), folder):
                found = ours(text, language, reference)
                for start, end, values in dates:
                    total += 1
                    hit = next((p for p in found if p[0] < end and start < p[1]), None)
                    detected += hit is not None
                    agreed += hit is not None and hit[3] in values
            rows.append(
                [
                    f"recognizers-{language}",
                    str(total),
                    f"{detected / total if total else 0:.3f}",
                    f"{agreed / detected if detected else 0:.3f}",
                ]
            )
    return BenchTable(
        "Recognizers-Text DateTimeModel specs, datetimeV2.date results",
        ["set", "dates", "detected", "value agreement (of detected)"],
        rows,
        notes=[
            "Extra check; the specs' conventions (e.g. both readings of a yearless "
            "date) differ from TIMEX3, so agreement is an indication, not a target."
        ],
    )


def run(options: BenchOptions) -> list[BenchTable]:
    """The corpus table (dev and test, ours beside dateparser) and the spec check."""
    tables = [corpus_table(options)]
    specs = spec_table(options)
    if specs is not None:
        tables.append(specs)
    return tables
