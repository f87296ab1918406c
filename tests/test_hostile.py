"""Hostile input: every bad file is listed with a reason, good files are processed,
the run exits 0, and a second run adds nothing. The corpus is generated here."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.ingest import display_path
from corroborate.model import Article, Fact

from .conftest import REPORT_SECTIONS, load_stories, run_cli, warc_record

PROSE_EN = (
    "The harbour authority said on Monday that the northern pier would stay closed for repairs "
    "until the end of the month, after a storm damaged its wooden deck and two mooring posts. "
    "Ferry services to the islands will leave from the southern quay in the meantime, and "
    "passengers were asked to allow an extra fifteen minutes for the walk from the station."
)
PROSE_RU = (
    "В понедельник администрация порта сообщила, что северный причал будет закрыт на ремонт "
    "до конца месяца после того, как шторм повредил деревянный настил и две швартовые тумбы. "
    "Паромы на острова будут отправляться с южной пристани."
)
PROSE_DE = (
    "Die Hafenverwaltung teilte am Montag mit, dass der nördliche Anleger bis zum Monatsende "
    "wegen Reparaturen geschlossen bleibt, nachdem ein Sturm das Holzdeck beschädigt hatte. "
    "Die Fähren zu den Inseln legen in der Zwischenzeit am südlichen Kai ab."
)

FIRE_EN = (
    "Firefighters said on Saturday that a blaze at a timber warehouse in the river district "
    "burned for nine hours, destroyed 2,500 tonnes of stored wood and forced 40 residents "
    "from their homes. Two firefighters were treated for smoke inhalation."
)

Writer = Callable[[Path], Path]


def _text(name: str, body: str, encoding: str = "utf-8") -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(body.encode(encoding))
        return path

    return write


def _bytes(name: str, data: bytes) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def _huge(folder: Path) -> Path:
    path = folder / "huge_200mb.txt"
    chunk = (PROSE_EN + "\n").encode() * (1_000_000 // len(PROSE_EN))
    with path.open("wb") as handle:
        while handle.tell() < 200_000_000:
            handle.write(chunk)
    return path


def _deep_html(folder: Path) -> Path:
    path = folder / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + f"<p>{PROSE_EN}</p>" + "</div>" * 10_000)
    return path


def _symlink_loop(folder: Path) -> Path:
    path = folder / "loop"
    path.mkdir()
    (path / "again").symlink_to(path)
    return path / "again"


def _dangling(folder: Path) -> Path:
    path = folder / "dangling.txt"
    path.symlink_to(folder / "nowhere.txt")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _truncated_warc(folder: Path) -> Path:
    page = f"<html><body><article><p>{PROSE_EN}</p><p>{PROSE_EN}</p></article></body></html>"
    data = warc_record("https://example.org/pier", page.encode())
    data += warc_record("https://example.org/pier-2", page.encode())
    path = folder / "cut.warc"
    path.write_bytes(data[: len(data) - 200])
    return path


def _odd_name(raw_name: bytes) -> Writer:
    def write(folder: Path) -> Path:
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + raw_name))
        path.write_text(f"{PROSE_EN} File {raw_name!r}.")
        return path

    return write


XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"

#: case -> (file writer, expected outcome: "article" or "skipped")
CASES: dict[str, tuple[Writer, str]] = {
    "plain English text": (_text("good_en.txt", PROSE_EN), "article"),
    "binary junk": (_bytes("junk.txt", bytes(range(256)) * 64), "skipped"),
    "zero-byte file": (_bytes("empty.txt", b""), "skipped"),
    "whitespace only": (_bytes("blank.html", b"  \n\n  "), "skipped"),
    "UTF-16 without BOM": (_text("utf16.txt", PROSE_EN, "utf-16-le"), "article"),
    "Windows-1251 as .txt": (_text("cp1251.txt", PROSE_RU, "cp1251"), "article"),
    "Latin-1 as .txt": (_text("latin1.txt", PROSE_DE, "latin-1"), "article"),
    "mixed encodings in one file": (
        _bytes("mixed.txt", PROSE_DE.encode("latin-1") + b"\n\n" + PROSE_RU.encode("utf-8")),
        "article",
    ),
    "200 MB text": (_huge, "skipped"),
    "gzip bomb": (_bytes("bomb.txt.gz", gzip.compress(b"A" * 120_000_000)), "skipped"),
    "truncated gzip": (_bytes("cut.html.gz", gzip.compress(PROSE_EN.encode() * 50)[:60]), "skipped"),
    "gzip that is not gzip": (_bytes("fake.txt.gz", PROSE_EN.encode()), "skipped"),
    "broken HTML": (_text("broken.html", f"<html><body><div><p>{PROSE_EN}<p><b>unclosed"), "article"),
    "HTML nested 10,000 deep": (_deep_html, "any"),
    "5 MB single line": (_text("long_line.txt", (PROSE_EN + " ") * 12_000), "article"),
    "control characters": (_text("controls.txt", PROSE_EN.replace(" the ", " \x07the\x1b ")), "article"),
    "right-to-left override": (_text("rtl.txt", "\u202e" + PROSE_EN + "\u202c"), "article"),
    "script payloads in HTML": (
        _text("xss.html", f"<html><head><title>{XSS}</title></head><body><article>"
              f"<h1>Pier closed {XSS}</h1><p>{PROSE_EN}</p><p onclick='alert(2)'>{PROSE_EN}</p>"
              "</article></body></html>"),
        "article",
    ),
    "malformed published date": (_text("bad_date.txt", f" date 2022-56-23 {PROSE_EN}"), "article"),
    "impossible day 31/02/2025": (_text("feb31.txt", f"Published: 31/02/2025\n\n{PROSE_EN}"), "article"),
    "year 0 and 9999": (_text("years.txt", f" date 0000-01-01\n\n date 9999-12-31 {PROSE_EN}"), "article"),
    "exact copy under another name": (_text("zz_copy_of_good_en.txt", PROSE_EN), "skipped"),
    "unsupported file type": (_bytes("scan.pdf", b"%PDF-1.7 binary"), "skipped"),
    "JSONL with a broken line": (
        _text("feed.jsonl", json.dumps({"url": "https://example.org/pier", "text": PROSE_EN})
              + "\n{broken\n"),
        "article",
    ),
    "truncated WARC": (_truncated_warc, "article"),
    "named pipe": (_fifo, "skipped"),
    "symlink loop": (_symlink_loop, "skipped"),
    "dangling symlink": (_dangling, "skipped"),
    "file name with a newline": (_odd_name(b"line\nbreak.txt"), "article"),
    "file name with non-UTF-8 bytes": (_odd_name(b"caf\xe9.txt"), "article"),
}  # fmt: skip


def _belongs(entry_source: str, source: str) -> bool:
    """A document's source is the file, ``file:line`` (JSON Lines) or ``file#uri`` (WARC)."""
    return entry_source == source or entry_source.startswith((source + ":", source + "#"))


