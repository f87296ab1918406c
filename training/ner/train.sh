#!/usr/bin/env bash
# Train one NER model on one CPU thread with a wall-clock cap.
# Usage (repo root): training/ner/train.sh NAME MINUTES [CONFIG]
#   NAME: en | multi (output /tmp/ner/NAME); CONFIG defaults to training/ner/NAME.cfg.
# spaCy writes model-best/ whenever the dev F1 improves, so a run stopped by the
# cap still leaves its best checkpoint in /tmp/ner/NAME/model-best.
set -euo pipefail
name="$1"
minutes="${2:-30}"
config="${3:-training/ner/${name}.cfg}"
out="${NER_OUT:-/tmp/ner}/${name}"
mkdir -p "${out}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
exec timeout --signal=INT --kill-after=60 "$((minutes * 60))" \
  nice -n 10 .venv/bin/python -m spacy train "${config}" \
  --output "${out}" --gpu-id -1 --code training/ner/register.py
