"""``corroborate serve``: the JSON API, pages, path checks, uploads and the default bind.

The app runs in-process with FastAPI's TestClient over the session's seeds run; tests
that write (uploads) work on their own copy of it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import corroborate.serve
from corroborate.render.pages import page_csp
from corroborate.serve import DEFAULT_HOST, ServeConfig, is_loopback, serve_config
from corroborate.serve.app import create_app

from .conftest import load_stories, run_cli

NEW_ARTICLE = (
    "Harbour crane collapses in Rotterdam\n\n"
    "A container crane collapsed at the port of Rotterdam on Monday, injuring three dock "
    "workers, the port authority said. The crane, built in 1998, was being serviced when "
    "its boom gave way. Investigators from the Dutch Safety Board arrived on Tuesday.\n"
)


@pytest.fixture(scope="module")
def client(seeds_out: Path) -> TestClient:
    return TestClient(create_app(seeds_out))


@pytest.fixture(scope="module")
def seeds(seeds_out: Path) -> dict[str, Any]:
    return load_stories(seeds_out)


@pytest.fixture()
def writable(seeds_out: Path, tmp_path: Path) -> Path:
    """A copy of the seeds run that a test may change."""
    copy = tmp_path / "run"
    shutil.copytree(seeds_out, copy)
    return copy


# ------------------------------------------------------------------ reading


def test_story_list_matches_stories_json(client: TestClient, seeds: dict[str, Any]) -> None:
    listed = client.get("/api/stories").json()["stories"]
    assert [s["id"] for s in listed] == [s["id"] for s in seeds["stories"]]
    assert [s["title"] for s in listed] == [s["title"] for s in seeds["stories"]]
    biggest = listed[0]
    assert biggest["articles"] == 4 and biggest["verdicts"]["agreed"] >= 2
    assert biggest["languages"] == ["en", "nl"]


def test_story_and_article_are_the_stories_json_entries(
    client: TestClient, seeds: dict[str, Any]
) -> None:
    for story in seeds["stories"]:
        answer = client.get(f"/api/stories/{story['id']}").json()
        assert answer["story"] == story
        assert {a["id"] for a in answer["articles"]} >= set(story["articles"])
    for article in seeds["articles"]:
        assert client.get(f"/api/articles/{article['id']}").json() == article


def test_search_needs_every_word_and_points_at_the_story(
    client: TestClient, seeds: dict[str, Any]
) -> None:
    answer = client.get("/api/search", params={"q": "mukhametov KALININGRAD"}).json()
    texts = {a["id"]: (a["title"] or "") + a["text"] for a in seeds["articles"]}
    hits = answer["hits"]
    assert answer["engine"] == "ilike" and len(hits) >= 2
    for hit in hits:
        lowered = texts[hit["article"]].lower()
        assert "mukhametov" in lowered and "kaliningrad" in lowered
        start, end = hit["highlight"]
        assert hit["snippet"][start:end].lower() in {"mukhametov", "kaliningrad"}
        assert hit["story"] in {s["id"] for s in seeds["stories"]}
    wildcard = client.get("/api/search", params={"q": "%_%"}).json()["hits"]
    assert wildcard == []  # LIKE wildcards in a query are plain characters


def test_pages_send_the_report_policy(client: TestClient, seeds: dict[str, Any]) -> None:
    index = client.get("/", params={"q": "Mukhametov"})
    assert index.status_code == 200
    assert index.headers["content-security-policy"] == page_csp(forms=True)
    assert index.text.count('class="hit"') >= 2 and "<mark>" in index.text
    story = seeds["stories"][0]
    page = client.get(f"/stories/{story['id']}")
    policy = page.headers["content-security-policy"]
    assert policy == page_csp(forms=False)
    assert policy.startswith("default-src 'none'") and "form-action 'none'" in policy
    assert 'class="matrix"' in page.text and "age of Daniil Mukhametov" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/ingest",
    } <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # the docs page would load a CDN script


# ------------------------------------------------------------------ paths


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/..%2f..%2fcorroborate.duckdb",
        "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/articles/%2e%2e",
        "/api/articles/a%2e%2eb",
        "/api/articles/%2fetc%2fpasswd",
        "/api/articles/a%00b",
        "/api/articles/..%5c..%5cwin.ini",
        "/api/stories/..%2fstories.json",
        "/api/stories/%2e%2e",
        "/api/stories/story-..%2f..%2fetc",
        "/api/stories/STORY-000000000000",
        "/stories/..%2f..%2freport.html",
        "/stories/%2e%2e%2fcorroborate.duckdb",
        "/stories/story-abc%00",
        "/stories//etc/passwd",
        "/uploads/..%2fcorroborate.duckdb",
        "/report.html",
        "/corroborate.duckdb",
    ],
)
def test_hostile_paths_get_400_or_404_as_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in {400, 404}, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    assert "SQLite" not in response.text and "root:" not in response.text


def test_unknown_ids_are_404_with_a_message(client: TestClient) -> None:
    response = client.get("/api/stories/story-000000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "no story story-000000000000"}
    assert client.get("/api/articles/nope").json() == {"detail": "no article nope"}


def test_a_bad_story_id_says_what_an_id_looks_like(client: TestClient) -> None:
    response = client.get("/api/stories/story-zz")
    assert response.status_code == 400
    assert "story_id" in response.json()["detail"]


# ------------------------------------------------------------------ uploads


def _files(*pairs: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name, content)) for name, content in pairs]


def test_oversize_uploads_get_413_and_write_nothing(writable: Path) -> None:
    config = ServeConfig(max_file_bytes=2_000, max_request_bytes=10_000)
    client = TestClient(create_app(writable, config))
    whole = client.post("/api/ingest", files=_files(("big.txt", b"x" * 20_000)))
    assert whole.status_code == 413 and "per-request" in whole.json()["detail"]
    one = client.post("/api/ingest", files=_files(("ok.txt", b"ok"), ("big.txt", b"y" * 5_000)))
    assert one.status_code == 413 and "'big.txt'" in one.json()["detail"]
    uploads = writable / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_unsupported_or_missing_files_are_refused(writable: Path) -> None:
    client = TestClient(create_app(writable))
    wrong = client.post("/api/ingest", files=_files(("../../evil.exe", b"MZ")))
    assert wrong.status_code == 415 and "unsupported file type" in wrong.json()["detail"]
    assert client.post("/api/ingest").status_code == 400


def test_upload_is_ingested_under_a_safe_name(writable: Path) -> None:
    client = TestClient(create_app(writable))
    before = len(load_stories(writable)["articles"])
    response = client.post(
        "/api/ingest", files=_files(("../../../tmp/crane collapse.txt", NEW_ARTICLE.encode()))
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["added"] == 1 and len(report["articles"]) == 1
    (saved,) = report["saved"]
    assert saved["name"] == "../../../tmp/crane collapse.txt"
    assert saved["saved_as"].startswith("crane-collapse-") and saved["saved_as"].endswith(".txt")
    assert (writable / "uploads" / saved["saved_as"]).is_file()
    article_id = report["articles"][0]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["title"] == "Harbour crane collapses in Rotterdam"
    outputs = load_stories(writable)
    assert len(outputs["articles"]) == before + 1
    assert any(article_id in s["articles"] for s in outputs["stories"])
    assert "Harbour crane collapses" in (writable / "report.html").read_text("utf-8")
    again = client.post("/api/ingest", files=_files(("again.txt", NEW_ARTICLE.encode())))
    assert again.json()["added"] == 0 and again.json()["unchanged"] == 1


@pytest.fixture()
def other_writer(writable: Path) -> Iterator[Path]:
    """Another process holding the store open for writing, as ``corroborate run`` does."""
    code = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "sys.stdin.read()"
    )
    store = writable / "corroborate.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    try:
        yield writable
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_busy_store_gives_409_to_uploads_and_503_to_readers(other_writer: Path) -> None:
    client = TestClient(create_app(other_writer))
    upload = client.post("/api/ingest", files=_files(("crane.txt", NEW_ARTICLE.encode())))
    assert upload.status_code == 409 and "in use" in upload.json()["detail"]
    assert not list((other_writer / "uploads").glob("*.txt"))
    read = client.get("/api/stories")
    assert read.status_code == 503 and read.headers["retry-after"]


def test_a_folder_without_a_store_reads_as_empty(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path))
    assert client.get("/api/stories").json() == {"stories": []}
    assert "No stories yet" in client.get("/").text
    assert not (tmp_path / "corroborate.duckdb").exists()  # reading never creates a store


# ------------------------------------------------------------------ binding


def test_default_bind_is_loopback() -> None:
    config = serve_config(None, 8765, 25, 100)
    assert config.host == DEFAULT_HOST == "127.0.0.1" and config.warning is None
    assert ServeConfig().host == "127.0.0.1"
    assert serve_config("0.0.0.0", 8765, 25, 100).warning is not None
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.5", "example.org"))


def test_cli_binds_loopback_unless_told(monkeypatch: pytest.MonkeyPatch, seeds_out: Path) -> None:
    seen: list[ServeConfig] = []
    monkeypatch.setattr(corroborate.serve, "run_server", lambda folder, config: seen.append(config))
    code, output = run_cli("serve", str(seeds_out))
    assert code == 0, output
    assert seen[-1].host == "127.0.0.1" and seen[-1].port == 8765
    assert "warning" not in output and "http://127.0.0.1:8765/" in output
    code, output = run_cli("serve", str(seeds_out), "--host", "0.0.0.0", "--port", "9001")
    assert code == 0 and seen[-1].host == "0.0.0.0" and seen[-1].port == 9001
    assert "warning" in output and "not only on this machine" in output
    code, output = run_cli("serve", str(seeds_out / "stories.json"))
    assert code == 2 and "not a folder" in output
    assert len(seen) == 2


def test_cli_upload_limits_reach_the_config(
    monkeypatch: pytest.MonkeyPatch, seeds_out: Path
) -> None:
    seen: list[ServeConfig] = []
    monkeypatch.setattr(corroborate.serve, "run_server", lambda folder, config: seen.append(config))
    code, _ = run_cli("serve", str(seeds_out), "--max-upload-mb", "2", "--max-request-mb", "3")
    assert code == 0
    assert (seen[0].max_file_bytes, seen[0].max_request_bytes) == (2_000_000, 3_000_000)
    assert json.dumps(seen[0].host) == '"127.0.0.1"'
