"""The world's cities by every name (GeoNames): places named in scripts without capitals."""

from __future__ import annotations

import pytest

from bot.gazetteer import city_named, names_a_city, names_of, writes_script
from bot.keyterms import key_terms


@pytest.mark.parametrize(
    ("word", "city"),
    [("大阪市", "Osaka"), ("أبوظبي", "Abu Dhabi"), ("대구시", "Daegu"), ("난징", "Nanjing")],
)
def test_a_city_is_named_in_any_script(word: str, city: str) -> None:
    assert city_named(word) == city


def test_a_common_word_names_only_a_city_of_a_million() -> None:
    assert city_named("도쿄", "ko") == "Tokyo"
    assert city_named("위해", "ko") is None  # "for", and Weihai
    assert city_named("위해") == "Weihai"  # a name already read as one
    assert city_named("المدينة", "ar") is None  # "the city", and Medina
    assert city_named("Osaka") is None  # a capital marks a Latin-script name: not looked up here


def test_a_name_a_reader_wrote_names_a_city_by_its_english_name_or_in_its_script() -> None:
    assert names_a_city("Hong Kong", "en") and names_a_city("Guiyang", "de")
    assert names_a_city("하얼빈", "ko") and names_a_city("São Paulo", "pt")
    # GeoNames writes "Xi’an", a reader "Xi'an".
    assert names_a_city("Xi'an", "fr") and names_a_city("Xi’an", "en")
    assert not names_a_city("hub", "en")  # Hub, Pakistan: a capital is asked for
    assert not names_a_city("Manager", "de") and not names_a_city("Zhaoying", "en")


def test_a_city_has_its_english_name_and_its_names_in_other_scripts() -> None:
    names = names_of("Nanjing")
    assert names[0] == "Nanjing"
    assert {"南京", "난징"} <= set(names)


def test_an_edition_is_searched_only_for_names_in_its_script() -> None:
    assert writes_script("ko", "난징") and not writes_script("ko", "南京")
    assert writes_script("ja", "南京") and writes_script("fr", "Nanjing")


@pytest.mark.parametrize(
    ("question", "lang", "name"),
    [
        ("大阪市はメタバースについてどんな戦略を立てていますか？", "ja", "大阪市"),
        ("ما خطة أبوظبي لتطوير الذكاء الاصطناعي؟", "ar", "أبوظبي"),
        ("وأبوظبي؟", "ar", "أبوظبي"),  # "and Abu Dhabi?": the proclitic cut
        ("도쿄의 인구는 얼마인가요?", "ko", "도쿄"),  # common in Korean, a city of millions
        ("하얼빈시는 어떤 계획을 세웠나요?", "ko", "하얼빈시"),  # GeoNames: "하얼빈 시"
        ("ماذا عن هونغ كونغ؟", "ar", "هونغ كونغ"),  # a name of two words
        ("وهونغ كونغ؟", "ar", "هونغ كونغ"),
    ],
)
def test_a_city_named_without_capitals_is_a_name(question: str, lang: str, name: str) -> None:
    assert (name, "name") in [(t.surface, t.kind) for t in key_terms(question, lang)]


def test_a_common_word_spelling_a_small_city_stays_a_word() -> None:
    terms = key_terms("ما المدينة التي تحتل المرتبة الأولى؟", "ar")
    assert "name" not in {t.kind for t in terms}
