"""An exact figure asked is not answered by an approximate one (bot.exactness), read in the
English edition, and the refusal says so, through the real engine."""

from __future__ import annotations

from bot.exactness import approximate_only
from bot.stated import Reading

MORE_THAN = Reading(
    "Pékin et Shenzhen sont en tête avec plus de 10 000 demandes.",
    "fr",
    "Beijing and Shenzhen top the list with more than 10,000 applications each.",
)
EXACT = Reading(
    "Pékin comptait 1 048 entreprises centrales.", "fr", "Beijing had 1,048 core enterprises."
)


def test_an_exact_count_asked_is_not_given_by_an_approximate_one() -> None:
    assert approximate_only("Exactly how many applications did Shenzhen file?", MORE_THAN)
    assert approximate_only("深圳的数字技术专利申请具体是多少件？", MORE_THAN)
    assert approximate_only("Wie viele Anmeldungen hat Shenzhen genau eingereicht?", MORE_THAN)
    assert approximate_only("¿Cuántas solicitudes exactas presentó Shenzhen?", MORE_THAN)
    assert approximate_only("Какое точное число заявок подал Шэньчжэнь? Сколько?", MORE_THAN)


def test_an_exact_figure_or_a_plain_question_is_answered() -> None:
    assert not approximate_only("Exactly how many core companies does Beijing have?", EXACT)
    # Asked without "exactly", "more than 10,000" answers.
    assert not approximate_only("How many applications did Shenzhen file?", MORE_THAN)
    # "具体措施" names specific measures; it asks no exact figure.
    assert not approximate_only("《若干措施》一共提出了几条具体措施？", MORE_THAN)
    # No English edition to read it in: not refused on this ground.
    assert not approximate_only("Exactly how many?", Reading("plus de 10 000", "fr", ""))


def test_the_refusal_says_the_figure_is_only_approximate(engine) -> None:  # noqa: ANN001
    answer = engine.ask("How many AI core technical talents exactly does Beijing have?")
    assert answer.kind == "not_found"
    assert "only an approximate figure" in answer.answer
    # The approximate figure is among the nearest passages shown.
    assert any("40 000" in c.text for c in answer.citations)
