"""The nlp stage: offsets, types, the shipped models in four languages, the backend registry.

The sentences are our own, with invented people and organisations (cities are
real: a place gazetteer is part of what the models learn).
"""

from __future__ import annotations

import importlib.util
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest
import srsly

from corroborate.model import ENTITY_TYPES, EntityType, NamedMention
from corroborate.nlp import (
    RecognizerUnavailable,
    _by_head_word,
    _mentions,
    get_recognizer,
    recognize,
    recognize_many,
)
from corroborate.nlp.backends import MODELS_DIR, ShippedRecognizer, SpacyRecognizer, vote_spans
from corroborate.nlp.chunks import chunk_text
from corroborate.nlp.datelines import dateline
from corroborate.nlp.heads import head_type
from corroborate.nlp.labels import entity_type

SENTENCES = {
    "en": "Detective Harriet Quillby told reporters in Manchester on Friday that the "
    "Northgate Credit Union had lost two million pounds.",
    "nl": "Burgemeester Joost Verhaeghen opende dinsdag in Utrecht het nieuwe kantoor "
    "van de Stichting Waterwacht.",
    "de": "Die Ärztin Annegret Vollmershausen sprach am Montag in Hamburg mit Vertretern "
    "der Nordbank Holding AG.",
    "ru": "Директор компании «Севертранс» Игорь Замятин встретился в Казани с журналистами.",
}
#: (surname that must sit in a person mention, city that must be a place mention)
EXPECTED = {
    "en": ("Quillby", "Manchester"),
    "nl": ("Verhaeghen", "Utrecht"),
    "de": ("Vollmershausen", "Hamburg"),
    "ru": ("Замятин", "Казани"),
}


def _check_offsets(text: str, mentions: list[NamedMention]) -> None:
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.text == mention.text.strip() and mention.text
        assert mention.type in ENTITY_TYPES
    ends = [m.end for m in mentions]
    starts = [m.start for m in mentions]
    assert all(s >= e for s, e in zip(starts[1:], ends, strict=False)), "overlap or disorder"


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_person_and_place_found(language: str) -> None:
    text = SENTENCES[language]
    mentions = recognize("a1", text, language)
    _check_offsets(text, mentions)
    assert all(m.article == "a1" for m in mentions)
    surname, city = EXPECTED[language]
    assert any(surname in m.text and m.type == "person" for m in mentions), mentions
    assert any(city in m.text and m.type == "place" for m in mentions), mentions


def test_organisation_found() -> None:
    mentions = recognize("a1", SENTENCES["en"], "en")
    assert any("Northgate" in m.text and m.type == "org" for m in mentions), mentions


def test_many_articles_at_once_give_what_each_gives_alone() -> None:
    """Batched reading (pieces of several articles and languages in one model call)
    must not change a single mention, nor mix up which article a mention belongs to."""
    long_en = "\n\n".join([SENTENCES["en"], "Nothing here.", SENTENCES["en"]] * 3)
    articles = [
        ("a", SENTENCES["en"], "en"),
        ("b", SENTENCES["nl"], "nl"),
        ("c", "   ", "en"),
        ("d", long_en, "en"),
        ("e", SENTENCES["ru"], "ru"),
        ("f", SENTENCES["de"], "de"),
    ]
    together = recognize_many(articles)
    alone = [recognize(*article) for article in articles]
    assert together == alone
    assert together[2] == []
    assert {m.article for m in together[3]} == {"d"} and len(together[3]) >= 6


def test_unknown_language_uses_multilingual_model() -> None:
    text = SENTENCES["nl"]
    assert recognize("a1", text, "und") == recognize("a1", text, "it")
    assert recognize("a1", text, "xx-weird") == recognize("a1", text, "it")


def _names(language: str) -> list[str]:
    shipped = get_recognizer()
    assert isinstance(shipped, ShippedRecognizer)
    return [model.name for model in shipped.models_for(language)]


def test_each_language_gets_its_shipped_models() -> None:
    assert _names("en") == ["corroborate/en"]
    assert _names("de") == _names("und") == ["corroborate/multi"]
    dutch = _names("nl")
    assert dutch == _names("nl-BE") and len(dutch) >= 3
    assert dutch[-1] == "corroborate/multi" and all(
        n.startswith("corroborate/nl-") for n in dutch[:-1]
    )


