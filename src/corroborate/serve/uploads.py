"""Uploaded files: saved under ``DIR/uploads/`` with generated names, then run like ``run``.

Why generated names: a client's file name may hold ``../``, an absolute path, NUL
or a name that already exists. Only a cleaned stem (letters, digits, ``-``, ``_``)
and a supported extension survive, and a random part keeps names unique, so
nothing a request sends decides where a file lands. The stem becomes the article
id, as for files given to ``run``.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from corroborate.ingest import SUPPORTED, display_path
from corroborate.model import Skipped
from corroborate.pipeline import STORE_NAME, RunOptions, run_pipeline
from corroborate.report import write_outputs
from corroborate.store import Store

UPLOADS_NAME = "uploads"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_STEM_CHARS = 40
_CHUNK = 1 << 16


class UploadRejected(ValueError):
    """A file the app will not take; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Upload:
    """One file of a request: the name the client gave and its content."""

    filename: str
    content: BinaryIO
    size: int | None = None


@dataclass
class IngestReport:
    """What an upload did to the store."""

    #: (name the client gave, name it was saved as) per file, in order.
    saved: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    articles: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: int = 0


def upload_name(filename: str) -> str:
    """A safe, unique file name keeping the client's stem (cleaned) and extension."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    suffixes = [s.lower() for s in PurePosixPath(name).suffixes]
    gz = ".gz" if suffixes[-1:] == [".gz"] else ""
    kind = suffixes[-2] if gz and len(suffixes) > 1 else ("" if gz else "".join(suffixes[-1:]))
    if kind not in SUPPORTED:
        supported = ", ".join(sorted(SUPPORTED))
        raise UploadRejected(
            f"{filename!r}: unsupported file type; supported: {supported}, optionally .gz", 415
        )
    stem = _UNSAFE.sub("-", name.split(".")[0]).strip("-")[:_STEM_CHARS] or "upload"
    return f"{stem}-{secrets.token_hex(4)}{kind}{gz}"


def check_sizes(uploads: Sequence[Upload], max_file_bytes: int) -> None:
    """Refuse the request before anything is written when a file is known to be too big."""
    if not uploads:
        raise UploadRejected("no files in the upload (form field 'files')", 400)
    for upload in uploads:
        upload_name(upload.filename)
        if upload.size is not None and upload.size > max_file_bytes:
            raise UploadRejected(_too_big(upload.filename, max_file_bytes), 413)


def _too_big(filename: str, limit: int) -> str:
    return f"{filename!r} is over the {limit / 1e6:g} MB per-file limit"


def _save(upload: Upload, folder: Path, max_file_bytes: int) -> Path:
    """Copy to a new file in ``folder``, stopping (and removing it) past the size limit."""
    path = folder / upload_name(upload.filename)
    written = 0
    with path.open("xb") as handle:
        while chunk := upload.content.read(_CHUNK):
            written += len(chunk)
            if written > max_file_bytes:
                handle.close()
                path.unlink()
                raise UploadRejected(_too_big(upload.filename, max_file_bytes), 413)
            handle.write(chunk)
    return path


def _stored_models(store_path: Path) -> RunOptions:
    """Options with the embedder and recognizer the store was built with.

    Why: the defaults could differ from what ``run --embedder ...`` used, and a change
    re-clusters every story. Opening the store here also fails fast (StoreBusy)
    before any file is written when another process is writing it.
    """
    options = RunOptions()
    with Store(store_path) as store:
        options.embedder = store.get_meta("embedder") or options.embedder
        options.recognizer = store.get_meta("recognizer") or options.recognizer
    return options


def ingest_uploads(out_dir: Path, uploads: Sequence[Upload], max_file_bytes: int) -> IngestReport:
    """Save ``uploads`` under ``out_dir/uploads``, ingest them into the store under
    ``out_dir`` and rewrite stories.json and report.html. The caller holds the write gate."""
    check_sizes(uploads, max_file_bytes)
    options = _stored_models(out_dir / STORE_NAME)
    folder = out_dir / UPLOADS_NAME
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    try:
        for upload in uploads:
            paths.append(_save(upload, folder, max_file_bytes))
        result, stats = run_pipeline(paths, out_dir, options)
    except BaseException:
        for path in paths:
            path.unlink(missing_ok=True)
        raise
    write_outputs(result, out_dir)
    sources = {display_path(p) for p in paths}
    return IngestReport(
        saved=[(u.filename, p.name) for u, p in zip(uploads, paths, strict=True)],
        added=stats.added,
        unchanged=stats.unchanged,
        articles=[a.id for a in result.articles if _from_files(a.source, sources)],
        skipped=list(stats.skipped),
        stories=len(result.stories),
    )


def _from_files(source: str, files: set[str]) -> bool:
    """Whether an article came from one of ``files`` (records are ``FILE:N``, ``FILE#URI``)."""
    return any(source == f or source.startswith((f + ":", f + "#")) for f in files)