def _outcome(source: str, stories: dict[str, object]) -> tuple[str, str]:
    articles = stories["articles"]
    skipped = stories["skipped"]
    assert isinstance(articles, list) and isinstance(skipped, list)
    for article in articles:
        if _belongs(article["source"], source):
            return "article", article["id"]
    for entry in skipped:
        if _belongs(entry["source"], source):
            return "skipped", entry["reason"]
    return "missing", ""


#: The whole hostile run must stay far below the machine's memory: gzip bombs and
#: 200 MB files are refused before they are read.
MAX_RSS_MB = 1500

#: Runs a command and writes the peak RSS (KiB) of it and its descendants. Measured from
#: a small intermediate process because Linux carries the high-water mark of the address
#: space a child was spawned from across ``exec``: waiting on the run directly from pytest
#: would report pytest's own peak (models loaded by earlier tests), not the run's.
PEAK_OF_CHILD = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as handle:
    handle.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], str]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {case: writer(folder) for case, (writer, _) in CASES.items()}
    out = tmp_path_factory.mktemp("out")
    command = [sys.executable, "-m", "corroborate", "run", str(folder), "--out", str(out), "-q"]
    peak_file = out.parent / f"{out.name}.peak"
    measured = [sys.executable, "-c", PEAK_OF_CHILD, str(peak_file), *command]
    process = subprocess.run(
        measured, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False
    )
    output = process.stdout.decode()
    assert process.returncode == 0, output
    peak_mb = int(peak_file.read_text()) / 1024
    assert peak_mb < MAX_RSS_MB, f"peak memory {peak_mb:.0f} MB"
    REPORT_SECTIONS.append(("hostile input", [f"peak memory of the run: {peak_mb:.0f} MB"]))
    return out, paths, output


def test_every_hostile_input_is_processed_or_skipped_with_a_reason(
    hostile_run: tuple[Path, dict[str, Path], str],
) -> None:
    out, paths, _ = hostile_run
    stories = load_stories(out)
    rows = []
    for case, path in paths.items():
        outcome, detail = _outcome(display_path(path), stories)
        expected = CASES[case][1]
        rows.append(f"{case:32} {outcome:8} {detail[:70]}")
        assert outcome != "missing", f"{case}: {path} neither processed nor skipped"
        assert expected in {"any", outcome}, f"{case}: expected {expected}, got {outcome}: {detail}"
        if outcome == "skipped":
            assert len(detail) > 8, f"{case}: reason too terse: {detail!r}"
    REPORT_SECTIONS.append(("hostile input: case -> outcome", rows))


def test_hostile_text_is_never_kept_as_markup(
    hostile_run: tuple[Path, dict[str, Path], str],
) -> None:
    out, paths, _ = hostile_run
    stories = load_stories(out)
    [xss] = [
        a
        for a in stories["articles"]
        if a["source"] == display_path(paths["script payloads in HTML"])
    ]
    assert "alert(" not in xss["text"] and "<script" not in xss["text"]
    assert "harbour authority" in xss["text"]