def test_shipped_weights_are_widened_to_float32_on_load() -> None:
    """The package stores float16 weights; spaCy's kernels must get float32."""
    shipped = get_recognizer()
    assert isinstance(shipped, ShippedRecognizer)
    stored = srsly.msgpack_loads((MODELS_DIR / "en" / "tok2vec" / "model").read_bytes())
    assert _has_half(stored)
    for model in shipped.models_for("nl"):
        for _, pipe in model._nlp.pipeline:
            for node in pipe.model.walk():
                for name in node.param_names:
                    if node.has_param(name):
                        assert node.get_param(name).dtype == np.float32, (model.name, name)


@pytest.mark.parametrize("key", ["en", "multi"])
def test_shipped_models_multiply_with_numpy_and_find_what_blis_finds(key: str) -> None:
    """Matrix products go to numpy's BLAS (3x blis's generic kernel here), same names."""
    from thinc.api import NumpyOps

    recognizer = SpacyRecognizer.load(key, MODELS_DIR / key)
    layers = [node for _, pipe in recognizer._nlp.pipeline for node in pipe.model.walk()]
    assert layers and all(not node.ops.use_blis for node in layers)
    texts = [*SENTENCES.values(), SENTENCES["en"].upper(), "Paris. " * 40]
    with_numpy = recognizer.spans_many(texts, "en")
    blis = NumpyOps()
    for node in layers:
        node.ops = blis
    assert recognizer.spans_many(texts, "en") == with_numpy
    assert any(with_numpy)


@pytest.mark.parametrize("key", sorted(p.parent.name for p in MODELS_DIR.glob("*/config.cfg")))
def test_each_shipped_models_saved_tokenizer_is_the_default_it_is_loaded_with(key: str) -> None:
    """Shipped models skip their saved tokenizer: it must equal the config's default."""
    import spacy

    import corroborate.nlp.piece_layers  # noqa: F401

    saved: Any = spacy.load(MODELS_DIR / key).tokenizer
    default: Any = spacy.load(MODELS_DIR / key, exclude=["tokenizer"]).tokenizer
    assert saved.to_bytes(exclude=["vocab"]) == default.to_bytes(exclude=["vocab"])
    assert len(saved.rules) == len(default.rules) > 0


def _has_half(value: object) -> bool:
    if isinstance(value, np.ndarray):
        return bool(value.dtype == np.float16)
    if isinstance(value, dict):
        return any(_has_half(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_half(v) for v in value)
    return False


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # two of four agree on span and type; a lone span is dropped
        (
            [[(0, 5, "person")], [(0, 5, "person"), (9, 12, "org")], [], [(20, 24, "place")]],
            [(0, 5, "person")],
        ),
        # the type most voters give wins; on a tie, the first model's
        ([[(0, 5, "org")], [(0, 5, "place")], [(0, 5, "place")], []], [(0, 5, "place")]),
        ([[(0, 5, "org")], [(0, 5, "place")], [], []], [(0, 5, "org")]),
        # overlapping kept spans: more votes win, and the result never overlaps
        (
            [
                [(0, 9, "org")],
                [(0, 9, "org")],
                [(0, 9, "org"), (0, 5, "person")],
                [(0, 5, "person")],
            ],
            [(0, 9, "org")],
        ),
        # one model: its own answer
        ([[(3, 7, "place"), (9, 11, "other")]], [(3, 7, "place"), (9, 11, "other")]),
    ],
)
def test_vote_keeps_spans_half_the_models_give(
    answers: list[list[tuple[int, int, str]]], expected: list[tuple[int, int, str]]
) -> None:
    assert vote_spans(answers) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_blank_text(text: str) -> None:
    assert recognize("a1", text, "en") == []


def test_labels_map_to_project_types() -> None:
    assert entity_type("PERSON") == "person"
    assert entity_type("B-PER") == "person"
    assert entity_type("GPE") == entity_type("LOC") == entity_type("FAC") == "place"
    assert entity_type("ORG") == "org"
    assert entity_type("MISC") == entity_type("NORP") == entity_type("EVENT") == "other"
    assert entity_type("DATE") is None and entity_type("MONEY") is None


