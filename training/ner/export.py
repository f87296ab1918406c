"""Copy a trained checkpoint into the package, slimmed and labelled.

Why a separate step: ``spacy train`` keeps every string it ever saw (all training
words, ~1 MB per model) in ``vocab/strings.json``. Nothing at prediction time
needs them: hash embeddings hash the text of each token as it comes, and the NER
labels live in the component's own files. So the string table is emptied, and the
meta gets a name, version and the data/licence summary.

Usage (repo root): ``.venv/bin/python training/ner/export.py en /tmp/ner/en/model-best``
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy

PACKAGE_MODELS = Path(__file__).resolve().parents[2] / "src" / "corroborate" / "nlp" / "models"

DESCRIPTIONS = {
    "en": "English NER (PER/LOC/ORG/MISC): CoNLL-2003 eng.train + WikiNEuRal-en dev (95%).",
    "multi": (
        "Multilingual NER (PER/LOC/ORG/MISC): CoNLL-2002 nl/es, CoNLL-2003 de, "
        "WikiNEuRal dev (95%) de en es fr it nl pl pt ru."
    ),
}


def export(name: str, checkpoint: Path, target_root: Path = PACKAGE_MODELS) -> Path:
    """Write ``checkpoint`` to ``target_root/name`` with an empty string table."""
    nlp = spacy.load(checkpoint)
    nlp.meta["name"] = f"corroborate_ner_{name}"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = DESCRIPTIONS.get(name, "")
    nlp.meta["author"] = "corroborate"
    nlp.meta["license"] = "see MODEL_CARD.md (training data licences)"
    target = target_root / name
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    (target / "vocab" / "strings.json").write_text(json.dumps([]), encoding="utf8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("checkpoint", type=Path)
    args = parser.parse_args(argv)
    target = export(args.name, args.checkpoint)
    size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
    print(f"{target}: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
