"""Build the value reference that fact grouping reads (reconcile/value_reference.json.gz).

Every quantity the quantities stage finds in the development documents of ECB+
(topics 1-35) and of the Gun Violence Archive corpus (incidents with an even id),
as normalised intervals per dimension. Only numbers are kept, never text. The
reported test parts (ECB+ topics 36-45, odd GVA incidents) are not read.

    .venv/bin/python training/value_reference.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from corroborate.bench.clustering import load_ecb, load_gva
from corroborate.quantities import find_quantities
from corroborate.reconcile.coincidence import REFERENCE_FILE, ValueReference

OUTPUT = Path(__file__).resolve().parents[1] / "src/corroborate/reconcile" / REFERENCE_FILE
SIGNIFICANT_DIGITS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    shared = parser.parse_args().shared
    documents = [(doc.id, doc.text) for doc in load_ecb(shared, range(1, 36))]
    documents += [(doc.id, doc.text) for doc in load_gva(shared, "dev")]
    samples: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for doc_id, text in documents:
        for quantity in find_quantities(doc_id, text, "en"):
            if quantity.kind == "ordinal":
                continue
            dimension = f"{quantity.kind}:{quantity.normalized_unit or quantity.unit or ''}"
            low = quantity.low if quantity.normalized_low is None else quantity.normalized_low
            high = quantity.high if quantity.normalized_high is None else quantity.normalized_high
            samples[dimension][0].append(float(f"{low:.{SIGNIFICANT_DIGITS}g}"))
            samples[dimension][1].append(float(f"{high:.{SIGNIFICANT_DIGITS}g}"))
    ValueReference(dict(samples)).dump(
        OUTPUT, ["ECB+ topics 1-35", "Gun Violence Archive incidents with an even id"]
    )
    print(f"{len(documents)} documents -> {OUTPUT}")
    for dimension, (lows, _) in sorted(samples.items(), key=lambda row: -len(row[1][0])):
        print(f"  {dimension:28} {len(lows):6}")


if __name__ == "__main__":
    main()