def test_long_text_is_chunked_with_offsets_kept() -> None:
    paragraph = SENTENCES["en"]
    text = "\r\n\n".join([paragraph] * 120) + "\n\n" + " ".join([paragraph] * 80)
    pieces = chunk_text(text, 2000)
    assert all(len(piece) <= 2000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    covered = "".join(piece for _, piece in pieces)
    assert "".join(covered.split()) == "".join(text.split())
    mentions = recognize("long", text, "en")
    _check_offsets(text, mentions)
    persons = [m for m in mentions if "Quillby" in m.text and m.type == "person"]
    assert len(persons) >= 150
    assert persons[-1].start > len(text) - len(paragraph) * 3


def test_chunking_without_any_whitespace() -> None:
    text = "x" * 12_345
    pieces = chunk_text(text, 1000)
    assert [len(p) for _, p in pieces] == [1000] * 12 + [345]


def test_threads_get_the_same_answer() -> None:
    text = SENTENCES["de"]
    expected = recognize("a1", text, "de")
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: recognize("a1", text, "de"), range(16)))
    assert all(result == expected for result in results)


def test_unknown_backend_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown NER backend 'stanza'.*natasha.*spacy:"):
        recognize("a1", "Some text.", "en", backend="stanza")
    with pytest.raises(ValueError, match="needs a path"):
        get_recognizer("spacy:")


def test_spacy_backend_loads_a_pipeline_by_path() -> None:
    text = SENTENCES["en"]
    mentions = recognize("a1", text, "en", backend=f"spacy:{MODELS_DIR / 'en'}")
    _check_offsets(text, mentions)
    assert mentions == recognize("a1", text, "en")


def test_spacy_backend_missing_pipeline_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(RecognizerUnavailable, match="cannot load spaCy pipeline"):
        get_recognizer(f"spacy:{tmp_path}/no-such-model")


def test_natasha_backend_on_russian() -> None:
    text = SENTENCES["ru"]
    mentions = recognize("a1", text, "ru", backend="natasha")
    _check_offsets(text, mentions)
    assert any("Замятин" in m.text and m.type == "person" for m in mentions), mentions


@pytest.mark.skipif(importlib.util.find_spec("gliner") is not None, reason="gliner installed")
def test_gliner_backend_without_the_package_says_what_to_install(tmp_path: object) -> None:
    with pytest.raises(RecognizerUnavailable, match="pip install gliner"):
        recognize("a1", "Some text.", "en", backend=f"gliner:{tmp_path}")


def test_names_joined_by_a_slash_are_one_name_and_slash_acronyms_are_found() -> None:
    text = (
        "The interview ran on Radio Free Europe/Radio Liberty last week. "
        "Editors at RFE/RL confirmed it, and AC/DC played at the gala."
    )
    found = {(m.text, m.type) for m in recognize("a", text, "en")}
    assert ("Radio Free Europe/Radio Liberty", "org") in found
    assert ("RFE/RL", "org") in found
    assert not any(m in found for m in (("Radio Free Europe", "org"), ("Radio Liberty", "org")))


def test_a_quoted_name_before_a_surname_is_a_nickname_not_a_place() -> None:
    text = 'Police stabbed Jorge «La Hiena» Barrios. They arrested Ana "La Roca" Ruiz in Lima.'
    hiena, roca, lima = text.index("La Hiena"), text.index("La Roca"), text.index("Lima")
    spans = [(hiena, hiena + 8, "place"), (roca, roca + 7, "org"), (lima, lima + 4, "place")]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "es")]  # type: ignore[arg-type]
    assert found == [("La Hiena", "other"), ("La Roca", "other"), ("Lima", "place")]
    # a quoted place before a place it lies in stays a place
    texas = 'He flew to "Paris" Texas on Monday.'
    paris, state = texas.index("Paris"), texas.index("Texas")
    spans = [(paris, paris + 5, "place"), (state, state + 5, "place")]
    found = [(m.text, m.type) for m in _mentions("b", texas, spans, "en")]  # type: ignore[arg-type]
    assert found == [("Paris", "place"), ("Texas", "place")]


def test_a_place_ending_a_bars_name_is_that_business() -> None:
    text = "Shots rang out at Ice Bar and Grill. Austins Bar & Grill reopened. They left Grill."
    ice, grill = text.index("Ice Bar"), text.index("Grill")
    austins = text.index("Austins")
    second = text.index("Grill", austins)
    last = text.rindex("Grill")
    spans = [
        (ice, ice + 7, "org"),  # the model's "Ice Bar", then "Grill" as a place
        (grill, grill + 5, "place"),
        (second, second + 5, "place"),  # no name before it: the word alone
        (last, last + 5, "place"),  # no "and" before it: the town stays
    ]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]  # type: ignore[arg-type]
    assert found == [("Ice Bar and Grill", "org"), ("Grill", "org"), ("Grill", "place")]


