"""What a count counts, by its counter, in Chinese, Japanese and Korean (bot.counters)."""

from __future__ import annotations

from bot.counters import asked_counter, counts_other_things
from bot.stated import Reading

KINDS = Reading(
    "我们收集了各城市人工智能、区块链、云计算、大数据和物联网五类数字技术的专利申请数量。", "zh", ""
)
FIRMS = Reading("北京拥有人工智能核心企业1048家，占全国总数的29%。", "zh", "")
TALENTS = Reading("베이징의 인공지능 분야 핵심 기술 인재는 4만 명 이상이다.", "ko", "")
PLACES = Reading("베이징의 인공지능 핵심 기업은 1,048곳이다.", "ko", "")


def test_the_counter_asked() -> None:
    assert asked_counter("北京有多少家核心企业？") == "bodies"
    assert asked_counter("北京には一流大学が何校ありますか？") == "bodies"
    assert asked_counter("베이징의 AI 인재는 몇 명인가요?") == "people"
    assert asked_counter("专利申请一共有多少件？") == "items"
    assert asked_counter("有几个大模型？") is None  # "个" counts anything


def test_a_count_of_other_things_does_not_answer() -> None:
    assert counts_other_things("北京人均专利申请量是多少件？", KINDS)
    assert counts_other_things("베이징의 AI 인재는 몇 명인가요?", PLACES)
    assert not counts_other_things("베이징의 AI 인재는 몇 명인가요?", TALENTS)
    assert not counts_other_things("北京有多少家核心企业？", FIRMS)
    # A percentage is no count of companies; a number with no counter may count anything.
    assert counts_other_things("北京有多少家核心企业？", Reading("北京占全国的29%。", "zh", ""))
    assert not counts_other_things("北京有多少家核心企业？", Reading("北京有1048。", "zh", ""))
    # A year dates, it counts nothing.
    assert counts_other_things("有多少件？", Reading("2021年，五类技术。", "zh", ""))


def test_how_many_patents_is_not_answered_by_five_kinds(engine) -> None:  # noqa: ANN001
    # Once answered with the sentence on the five kinds of technology; the article gives the
    # digital technology applications (74,656 件), not the AI ones.
    answer = engine.ask("2021年全国人工智能专利申请一共多少件？")
    assert not answer.answered and answer.kind == "not_found", answer.answer
