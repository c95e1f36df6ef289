"""A comparison that names nothing to compare on: each city's part summary, and the headings that
rank the two cities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.followup import Turn
from bot.overview import names_no_measure

FACTS = json.loads((Path(__file__).parent.parent / "eval" / "summary_facts.json").read_text())


@pytest.mark.parametrize(
    ("request_", "lang", "names_none"),
    [
        ("Compare Beijing and Shanghai", "en", True),
        ("北京和上海比较一下", "zh", True),
        ("Compare the two cities", "en", True),
        ("Compare Beijing and Shanghai on air pollution", "en", False),
        ("Compare as políticas de Pequim e de Xangai", "pt", False),
    ],
)
def test_a_request_naming_only_the_cities_names_no_measure(
    request_: str, lang: str, names_none: bool
) -> None:
    assert names_no_measure(request_, lang) is names_none


def covered(texts: list[str], facts: list[dict]) -> int:
    said = ["".join(t.split()).lower() for t in texts]
    return sum(any("".join(k.split()).lower() in s for k in f["keys"] for s in said) for f in facts)


def test_compare_the_two_cities_gives_each_its_part_and_the_article_s_rankings(engine) -> None:  # noqa: ANN001
    # It listed "The second is to look directly at future layout." for Beijing: sentences that
    # merely name the cities. Now each column holds most of its part's key facts (written before).
    answer = engine.ask("Compare Beijing and Shanghai", lang="fr")
    assert answer.kind == "comparison" and answer.answered
    columns = {s.side: [answer.citations[n - 1] for n in s.citations] for s in answer.sides}
    assert list(columns) == ["beijing", "shanghai", "verdict"]
    parts = FACTS["parts"]
    doc = FACTS["doc_id"]
    for side, part in (("beijing", "part1"), ("shanghai", "part2")):
        quoted = [c.text[slice(*c.span)] for c in columns[side]]
        assert covered(quoted, parts[f"{doc}-{part}"]) >= 7, (side, quoted)
    rankings = [c.text[slice(*c.span)] for c in columns["verdict"]]
    assert len(rankings) == 6 and all("Pékin" in r and "Shanghai" in r for r in rankings)


def test_a_follow_up_compares_on_what_the_question_before_it_named(engine) -> None:  # noqa: ANN001
    # "Then which city ranks first?" names no measure, but the question before it did (digital
    # technology density, where Shenzhen is first): no overview.
    history = [
        Turn("user", "上海的数字技术密度排第几？"),
        Turn("assistant", "2. Densité de la technologie numérique : Pékin et Shanghai se classent"),
    ]
    answer = engine.ask("那么哪个城市排名第一？", history)
    assert answer.kind == "comparison"
    assert any("Shenzhen" in c.text[slice(*c.span)] for c in answer.citations)