def test_a_given_name_the_article_spells_out_is_a_person_where_no_town_cue_is() -> None:
    text = (
        "Caleb Jones, 4, of Austin was shot. The bullet struck Caleb, killing him. "
        "Everybody loved Caleb. Austin police said the family lived in Austin, Texas. "
        "Austin Reed said Austin Chief Lee saw the stolen Austin."
    )

    def at(word: str, nth: int) -> int:
        found = [m.start() for m in re.finditer(rf"\b{word}\b", text)]
        return found[nth]

    spans = [(at("Caleb", 0), at("Caleb", 0) + 11, "person")]
    spans += [(at("Caleb", n), at("Caleb", n) + 5, "place") for n in (1, 2)]
    spans += [(at("Austin", 0), at("Austin", 0) + 6, "place")]
    spans += [(at("Austin", n), at("Austin", n) + 6, "place") for n in (1, 2)]
    spans += [(at("Austin", 3), at("Austin", 3) + 11, "person")]
    spans += [(at("Austin", n), at("Austin", n) + 6, "place") for n in (4, 5)]
    found = [(m.text, m.type) for m in _mentions("a", text, sorted(spans), "en")]  # type: ignore[arg-type]
    assert found == [
        ("Caleb Jones", "person"),
        ("Austin", "place"),  # "of Austin"
        ("Caleb", "person"),  # "struck Caleb, killing him"
        ("Caleb", "person"),
        ("Austin", "place"),  # "Austin police"
        ("Austin", "place"),  # "in Austin, Texas"
        ("Austin Reed", "person"),
        ("Austin", "place"),  # "Austin Chief": the name goes on
        ("Austin", "place"),  # "the stolen Austin": a thing
    ]
    # in other languages the model's types stay
    spanish = [(m.text, m.type) for m in _mentions("b", text, sorted(spans), "es")]  # type: ignore[arg-type]
    assert ("Caleb", "place") in spanish


def test_a_states_abbreviation_after_a_town_and_a_comma_is_a_place() -> None:
    text = "Thieves in Langford, B.C. fled. Apple, Inc. said so. Conyers, Ga., is near."
    spans = [(text.index(name), text.index(name) + len(name), kind) for name, kind in
             (("Langford", "place"), ("Apple", "org"), ("Conyers", "place"))]  # fmt: skip
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]  # type: ignore[arg-type]
    assert found == [
        ("Langford", "place"),
        ("B.C.", "place"),
        ("Apple", "org"),  # after an organisation an abbreviation is no state
        ("Conyers", "place"),
        ("Ga.", "place"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind", "language"),
    [
        ("Leaders met on the occasion of the New Year in Doha.", "New Year", "place", "en"),
        ("Boxing Week deals were poor in Langford.", "Boxing Week", "person", "en"),
        ("Zu Weihnachten kamen alle nach Hause.", "Weihnachten", "place", "de"),
        ("Tras la Nochevieja volvieron a casa.", "Nochevieja", "org", "es"),
        ("Coronavirus : le musicien est décédé.", "Coronavirus", "place", "fr"),
        ("The COVID-19 outbreak closed schools.", "COVID-19", "org", "en"),
    ],
)
def test_a_holiday_or_an_epidemic_is_a_name_of_no_type(
    text: str, name: str, kind: str, language: str
) -> None:
    spans = [(text.index(name), text.index(name) + len(name), kind)]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, language)]  # type: ignore[arg-type]
    assert found == [(name, "other")]


def test_a_place_with_an_age_set_beside_it_is_a_person() -> None:
    text = "Lila, 3 ans et demi, et Adélaïde, 26 mois, sont mortes à Laon, 12 km plus loin."
    spans = [
        (text.index(name), text.index(name) + len(name), "place")
        for name in ("Lila", "Adélaïde", "Laon")
    ]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "fr")]  # type: ignore[arg-type]
    assert found == [("Lila", "person"), ("Adélaïde", "person"), ("Laon", "place")]


def test_a_broadcasters_name_split_at_its_number_is_one_organisation() -> None:
    text = "Neighbours told WAVE 3 News the shots woke them. Police told News 6 little more."
    wave, news = text.index("WAVE"), text.index("News")
    six = text.index("News 6")
    # the model's spans: the call sign and "News" apart, and "News" alone
    spans = [(wave, wave + 4, "org"), (news, news + 4, "org"), (six, six + 4, "org")]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]  # type: ignore[arg-type]
    assert found == [("WAVE 3 News", "org"), ("News 6", "org")]
    # "News" with no number beside it is left as the model gave it
    plain = "The News reported it."
    at = plain.index("News")
    assert [m.text for m in _mentions("b", plain, [(at, at + 4, "org")], "en")] == ["News"]


