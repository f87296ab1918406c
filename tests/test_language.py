"""Language identification with the shipped fastText lid.176 model."""

from __future__ import annotations

import pytest

from corroborate.language import detect_language

SAMPLES = {
    "en": "The train left the rails shortly after midnight, the police said on Tuesday.",
    "nl": "De trein is kort na middernacht ontspoord, zo meldt de politie. Er zijn volgens de "
    "woordvoerder geen gewonden gevallen bij het ongeluk.",
    "de": "Der Zug entgleiste kurz nach Mitternacht, teilte die Polizei am Dienstag mit.",
    "ru": "Поезд сошёл с рельсов вскоре после полуночи, сообщила полиция во вторник.",
    "es": "El tren descarriló poco después de la medianoche, informó la policía el martes.",
    "lt": "Traukinys nuvažiavo nuo bėgių netrukus po vidurnakčio, antradienį pranešė policija.",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_detects_language_with_confidence(code: str, text: str) -> None:
    guess = detect_language(text)
    assert guess.code == code
    assert 0.5 < guess.confidence <= 1.0


def test_empty_text_is_undetermined() -> None:
    guess = detect_language("  \n ")
    assert (guess.code, guess.confidence) == ("und", 0.0)


def test_newlines_do_not_break_prediction() -> None:
    assert detect_language("De trein\nontspoorde\n\nkort na middernacht.").code == "nl"
