"""Ingest: turn files and folders into :class:`RawDocument` records, or say why not.

Why a stage of its own: everything downstream assumes decoded text and a stable
id. Ingest is where hostile input is met, so every failure here becomes a
:class:`Skipped` entry with a reason a person understands, never an exception
that ends the run. Supported: ``.txt``, ``.html``/``.htm``, ``.json``/``.jsonl``,
``.warc`` and any of them gzipped (``.gz``).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from corroborate.model import Limits, MediaType, RawDocument, Skipped, content_hash, stable_id

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
SUPPORTED = set(TEXT_SUFFIXES) | RECORD_SUFFIXES | WARC_SUFFIXES
HINT_KEYS = ("url", "title", "published", "outlet", "author")
#: Legacy encodings still met on news sites (the WHATWG list, trimmed). Restricting
#: detection to these stops short texts being read as rare code pages.
LEGACY_WEB_ENCODINGS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "iso8859_2",
    "iso8859_5",
    "iso8859_15",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp874",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
)


class InputError(ValueError):
    """A problem with one input that becomes a ``skipped`` reason."""


@dataclass
class InputListing:
    """The files found under the user's inputs, and the paths that could not be walked."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def display_path(path: Path | str) -> str:
    """A printable, UTF-8-safe rendering of a path (names may hold newlines or raw bytes)."""
    text = os.fsdecode(path) if not isinstance(path, str) else path
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\n", "\\n").replace("\r", "\\r")


def list_inputs(inputs: Iterable[Path]) -> InputListing:
    """Expand files and folders (recursively, sorted) into a flat file list.

    Symlinked folders are followed once; a loop is reported instead of walked forever.
    """
    listing = InputListing()
    seen_dirs: set[str] = set()
    for item in inputs:
        _walk(Path(item), listing, seen_dirs)
    return listing


def _walk(path: Path, listing: InputListing, seen_dirs: set[str]) -> None:
    try:
        if path.is_dir():
            real = os.path.realpath(path)
            if real in seen_dirs:
                listing.skipped.append(
                    Skipped(display_path(path), "symlink loop: folder already read")
                )
                return
            seen_dirs.add(real)
            children = sorted(path.iterdir(), key=lambda p: os.fsencode(p.name))
            for child in children:
                _walk(child, listing, seen_dirs)
        elif path.is_file():
            listing.files.append(path)
        elif path.is_symlink():
            listing.skipped.append(Skipped(display_path(path), "broken or looping symlink"))
        elif path.exists():
            listing.skipped.append(Skipped(display_path(path), "not a regular file"))
        else:
            listing.skipped.append(Skipped(display_path(path), "path does not exist"))
    except OSError as exc:
        listing.skipped.append(Skipped(display_path(path), f"cannot read: {exc.strerror or exc}"))


def read_file(path: Path, limits: Limits) -> Iterator[RawDocument | Skipped]:
    """Yield the documents inside one file, or Skipped entries saying why not."""
    source = display_path(path)
    try:
        kind, stem = classify(path)
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(
                f"file is {_mb(size)}, over the {_mb(limits.max_file_bytes)} size limit"
            )
        if kind == "warc":
            yield from _read_warc(path, source, stem, limits)
            return
        data = _read_bytes(path, limits)
        if kind == "records":
            yield from _read_records(data, source, stem, limits)
        else:
            media: MediaType = "html" if kind == "html" else "text"
            yield _document(stem, source, data, media, {})
    except InputError as exc:
        yield Skipped(source, str(exc))
    except OSError as exc:
        yield Skipped(source, f"cannot read file: {exc.strerror or exc}")


def classify(path: Path) -> tuple[str, str]:
    """Return (kind, id stem) from the file name: kind is text, html, records or warc."""
    name = path.name
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    stem = display_path(name.split(".")[0] or name)
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix], stem
    if suffix in RECORD_SUFFIXES:
        return "records", stem
    if suffix in WARC_SUFFIXES:
        return "warc", stem
    shown = suffix or "(no extension)"
    supported = ", ".join(sorted(SUPPORTED))
    raise InputError(f"unsupported file type {shown}; supported: {supported}, optionally .gz")


def _read_bytes(path: Path, limits: Limits) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(2)
        handle.seek(0)
        if path.suffix.lower() == ".gz":
            if head != b"\x1f\x8b":
                raise InputError("named .gz but is not gzip data")
            return _gunzip_bounded(handle, limits.max_decompressed_bytes)
        return handle.read()