def test_a_common_word_opening_a_sentence_is_not_a_name() -> None:
    text = (
        "Ongeveer 200 bewoners moesten weg. De trein reed ongeveer 80 kilometer per uur.\n"
        "Brink zei dat de brink leeg was. May bleef thuis, zei Theresa May; het may.\n"
        "Hayward reageerde niet (mail: tips@hayward.example)."
    )

    def span(word: str) -> tuple[int, int, EntityType]:
        start = text.index(word)
        return start, start + len(word), "place"

    theresa = text.index("Theresa May")
    model_spans = [span("Ongeveer"), span("Brink"), span("May"), span("Hayward")]
    model_spans.append((theresa, theresa + len("Theresa May"), "person"))
    # "may" stands lower-case too, but "Theresa May" makes the lone "May" a name;
    # "hayward" only in a mail address is no evidence of a common word
    found = {m.text for m in _mentions("a", text, model_spans, "nl")}
    assert found == {"May", "Theresa May", "Hayward"}
    # a capital mid-sentence is the writer's own evidence of a name
    inside = "De bewoners van Brink en de brink zelf."
    start = inside.index("Brink")
    assert [m.text for m in _mentions("a", inside, [(start, start + 5, "place")], "nl")] == [
        "Brink"
    ]


def test_an_article_and_a_common_noun_opening_a_sentence_is_no_name() -> None:
    text = "De bus reed door. De touringcar raakte van de weg. De Vries zag het."

    def span(words: str) -> tuple[int, int, EntityType]:
        start = text.index(words)
        return start, start + len(words), "other"

    found = [m.text for m in _mentions("a", text, [span("De touringcar"), span("De Vries")], "nl")]
    assert found == ["De Vries"]


def test_an_everyday_word_opening_a_sentence_is_no_person() -> None:
    """ "Night" is one of English's commonest words; the text never writes it lower-case."""
    text = "The train crossed the border. Night had fallen. Kovalenko jumped. Brown said so."

    def person(word: str) -> tuple[int, int, EntityType]:
        start = text.index(word)
        return start, start + len(word), "person"

    spans = [person("Night"), person("Kovalenko"), person("Brown")]
    # a rare surname and a common one ("Brown", less frequent than everyday words) stay
    assert [m.text for m in _mentions("a", text, spans, "en")] == ["Kovalenko", "Brown"]
    # only persons are judged: countries and demonyms are frequent words too
    night_place: list[tuple[int, int, EntityType]] = [(spans[0][0], spans[0][1], "place")]
    assert [m.text for m in _mentions("a", text, night_place, "en")] == ["Night"]
    # a language without a word list keeps the name
    assert [m.text for m in _mentions("a", text, spans[:1], "und")] == ["Night"]


def test_a_function_word_opening_a_sentence_is_no_name_of_any_type() -> None:
    text = "About 18% of patients were treated. China sent doctors. Also, Brown said so."

    def span(word: str, kind: EntityType) -> tuple[int, int, EntityType]:
        start = text.index(word)
        return start, start + len(word), kind

    spans = [span("About", "other"), span("China", "place"), span("Also", "org")]
    assert [m.text for m in _mentions("a", text, spans, "en")] == ["China"]


@pytest.mark.parametrize(
    ("language", "text", "town"),
    [
        ("en", "He jumped off near the town of Vorsk, close to the border.", "Vorsk"),
        ("nl", "Hij sprong bij het dorp Vorsk uit de trein.", "Vorsk"),
        ("de", "Er sprang nahe der Stadt Vorsk aus dem Zug.", "Vorsk"),
        ("ru", "Он выпрыгнул у города Ворск.", "Ворск"),
    ],
)
def test_a_name_the_text_calls_a_town_is_a_place(language: str, text: str, town: str) -> None:
    start = text.index(town)
    for kind in ("other", "person", "org"):
        spans: list[tuple[int, int, EntityType]] = [(start, start + len(town), kind)]
        assert [(m.text, m.type) for m in _mentions("a", text, spans, language)] == [
            (town, "place")
        ]


