"""Passed to ``spacy train --code``: registers corroborate's own spaCy architectures
(the USE piece vectors of :mod:`corroborate.nlp.pieces`) so configs can name them."""

import corroborate.nlp.piece_layers  # noqa: F401  (registration happens on import)
