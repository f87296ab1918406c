"""The FastAPI app of ``corroborate serve DIR``: pages, a JSON API and uploads over one store.

Why these rules:
- Every path parameter is checked against a strict pattern before use, and ids are
  only ever SQL parameters; the only files the app writes are uploads, under
  ``DIR/uploads/`` with names it makes itself. No request path reaches the file system.
- Pages send the report's Content-Security-Policy (nothing loads from anywhere), and
  the interactive API docs are off, since they would load scripts from a CDN.
- Errors are JSON ``{"detail": message}`` with a status a client can act on:
  400 bad input, 404 unknown, 409 store busy, 413 too large, 415 wrong type,
  503 try again shortly.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corroborate import __version__
from corroborate.model import RunResult
from corroborate.render.pages import page_csp, story_page
from corroborate.report import stories_document
from corroborate.serve import ServeConfig
from corroborate.serve.gate import IngestBusy, StoreGate, StoreUnavailable
from corroborate.serve.pages import index_page
from corroborate.serve.reader import SEARCH_ENGINE, Hit, Reader, StorySummary
from corroborate.serve.uploads import IngestReport, Upload, UploadRejected, ingest_uploads
from corroborate.store import StoreBusy

#: Story ids are made by the clusterer: ``story-`` and 12 hex digits.
STORY_ID = r"^story-[0-9a-f]{12}$"
#: Article ids are file stems (optionally ``~hash``): no separators, control characters,
#: ``%`` or ``..``; at most 200 characters.
ARTICLE_ID = r"^[^\x00-\x1f\x7f/\\%]{1,200}$"
_STORE = "corroborate.duckdb"

StoryId = Annotated[str, PathParam(pattern=STORY_ID, description="story-<12 hex digits>")]
ArticleId = Annotated[str, PathParam(pattern=ARTICLE_ID, description="an article id")]
SearchQuery = Annotated[str, Query(min_length=1, max_length=200, description="words to find")]


class Error(BaseModel):
    detail: str


class StoryList(BaseModel):
    stories: list[dict[str, Any]]


class SearchResult(BaseModel):
    query: str
    #: ``ilike``: every word as a case-insensitive substring (see serve/reader.py).
    engine: str
    hits: list[dict[str, Any]]


class IngestResult(BaseModel):
    saved: list[dict[str, str]]
    added: int
    unchanged: int
    articles: list[str]
    skipped: list[dict[str, str]]
    stories: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Error} for code in (400, 404, 409, 413, 415, 503)
}


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, by header or while reading.

    Why a middleware: the form parser would otherwise spool any size to a temporary
    file before the endpoint could look at it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await JSONResponse({"detail": self._message()}, 413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"the upload is over the {self.max_bytes / 1e6:g} MB per-request limit"


def _html(text: str, forms: bool = False) -> HTMLResponse:
    return HTMLResponse(text, headers={"Content-Security-Policy": page_csp(forms)})


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in {"path", "query"})
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "invalid request: " + "; ".join(parts)


def _checked_article_id(article_id: str) -> str:
    if ".." in article_id:
        raise HTTPException(400, "invalid article id: '..' is not allowed")
    return article_id


def _story_json(result: RunResult) -> dict[str, Any]:
    document = stories_document(result)
    story: dict[str, Any] = document["stories"][0]
    return {"story": story, "articles": document["articles"]}


def _summary_json(summary: StorySummary) -> dict[str, Any]:
    return asdict(summary)


def _hit_json(hit: Hit) -> dict[str, Any]:
    data = asdict(hit)
    data["highlight"] = list(hit.highlight) if hit.highlight else None
    return data


def _ingest_json(report: IngestReport) -> dict[str, Any]:
    return {
        "saved": [{"name": name, "saved_as": saved} for name, saved in report.saved],
        "added": report.added,
        "unchanged": report.unchanged,
        "articles": report.articles,
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        "stories": report.stories,
    }


def _install_error_handlers(app: FastAPI) -> None:
    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _error(400, _validation_message(exc))

    async def unavailable(request: Request, exc: Exception) -> Response:
        response = _error(503, str(exc))
        response.headers["Retry-After"] = "5"
        return response

    async def busy(request: Request, exc: Exception) -> Response:
        return _error(409, str(exc))

    async def rejected(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UploadRejected)
        return _error(exc.status, str(exc))

    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StoreUnavailable, unavailable)
    app.add_exception_handler(IngestBusy, busy)
    app.add_exception_handler(StoreBusy, busy)
    app.add_exception_handler(UploadRejected, rejected)


def create_app(out_dir: Path, config: ServeConfig | None = None) -> FastAPI:
    """The app serving the run folder ``out_dir`` (its store, uploads under it)."""
    config = config or ServeConfig()
    folder = out_dir.resolve()
    gate = StoreGate()
    app = FastAPI(
        title="corroborate",
        version=__version__,
        description="Stories, articles and search over one corroborate run folder.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=config.max_request_bytes)
    _install_error_handlers(app)

    def reader() -> Reader:
        return Reader(folder / _STORE)

    def ingest(files: list[UploadFile]) -> IngestReport:
        uploads = [Upload(f.filename or "upload", f.file, f.size) for f in files]
        with gate.writing():
            return ingest_uploads(folder, uploads, config.max_file_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        q: Annotated[str, Query(max_length=200)] = "",
        added: Annotated[int | None, Query(ge=0)] = None,
    ) -> HTMLResponse:
        query = q.strip()
        with gate.reading(config.read_wait_s), reader() as store:
            stories = store.summaries()
            hits = store.search(query) if query else None
        notice = None if added is None else f"Upload ingested: {added} new articles."
        text = index_page(stories, query, hits, notice, config.max_file_bytes / 1e6)
        return _html(text, forms=True)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(story_id: StoryId) -> HTMLResponse:
        with gate.reading(config.read_wait_s), reader() as store:
            result = store.story(story_id)
            if result is None:
                raise HTTPException(404, f"no story {story_id}")
            titles = store.titles(result.stories[0].related)
        text = story_page(result, story_id, titles)
        assert text is not None
        return _html(text)

    @app.post("/upload", include_in_schema=False)
    def upload_form(files: Annotated[list[UploadFile], File()]) -> RedirectResponse:
        report = ingest(files)
        return RedirectResponse(f"/?added={report.added}", status_code=303)

    # ------------------------------------------------------------ API

    @app.get("/api/stories", response_model=StoryList, responses=_ERRORS)
    def api_stories() -> dict[str, Any]:
        """Every story, largest first: title, size, languages, dates, verdict counts."""
        with gate.reading(config.read_wait_s), reader() as store:
            return {"stories": [_summary_json(s) for s in store.summaries()]}

    @app.get("/api/stories/{story_id}", responses=_ERRORS)
    def api_story(story_id: StoryId) -> dict[str, Any]:
        """One story as in stories.json, with its articles (duplicates included)."""
        with gate.reading(config.read_wait_s), reader() as store:
            result = store.story(story_id)
        if result is None:
            raise HTTPException(404, f"no story {story_id}")
        return _story_json(result)

    @app.get("/api/articles/{article_id}", responses=_ERRORS)
    def api_article(article_id: ArticleId) -> dict[str, Any]:
        """One article as in stories.json: text, metadata, problems."""
        _checked_article_id(article_id)
        with gate.reading(config.read_wait_s), reader() as store:
            article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id}")
        document = stories_document(RunResult(articles=[article]))
        found: dict[str, Any] = document["articles"][0]
        return found

    @app.get("/api/search", response_model=SearchResult, responses=_ERRORS)
    def api_search(q: SearchQuery) -> dict[str, Any]:
        """Articles whose title or text contains every word of ``q`` (case-insensitive)."""
        with gate.reading(config.read_wait_s), reader() as store:
            hits = store.search(q)
        return {"query": q, "engine": SEARCH_ENGINE, "hits": [_hit_json(h) for h in hits]}

    @app.post("/api/ingest", response_model=IngestResult, responses=_ERRORS)
    def api_ingest(files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        """Save the files under DIR/uploads, ingest them, rewrite stories.json and report.html."""
        return _ingest_json(ingest(files))

    return app


__all__ = ["ARTICLE_ID", "STORY_ID", "create_app"]