def test_a_name_with_a_side_of_town_after_it_is_a_place() -> None:
    text = "Police say a child was shot on Saginaw's southeast side. Ada Brook's east wing."
    spans: list[tuple[int, int, EntityType]] = [
        (text.index("Saginaw"), text.index("Saginaw") + 7, "person"),
        (text.index("Ada Brook"), text.index("Ada Brook") + 9, "person"),
    ]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]
    assert found == [("Saginaw", "place"), ("Ada Brook", "person")]


def test_the_town_a_police_or_fire_service_is_named_by_is_a_place() -> None:
    text = (
        "Vorsk police are investigating. The Ada Brook police said so. Officials said Transit"
        " police came. Old Gull Harbour Bay police arrived, then Lake Vorsk firefighters and"
        " Vorsk County deputies. Tessel Police are investigating."
    )
    ada = text.index("Ada Brook")
    spans: list[tuple[int, int, EntityType]] = [(ada, ada + len("Ada Brook"), "org")]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]
    # no model span, or an organisation's, and "The" before the town left out; a force
    # of no town ("Transit"), or the end of a longer name ("Old ..."), is no town
    assert found == [
        ("Vorsk", "place"), ("Ada Brook", "place"), ("Lake Vorsk", "place"),
        ("Vorsk County", "place"), ("Tessel", "place"),
    ]  # fmt: skip
    # English only: other languages name their forces otherwise
    assert _mentions("a", "Vorsk police are here.", [], "nl") == []


def test_a_person_the_text_puts_something_in_is_a_place() -> None:
    text = (
        "He was shot in Vorsk. Ada lives in southwest Gull Harbour. It was said in English,"
        " in Ada Brook's car, near Tessel."
    )

    def span(name: str, kind: EntityType) -> tuple[int, int, EntityType]:
        start = text.index(name)
        return start, start + len(name), kind

    spans = [
        span("Vorsk", "person"),
        span("Ada", "person"),
        span("Gull Harbour", "person"),
        span("English", "other"),
        span("Ada Brook", "person"),
        span("Tessel", "person"),
    ]
    found = [(m.text, m.type) for m in _mentions("a", text, spans, "en")]
    # not a person the text puts nothing in, nor a possessive; a miscellaneous name
    # after "in" is as often a language as a town, and keeps its type
    assert found == [
        ("Vorsk", "place"), ("Ada", "person"), ("Gull Harbour", "place"), ("English", "other"),
        ("Ada Brook", "person"), ("Tessel", "place"),
    ]  # fmt: skip


def test_a_name_without_a_town_word_before_it_keeps_the_models_type() -> None:
    text = "A man from Vorsk spoke to the city council of Vorsk. Mayor Vorsk agreed."
    spans: list[tuple[int, int, EntityType]] = [
        (m.start(), m.end(), "other") for m in re.finditer("Vorsk", text)
    ]
    assert {m.type for m in _mentions("a", text, spans, "en")} == {"other"}


def test_a_russian_dictionary_word_opening_a_sentence_is_not_a_name() -> None:
    text = "Поездом управлял машинист Пётр Листов. Москва ждала. Листов молчал."
    spans: list[tuple[int, int, EntityType]] = [
        (text.index(word), text.index(word) + len(word), "place")
        for word in ("Поездом", "Пётр Листов", "Москва", "Листов молчал")
    ]
    spans[-1] = (spans[-1][0], spans[-1][0] + len("Листов"), "person")
    # "by train" is a common noun in any case form; a town is a name, and so is the
    # surname "Листов" (also "of sheets") because the text gives it in full
    found = [m.text for m in _mentions("a", text, spans, "ru")]
    assert found == ["Пётр Листов", "Москва", "Листов"]
    assert [m.text for m in _mentions("a", text, spans[:1], "uk")] == ["Поездом"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BRACKWATER (KXYZ) — Police said two cars collided.", "BRACKWATER"),
        ("May 2, 2025 6:40 AM  EAST FENWICK, Ore. – The bridge reopened.", "EAST FENWICK"),
        ("Glenrow — The council met on Monday night.", "Glenrow"),
        ("Glenrow, Ind. - The council met on Monday night.", "Glenrow"),
        ("Glenrow, Ind. - The council met on Monday night.", "Ind."),
    ],
)
def test_the_dateline_place_is_a_place_mention(text: str, place: str) -> None:
    mentions = recognize("a", text, "en")
    assert (place, "place") in {(m.text, m.type) for m in mentions}
    assert not any(m.start < text.index(place) + len(place) < m.end for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — The road has reopened after the storm.",
        "The mayor said - after a pause - that it would reopen.",
        "Officials met on Monday. Nothing was decided about the bridge.",
    ],
)
def test_openers_that_are_not_datelines_give_none(text: str) -> None:
    assert dateline(text) is None


