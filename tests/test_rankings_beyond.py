"""A place beyond the fifth asked off a shorter list, ordinals that count nothing, one city by two
names, a city's name in a German question (issue 18, eighteenth session)."""

from __future__ import annotations

import pytest

from bot.binding import named_places
from bot.keyterms import key_terms
from bot.rankings import position_asked, reaches
from bot.stated import states


@pytest.mark.parametrize(
    ("question", "position"),
    [
        ("Welche Stadt belegt Platz sechs bei der Zahl der Unternehmen?", 6),
        ("Which city is 7th in digital technology density?", 7),
        ("哪个城市排第七？", 7),
        ("6위 도시는 어디인가요?", 6),
        ("Какой город на шестом месте?", 6),
        ("ما المدينة التي جاءت في المرتبة السادسة؟", 6),
        ("Which city is third?", None),  # the first five are in every list
        ("What are the top 10 cities?", None),
    ],
)
def test_the_place_asked_beyond_the_fifth(question: str, position: int | None) -> None:
    assert position_asked(question) == position


def test_a_list_of_five_does_not_reach_the_sixth_place() -> None:
    five = "Les 5 premières villes sont Shanghai, Pékin, Shenzhen, Guangzhou et Chengdu."
    ten = "Les 10 premières villes sont Pékin, Shenzhen, Hangzhou, Shanghai, Guangzhou, Nanjing, "
    ten += "Chengdu, Wuhan, Suzhou, Jinan."
    assert not reaches(five, 6)
    assert reaches(ten, 6) and reaches(ten, 9)
    # Ten places do not reach the eleventh, though the sentence has more commas before its list.
    counted = "Nous avons compté 50 villes en 2021, et les résultats montrent que les 10 premières "
    counted += "villes sont Pékin, Shenzhen, Hangzhou, Shanghai, Guangzhou, Nanjing, Chengdu, "
    counted += "Wuhan, ville de Suzhou, ville de Jinan."
    assert reaches(counted, 10) and not reaches(counted, 11)
    assert reaches("Nanjing est sixième.", 6)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("根据北京市第14个五年规划，北京工业互联网平台数量居全国第一。", "zh"),
        ("According to Beijing's 14th Five-Year Plan, the number of platforms ranks first.", "en"),
        ("Selon le 14e plan quinquennal de Pékin, le nombre de plateformes est le premier.", "fr"),
    ],
)
def test_an_ordinal_is_no_count(sentence: str, lang: str) -> None:
    assert not states(sentence, lang, "quantity")


def test_a_count_beside_an_ordinal_is_still_one() -> None:
    assert states("Selon le 14e plan, Pékin compte 1 048 entreprises.", "fr", "quantity")


def test_one_city_by_two_names_is_one_place() -> None:
    assert named_places("杭州市のAI産業政策", frozenset({"杭州", "杭州市"})) == {"杭州"}


def test_a_city_in_a_german_question_is_a_name() -> None:
    kinds = {t.surface: t.kind for t in key_terms("Welche KI-Ziele hat Chengdu für 2025?", "de")}
    assert kinds["Chengdu"] == "name"
    report = {t.surface: t.kind for t in key_terms("Was steht im Forschungsbericht?", "de")}
    assert report.get("Forschungsbericht", "word") == "word"