def _gunzip_bounded(handle: io.BufferedIOBase, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes so a gzip bomb cannot exhaust memory."""
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=handle) as stream:
            while chunk := stream.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    raise InputError(
                        f"decompresses to more than {_mb(limit)} (decompression limit; gzip bomb?)"
                    )
                chunks.append(chunk)
    except EOFError as exc:
        raise InputError("gzip file is truncated") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"corrupt gzip data: {exc}") from exc
    return b"".join(chunks)


def decode_text(data: bytes) -> str:
    """Decode bytes to text, refusing binary data with a reason.

    Order: byte-order marks, strict UTF-8, UTF-16 without BOM (alternating NULs),
    then charset detection for legacy encodings such as Windows-1251 or Latin-1.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="replace"))
    utf16 = _guess_utf16(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    legacy_lines = [line for line in lines if not _is_utf8(line)]
    encoding = _legacy_encoding(b"\n".join(legacy_lines))
    if len(legacy_lines) < len(lines) and any(
        line.isascii() is False for line in lines if _is_utf8(line)
    ):
        # Mixed file (pasted together from two sources): UTF-8 where it is valid,
        # the detected legacy encoding on the other lines.
        decoded = (
            line.decode("utf-8") if _is_utf8(line) else line.decode(encoding, "replace")
            for line in lines
        )
        return _checked("\n".join(decoded))
    return _checked(data.decode(encoding, errors="replace"))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _legacy_encoding(data: bytes) -> str:
    best = from_bytes(data[:2_000_000], cp_isolation=list(LEGACY_WEB_ENCODINGS)).best()
    if best is None:
        raise InputError("undecodable text: not UTF-8 and no known encoding fits")
    return str(best.encoding)


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    codec = "utf-16-le" if odd_nuls > 0.3 and even_nuls < 0.05 else None
    if even_nuls > 0.3 and odd_nuls < 0.05:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _checked(text: str) -> str:
    """Reject decoded text that is mostly control characters (binary under a text name)."""
    sample = text[:20000]
    if not sample.strip():
        raise InputError("empty file")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls / len(sample) > 0.05:
        raise InputError("binary file (mostly control characters), not text")
    return text.replace("\x00", "")


def _document(
    doc_id: str,
    source: str,
    data: bytes,
    media: MediaType,
    hints: dict[str, str],
    content: str | None = None,
) -> RawDocument:
    """A RawDocument keeping ``data`` as its raw bytes; ``content`` defaults to them decoded."""
    content = decode_text(data) if content is None else content
    if media == "text" and content.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        media = "html"
    return RawDocument(
        doc_id=doc_id,
        source=source,
        content_hash=content_hash(data),
        media_type=media,
        raw=data,
        content=content,
        hints=hints,
    )


def _read_records(
    data: bytes, source: str, stem: str, limits: Limits
) -> Iterator[RawDocument | Skipped]:
    """JSON array, single JSON object, or JSON Lines: one article per object."""
    text = decode_text(data)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        rows: Iterable[tuple[int, object]] = enumerate(items, start=1)
    else:
        rows = _json_lines(text)
    for count, (number, obj) in enumerate(rows, start=1):
        where = f"{source}:{number}"
        if count > limits.max_records_per_file:
            yield Skipped(
                source, f"more than {limits.max_records_per_file} records; the rest ignored"
            )
            return
        if isinstance(obj, Skipped):
            yield Skipped(where, obj.reason)
            continue
        yield _record_document(obj, where)


def _json_lines(text: str) -> Iterator[tuple[int, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, Skipped("", f"line is not valid JSON: {exc.msg}")


def _record_document(obj: object, where: str) -> RawDocument | Skipped:
    if not isinstance(obj, dict):
        return Skipped(where, "record is not a JSON object")
    hints = {k: str(obj[k]) for k in HINT_KEYS if isinstance(obj.get(k), str | int | float)}
    body = obj.get("html") if isinstance(obj.get("html"), str) and obj.get("html") else None
    media: MediaType = "html" if body else "text"
    body = body or (obj.get("text") if isinstance(obj.get("text"), str) else None)
    if not body or not body.strip():
        return Skipped(where, "record has no 'text' or 'html' content")
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
    doc_id = stable_id(hints["url"]) if "url" in hints else stable_id(body)
    try:
        return _document(doc_id, where, raw, media, hints, content=_checked(body))
    except InputError as exc:
        return Skipped(where, str(exc))


def _read_warc(
    path: Path, source: str, stem: str, limits: Limits
) -> Iterator[RawDocument | Skipped]:
    """HTML response records of a WARC file (gzipped per record or not), via FastWARC."""
    from fastwarc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(
        str(path),
        record_types=WarcRecordType.response,
        parse_http=True,
        stream_detect=True,
        fsspec_args=False,
    )
    ignored = 0
    read = 0
    try:
        for record in records:
            read += 1
            if read > limits.max_records_per_file:
                yield Skipped(
                    source, f"more than {limits.max_records_per_file} records; the rest ignored"
                )
                break
            item = _warc_document(record, source, limits)
            if item is None:
                ignored += 1
            else:
                yield item
    except Exception as exc:
        yield Skipped(source, f"WARC file is truncated or corrupt after {read} records: {exc}")
    if read == 0:
        yield Skipped(source, "no WARC response records found (not a WARC file, or empty)")
    elif ignored:
        yield Skipped(source, f"{ignored} WARC records were not successful HTML responses; ignored")


def _warc_document(record: object, source: str, limits: Limits) -> RawDocument | Skipped | None:
    uri = str(record.headers.get("WARC-Target-URI", ""))  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    status = getattr(http, "status_code", None) if http is not None else None
    ctype = str(http.get("Content-Type", "")) if http is not None else ""
    if status is None or not 200 <= int(status) < 300 or "html" not in ctype.lower():
        return None
    where = f"{source}#{uri}" if uri else source
    body = record.reader.read(limits.max_decompressed_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > limits.max_decompressed_bytes:
        return Skipped(where, f"record body over the {_mb(limits.max_decompressed_bytes)} limit")
    try:
        doc = _document(
            stable_id(uri) if uri else stable_id(content_hash(body)), where, body, "html", {}
        )
    except InputError as exc:
        return Skipped(where, str(exc))
    if uri:
        doc.hints["url"] = uri
    return doc


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