def test_a_name_ends_before_a_gloss_it_does_not_close() -> None:
    text = "Компания Kranich Logistik («Кранних Логистик») и Mitsubishi (UK) заявили."
    glossed = text.index("Kranich")
    wrapped = text.index("Mitsubishi")
    model_spans: list[tuple[int, int, EntityType]] = [
        (glossed, text.index("Логистик»") + len("Логистик"), "org"),
        (wrapped, wrapped + len("Mitsubishi (UK)"), "org"),
    ]
    found = [m.text for m in _mentions("a", text, model_spans, "ru")]
    assert found == ["Kranich Logistik", "Mitsubishi (UK)"]


@pytest.mark.parametrize(
    ("text", "language", "name", "kind", "found"),
    [
        ("From Karsvik, he hitchhiked north.", "en", "From Karsvik", "place", "Karsvik"),
        ("Via Letvia en Estvia bereikte hij de veerboot.", "nl", "Via Letvia", "place", "Letvia"),
        ("Aus Brelingen kam keine Antwort.", "de", "Aus Brelingen", "place", "Brelingen"),
        (
            "An Orvana Institute report said so.",
            "en",
            "An Orvana Institute",
            "org",
            "Orvana Institute",
        ),
        # a capital inside a sentence is the writer's: a road named "Via ..."
        ("They walked the Via Karsvika at dawn.", "en", "Via Karsvika", "place", "Via Karsvika"),
        # a title of a work keeps its first word
        ("For Whom the Bell Tolls sold well.", "en", "For Whom the Bell Tolls", "other", None),
        # names that open with such a word in another language stay whole
        ("Met Office forecasters warned of snow.", "en", "Met Office", "org", None),
    ],
)
def test_a_name_opening_a_sentence_loses_the_preposition_the_model_took_in(
    text: str, language: str, name: str, kind: EntityType, found: str | None
) -> None:
    start = text.index(name)
    mentions = _mentions("a", text, [(start, start + len(name), kind)], language)
    assert [m.text for m in mentions] == [found or name]


def test_the_everyday_word_check_passes_by_languages_it_cannot_read() -> None:
    from corroborate.nlp.everyday import is_everyday_word

    # Chinese, Japanese and Korean need jieba or MeCab, which are not installed
    assert not is_everyday_word("北京", "zh")
    assert not is_everyday_word("東京", "ja")
    assert is_everyday_word("Night", "en")


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("Harris County", "en", "place"),
        ("Martin Luther King Drive", "en", "place"),
        ("Kosair Children's Hospital", "en", "org"),
        ("Hayward Police Department", "en", "org"),
        ("Frankfurter Allgemeine Zeitung", "en", "org"),
        ("Chemiepark Osterkamp", "de", "place"),
        ("Seehafen Westduin", "de", "place"),
        ("Sporthal De Veldhoek", "nl", "place"),
        ("Calle Mayor", "es", "place"),
        ("Hôpital Necker", "fr", "org"),
        ("l'université d'État de Perm", "fr", "org"),
        ("Storm Ingrid", "nl", "other"),
        ("Hurricane Katrina", "en", "other"),
        ("Tropical Storm Alberto", "en", "other"),
        ("Sturmtief Ingrid", "de", "other"),
        ("Tom Storm", "en", None),
        # surnames that are also such words, and first words that only look like one
        ("Jessica Church", "en", None),
        ("Diane Lane", "en", None),
        ("Park Geun-hye", "de", None),
        ("Michal Kovac", "nl", None),
        ("Hospital", "en", None),
        ("Harris County", "ru", None),
    ],
)
def test_a_head_word_gives_a_name_its_type(
    name: str, language: str, expected: EntityType | None
) -> None:
    assert head_type(name, language) == expected


def test_a_person_named_like_a_street_or_hospital_takes_that_type() -> None:
    text = (
        "The boy was shot on Martin Luther King Drive, police said. He was taken to "
        "Kosair Children's Hospital. Jessica Church and Diane Lane spoke."
    )
    found = {m.text: m.type for m in recognize("a", text, "en")}
    assert found["Martin Luther King Drive"] == "place"
    assert found["Kosair Children's Hospital"] == "org"
    assert found["Jessica Church"] == found["Diane Lane"] == "person"