def test_malformed_dates_are_problems_not_dates(
    hostile_run: tuple[Path, dict[str, Path], str],
) -> None:
    out, paths, _ = hostile_run
    by_source = {a["source"]: a for a in load_stories(out)["articles"]}
    for case in ("malformed published date", "impossible day 31/02/2025", "year 0 and 9999"):
        article = by_source[display_path(paths[case])]
        assert article["published"] is None, case
        assert any(p["code"] == "malformed_date" for p in article["problems"]), case


def test_second_run_adds_nothing(hostile_run: tuple[Path, dict[str, Path], str]) -> None:
    out, paths, _ = hostile_run
    before = load_stories(out)
    folder = next(iter(paths.values())).parent
    code, output = run_cli("run", str(folder), "--out", str(out), "--quiet")
    assert code == 0, output
    assert "0 new" in output
    after = load_stories(out)
    assert after["articles"] == before["articles"]
    assert after["skipped"] == before["skipped"]


def test_mixed_encodings_decode_each_part(hostile_run: tuple[Path, dict[str, Path], str]) -> None:
    out, paths, _ = hostile_run
    by_source = {a["source"]: a for a in load_stories(out)["articles"]}
    text = by_source[display_path(paths["mixed encodings in one file"])]["text"]
    assert "nördliche Anleger" in text and "северный причал" in text


def test_a_story_whose_claims_fail_keeps_its_articles_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from corroborate import pipeline
    from corroborate.engine import StoryWork
    from corroborate.reconcile import ReconcileParams

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no reading")

    monkeypatch.setattr(pipeline, "reconcile", broken)
    article = Article(id="a", source="page.html", content_hash="a", text="Two men were hurt.")
    claims = pipeline.story_claims(StoryWork([article], []), "hash", ReconcileParams())
    assert (claims.entities, claims.facts, claims.timeline) == ([], [], [])
    assert "no claims for the story of page.html (1 article): ValueError: no reading" in (
        capsys.readouterr().err
    )

    # an error that quotes a whole article is told short, on stderr and in the story
    def quoting(*args: object, **kwargs: object) -> None:
        raise ValueError("Two men were hurt. " * 500)

    monkeypatch.setattr(pipeline, "reconcile", quoting)
    claims = pipeline.story_claims(StoryWork([article], []), "hash", ReconcileParams())
    assert len(claims.problems[0].message) < 400
    assert len(capsys.readouterr().err) < 500
    # an unknown embedder is the run's error, not one story's
    with pytest.raises(ValueError, match="unknown embedder"):
        pipeline.story_claims(StoryWork([article, article], []), "nope", ReconcileParams())


def test_a_story_whose_claims_fail_says_so_in_stories_json_and_the_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import jsonschema

    from corroborate import pipeline
    from corroborate.reconcile import reconcile as real
    from corroborate.report import load_schema, write_outputs

    def fails_for_the_ferry_story(articles: list[Article], *args: object) -> list[Fact]:
        if any("Ferry" in a.text for a in articles):
            raise ValueError("no reading")
        return real(articles, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "reconcile", fails_for_the_ferry_story)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "pier.txt").write_text(PROSE_EN)
    (corpus / "fire.txt").write_text(FIRE_EN)
    result, _ = pipeline.run_pipeline([corpus], tmp_path / "out", pipeline.RunOptions(workers=1))
    write_outputs(result, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "stories.json").read_text())
    jsonschema.validate(document, load_schema())
    by_problem = {bool(s["problems"]): s for s in document["stories"]}
    failed, fine = by_problem[True], by_problem[False]
    assert [p["code"] for p in failed["problems"]] == ["claims_failed"]
    assert "ValueError: no reading" in failed["problems"][0]["message"]
    assert failed["facts"] == [] and len(failed["articles"]) == 1
    assert fine["facts"] and not fine["problems"]
    report = (tmp_path / "out" / "report.html").read_text()
    assert "could not be worked out (ValueError: no reading)" in report
    assert report.count("facts not worked out") == 1  # beside its title in the story list
    # the story that was not read does not claim that no figure is shared
    assert report.count("No figure, date or place is stated by more than one source") <= 1
    # the app over the run folder lists it so too
    from fastapi.testclient import TestClient

    from corroborate.serve.app import create_app

    client = TestClient(create_app(tmp_path / "out"))
    listed = {s["id"]: s["problems"] for s in client.get("/api/stories").json()["stories"]}
    assert listed == {failed["id"]: ["claims_failed"], fine["id"]: []}
    assert "not worked out" in client.get("/").text
    # a second run reads the story back from the store with its problem
    again, _ = pipeline.run_pipeline([corpus], tmp_path / "out", pipeline.RunOptions(workers=1))
    assert any(s.problems for s in again.stories)
