"""Sanity checks for the demo corpus and its answer key (demo/expected.json).

Run from anywhere:  python demo/check_expected.py
Checks that every corpus file can be read (the .gz decompresses, every JSONL line
parses), that every article id in expected.json maps to exactly one article, that
stories cover every article exactly once, that every claim's surface text occurs
verbatim in the raw text of the article it is attributed to, and that every entity
alias (and every alias-less name) occurs somewhere in the corpus.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parent
CORPUS = DEMO / "corpus"


def load_corpus() -> dict[str, str]:
    docs: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        name = path.name
        if name.endswith(".jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                rec = json.loads(line)
                docs[rec["url"]] = rec.get("text") or rec.get("html") or ""
            continue
        if name.endswith(".gz"):
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        docs[name.split(".", 1)[0]] = text
    return docs


def main() -> int:
    docs = load_corpus()
    key = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    errors: list[str] = []

    ids = set(key["articles"])
    if ids != set(docs):
        only_key, only_corpus = ids - set(docs), set(docs) - ids
        errors.append(f"article ids differ: key-only={only_key} corpus-only={only_corpus}")

    seen: list[str] = [a for s in key["stories"] for a in s["articles"]]
    if sorted(seen) != sorted(ids):
        errors.append("stories do not cover every article exactly once")

    n_claims = 0
    for fact in key["facts"]:
        if fact["status"] not in {"agreed", "conflicting"}:
            errors.append(f"bad status in {fact['what']!r}")
        for art, surface in fact["claims"].items():
            n_claims += 1
            if art not in docs:
                errors.append(f"{fact['what']!r}: unknown article {art}")
            elif surface not in docs[art]:
                errors.append(f"{fact['what']!r}: {surface!r} not found in {art}")

    everything = "\n".join(docs.values())
    for ent in key["entities"]:
        # every alias is a surface form; the canonical name may be a normalised
        # form (e.g. nominative "Freiwillige Feuerwehr ...") if an alias occurs
        for form in ent["aliases"]:
            if form not in everything:
                errors.append(f"entity alias {form!r} not found in corpus")
        if ent["name"] not in everything and not ent["aliases"]:
            errors.append(f"entity name {ent['name']!r} not found in corpus")

    for err in errors:
        print("ERROR:", err)
    print(
        f"{len(docs)} articles, {len(key['facts'])} facts, {n_claims} claims, "
        f"{len(key['entities'])} entities: {'FAIL' if errors else 'OK'}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