def test_a_named_storm_is_no_person_but_a_place_stays_a_place() -> None:
    text = "Storm Ingrid heeft maandagavond twee mensenlevens geëist."
    spans: list[tuple[int, int, EntityType]] = [(0, len("Storm Ingrid"), "person")]
    assert _by_head_word(spans, text, "nl") == [(0, len("Storm Ingrid"), "other")]
    assert _by_head_word([(0, 12, "place")], text, "nl") == [(0, 12, "place")]


def test_a_place_named_like_an_organisation_is_one() -> None:
    """A "place" with an organisation's head word is that organisation; a place head
    word leaves a place a place."""
    text = "Une fusillade a eu lieu à l'université d'État de Perm, rue Boukirev."
    spans = [
        (text.index("l'université"), text.index(", rue"), "place"),
        (text.index("rue Boukirev"), text.index("."), "place"),
    ]
    typed = [kind for _, _, kind in _by_head_word(spans, text, "fr")]  # type: ignore[arg-type]
    assert typed == ["org", "place"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Independent outlet Meduza says the service refused him.", "en", "Meduza"),
        ("Volgens de krant Tubantia is de weg dicht.", "nl", "Tubantia"),
        ("Selon le quotidien Le Monde, le train a déraillé.", "fr", "Le Monde"),
    ],
)
def test_a_name_the_text_calls_a_news_outlet_is_an_organisation(
    text: str, language: str, name: str
) -> None:
    assert {m.text: m.type for m in recognize("a", text, language)}[name] == "org"


def test_a_name_ends_where_its_sentence_ends() -> None:
    text = "Un incendie a eu lieu dans l'est de la France. Trois employés sont morts."
    at = text.index("France")
    found = _mentions("a", text, [(at, at + len("France. Trois"), "org")], "fr")
    assert [m.text for m in found] == ["France"]
    # an abbreviation inside a name is no sentence end
    english = "Troops of the U.S. Army reached St. Louis on Monday, Police Supt. Ann Vail said."
    spans = [(english.index("U.S. Army"), english.index(" reached"), "org")]
    spans.append((english.index("St. Louis"), english.index(" on Monday"), "place"))
    spans.append((english.index("Supt."), english.index(" said"), "person"))
    found_en = [m.text for m in _mentions("b", english, spans, "en")]  # type: ignore[arg-type]
    assert found_en == ["U.S. Army", "St. Louis", "Supt. Ann Vail"]


def test_a_number_written_out_is_no_name() -> None:
    text = "Veertien passagiers raakten gewond. Pieter Jansen reed de bus."
    spans = [(0, 8, "other"), (text.index("Pieter"), text.index(" reed"), "person")]
    assert [m.text for m in _mentions("a", text, spans, "nl")] == ["Pieter Jansen"]  # type: ignore[arg-type]
    # a name in capitals is no number word ("ONCE", a Spanish charity)
    spanish = "La ONCE repartió premios."
    assert [m.text for m in _mentions("c", spanish, [(3, 7, "org")], "es")] == ["ONCE"]
    # a name is no number word
    french = "Marc Delorme a parlé."
    assert [m.text for m in _mentions("b", french, [(0, 12, "person")], "fr")] == ["Marc Delorme"]


def test_an_english_name_ends_before_the_function_words_a_model_ran_on_into() -> None:
    text = "Aaron Calvin said the Children's Hospital of the Ontario-based group is open."
    spans = [
        (0, len("Aaron Calvin said"), "person"),
        (text.index("Children"), text.index(" the Ontario"), "place"),
        (text.index("Ontario"), text.index(" group"), "other"),
    ]
    found = [m.text for m in _mentions("a", text, spans, "en")]  # type: ignore[arg-type]
    assert found == ["Aaron Calvin", "Children's Hospital", "Ontario-based"]
    # a handle or an address is no name; an acronym is no article ("UN" is not "un")
    mail = "Write to news@tribune.example or the UN about it."
    spans = [(9, 28, "org"), (mail.index("UN"), mail.index("UN") + 2, "org")]
    assert [m.text for m in _mentions("b", mail, spans, "de")] == ["UN"]  # type: ignore[arg-type]
    # French names end in lower-case words
    french = "La Ligue nationale a parlé."
    assert [m.text for m in _mentions("c", french, [(3, 18, "org")], "fr")] == ["Ligue nationale"]
