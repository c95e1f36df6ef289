"""A count of new ones is not how many there are (bot.additions)."""

from __future__ import annotations

from bot.additions import counts_new_ones
from bot.stated import Reading

UNICORNS = Reading(
    "人工智能头部企业研发投入持续增加，初创企业数量持续增长，新增5至10家独角兽企业。",
    "zh",
    "Research investment continues to increase, the number of start-ups continues to grow, and "
    "5 to 10 new unicorn companies have been created.",
)
TALENTS = Reading(
    "Pékin compte plus de 40 000 talents techniques de base.",
    "fr",
    "Beijing has more than 40,000 core technical talents.",
)


def test_how_many_there_are_is_not_answered_by_new_ones() -> None:
    assert counts_new_ones("北京现在有多少家独角兽企业？", UNICORNS)
    assert counts_new_ones("How many unicorns are there in Beijing?", UNICORNS)
    assert counts_new_ones("Combien de licornes compte Pékin ?", UNICORNS)


def test_new_ones_or_how_many_more_asked_are() -> None:
    assert not counts_new_ones("北京计划新增多少家独角兽企业？", UNICORNS)
    assert not counts_new_ones("How many new unicorns does Beijing aim for?", UNICORNS)
    assert not counts_new_ones("Wie viele zusätzliche Einhörner will Peking?", UNICORNS)
    assert not counts_new_ones("Quantos unicórnios a mais Pequim quer criar?", UNICORNS)
    assert not counts_new_ones("كم عدد اليونيكورن التي تسعى بكين إلى ظهورها؟", UNICORNS)


def test_only_a_count_asked_of_a_sentence_counting_new_ones() -> None:
    assert not counts_new_ones("Why does Beijing want unicorns?", UNICORNS)
    assert not counts_new_ones("Combien de talents compte Pékin ?", TALENTS)


def test_how_many_unicorns_beijing_has_is_refused(engine) -> None:  # noqa: ANN001
    # Once answered with "新增5至10家独角兽企业" (5 to 10 new ones) at P = 0.78.
    for question in ("北京现在有多少家独角兽企业？", "北京有几家AI独角兽？"):
        answer = engine.ask(question)
        assert not answer.answered and answer.kind == "not_found", answer.answer
