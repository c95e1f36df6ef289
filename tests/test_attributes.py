"""Attributes a question asks that translations always name (bot.attributes): asked in the
eleven languages, stated by a sentence or its English edition, and a near miss on one refused
through the real engine."""

from __future__ import annotations

import pytest

from bot.attributes import asked, unnamed


@pytest.mark.parametrize(
    ("question", "attributes"),
    [
        ("Where is IDG Capital headquartered?", ("headquarters",)),
        ("Où est basée l'Académie des sciences de Pékin ?", ("headquarters",)),
        ("华为总部在哪里？", ("headquarters",)),
        ("Wann wurde das Beijing Big Data Center gegründet?", ("founding",)),
        ("¿En qué año se fundó el Centro de Supercomputación?", ("founding",)),
        ("В каком году основана компания Baidu?", ("founding",)),
        ("阿里云是哪一年成立的？", ("founding",)),
        ("¿Cuántos habitantes tiene Shenzhen?", ("population",)),
        ("상하이 인구는 얼마인가요?", ("population",)),
        ("Quel est le chiffre d'affaires de Baidu ?", ("revenue",)),
        ("北京のAI企業のうち上場しているのは何社ですか？", ("listing",)),
        ("How old is Huang Zhaoying?", ("age",)),
        # Words that only look like one: a base, a list, a creation, a density per head.
        ("Quelle est la base industrielle de Shanghai ?", ()),
        ("Which organisations are listed as data partners?", ()),
        ("Какие технологии удешевят создание сцен?", ()),
        ("Combien de demandes de brevet par habitant à Pékin ?", ()),
        ("人口あたりのデジタル技術密度で1位の都市は？", ()),
        ("How many AI companies does Beijing have?", ()),
    ],
)
def test_the_attributes_a_question_asks(question: str, attributes: tuple[str, ...]) -> None:
    assert asked(question) == attributes


def test_a_sentence_or_its_english_edition_names_the_attribute() -> None:
    where = "Où se trouve le siège de ces institutions ?"
    assert unnamed(where, "30 institutions ont leur siège à Pékin.") is None
    english = "30 are headquartered in Beijing."
    assert unnamed("总部在哪里？", "全球前100名中有30家机构位于北京。", english) is None
    when = "Quand Zero One Think Tank a-t-il été fondé ?"
    assert unnamed(when, "Zero One Think Tank a publié un résumé.") == "founding"
    assert unnamed("How many AI companies?", "Any sentence.") is None


@pytest.mark.parametrize(
    "question",
    [
        # Each answered with the nearest sentence without the check.
        "Quel est le chiffre d'affaires d'Alibaba Cloud ?",
        "上海有多少常住人口？",
        "HTC是哪一年成立的？",
    ],
)
def test_a_near_miss_on_an_attribute_the_article_never_names_is_refused(
    engine,  # noqa: ANN001
    question: str,
) -> None:
    answer = engine.ask(question)
    assert answer.kind == "not_found", answer.answer
    assert answer.decision is not None and answer.decision.fit.attribute is not None


def test_an_attribute_the_article_names_is_answered(engine) -> None:  # noqa: ANN001
    answer = engine.ask(
        "How many of the top 100 patent institutions have their headquarters in Beijing?"
    )
    assert answer.answered
    assert "30" in answer.answer


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Where is Zero One Think Tank headquartered?", "does not say where it is based"),
        ("HTC是哪一年成立的？", "文章没有说何时由谁创立"),
        ("Dove ha sede HTC?", "non dice dove ha sede"),
    ],
)
def test_the_refusal_names_the_attribute_missing(engine, question: str, says: str) -> None:  # noqa: ANN001
    assert says in engine.ask(question).answer
