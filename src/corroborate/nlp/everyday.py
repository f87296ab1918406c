"""Everyday words, by their frequency in the language (wordfreq's word lists).

The recogniser sometimes takes a capitalised everyday word opening a sentence for a
person ("Night had fallen.", "Without clear support, ..."): its capital is the only
cue it had. wordfreq says how common the word is in running text of that language,
on the Zipf scale (6 = once in a thousand words, 5 = once in ten thousand).

Frequency alone cannot tell a name from a word: country names, demonyms and
common surnames are frequent too ("England" 5.1, "Brown" 5.0), so the test is used
only for one-word person mentions that open a sentence (see
``corroborate.nlp._common_words``). A number written out ("Veertien passagiers
raakten gewond") is never a name; text2num knows them.
"""

from __future__ import annotations

from functools import lru_cache

from text_to_num import text2num
from wordfreq import available_languages, zipf_frequency

#: Zipf frequency from which a sentence-opening one-word "person" is taken for an
#: everyday word. Chosen on the CoNLL development sets (eng.testa, ned.testa; not
#: the test sets): the lowest cut-off that drops no correct person there. It drops
#: five wrong ones ("Real", "Ready", "Probleem", "Juli", "Augustus") and keeps
#: "Green" (5.13) and "Brown" (5.01), surnames that open sentences.
EVERYDAY_ZIPF = 5.2
#: wordfreq's small lists hold every word of Zipf 3 or more, which is all the test
#: needs, and load in milliseconds (the full lists take a tenth of a second).
_WORDLIST = "small"


@lru_cache(maxsize=64)
def _usable(language: str) -> bool:
    """Whether wordfreq has a word list for ``language`` and can read it here: Chinese,
    Japanese and Korean words need a tokenizer package (jieba, MeCab) we do not ship."""
    if language not in available_languages(_WORDLIST):
        return False
    try:
        zipf_frequency("a", language, wordlist=_WORDLIST)
    except ImportError:
        return False
    return True


@lru_cache(maxsize=65536)
def is_everyday_word(word: str, language: str) -> bool:
    """Whether ``word`` is among the commonest words of ``language`` (any case)."""
    base = language.split("-")[0].lower()
    if not _usable(base):
        return False
    return zipf_frequency(word.lower(), base, wordlist=_WORDLIST) >= EVERYDAY_ZIPF


#: Zipf frequency from which a word is one of a language's function words and
#: commonest verbs ("About", "Said", "Also": several in every hundred words), which
#: no one-word name of any type is. On the CoNLL development sets (en, nl, es) one
#: gold one-word name opening a sentence reaches it, a Dutch title "Mensen" tagged
#: miscellaneous; countries and demonyms stay well under it (China 5.1, English 5.2).
FUNCTION_WORD_ZIPF = 6.0


@lru_cache(maxsize=65536)
def is_function_word(word: str, language: str) -> bool:
    """Whether ``word`` is among the very commonest words of ``language`` (any case)."""
    base = language.split("-")[0].lower()
    if not _usable(base):
        return False
    return zipf_frequency(word.lower(), base, wordlist=_WORDLIST) >= FUNCTION_WORD_ZIPF


#: Languages text2num reads number words of.
NUMBER_WORD_LANGUAGES = frozenset({"en", "fr", "es", "de", "nl", "pt", "it"})


@lru_cache(maxsize=65536)
def is_number_word(word: str, language: str) -> bool:
    """Whether ``word`` is a number written out ("Veertien passagiers", "Trois
    employés"): a model may take one that opens a sentence for a name."""
    base = language.split("-")[0].lower()
    if (
        base not in NUMBER_WORD_LANGUAGES
        or not word.isalpha()
        or (word.isupper() and len(word) > 1)
    ):
        return False  # in capitals it is a name: "ONCE", the Spanish charity
    try:
        text2num(word.lower(), base)
    except ValueError:
        return False
    return True
