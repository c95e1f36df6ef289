"""How a candidate sentence reads (bot.reading): a goal stated with no year is dated by its
section's lead-in ("by 2025, …"), and a question asking when is answered with both, cited; a
sentence referring back is quoted after the one it refers to."""

from __future__ import annotations

import pytest

from bot.citations import translate
from bot.facts import sentence_text
from bot.reading import dated_by, read, refers_back


def _find(engine, words: str) -> tuple[int, int]:  # noqa: ANN001
    """The (row, sentence) of the source sentence holding `words`."""
    index = engine.index
    for row in index.editions.source_rows:
        passage = index.passages[int(row)]
        for n in range(len(passage.sentences)):
            if words in sentence_text(passage, n):
                return int(row), n
    raise AssertionError(f"no sentence holds {words!r}")


def _dated(engine, words: str) -> str | None:  # noqa: ANN001
    row, n = _find(engine, words)
    english = translate(engine.index, row, (n,), "en")
    lead_in = dated_by(engine.index, row, n, english.text[slice(*english.span)] if english else "")
    return None if lead_in is None else sentence_text(engine.index.passages[lead_in[0]], lead_in[1])


def test_a_goal_with_no_year_is_dated_by_its_lead_in(engine) -> None:  # noqa: ANN001
    lead_in = _dated(engine, "atteindra 300 milliards de yuans")
    assert lead_in is not None and "d'ici 2025" in lead_in


def test_a_sentence_with_its_own_year_or_no_goal_has_no_lead_in(engine) -> None:  # noqa: ANN001
    assert _dated(engine, "Pékin comptait 1 048 entreprises") is None  # dated "octobre 2022"
    assert _dated(engine, "propose 16 tâches clés") is None  # no goal: what the plan holds


def test_a_goal_is_of_its_lead_ins_year_in_the_passage_before(engine) -> None:  # noqa: ANN001
    # "By 2025, …" ends one passage, "The core industry will reach 300 billion…" opens the next:
    # its figure is not 2022's (bot.binding.other_year reads Reading.years).
    row, n = _find(engine, "atteindra 300 milliards de yuans")
    _, retrieval, vector = engine.ask_with_evidence("L'industrie de base de l'IA de Pékin")
    every = engine.deeper(retrieval, vector, len(engine.index.editions.source_rows)).hits
    hit = next(h for h in every if h.row == row)
    assert "2025" in read(engine.index, hit, n, "fr").years


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("When will Beijing's core AI industry reach 300 billion yuan?", "2025"),
        ("北京人工智能核心产业规模什么时候达到3000亿元？", "2025"),
        ("¿Para qué año quiere Pekín que su industria central de IA alcance los 300.000 millones?",
         "2025"),
    ],
)  # fmt: skip
def test_when_a_goal_is_due_is_answered_with_its_lead_in_cited(
    engine,  # noqa: ANN001
    question: str,
    year: str,
) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.answer
    assert len(answer.citations) >= 2
    # [1] states the goal; a later citation, the year it is due by.
    assert "300" in answer.answer.split("[1]")[0]
    assert any(year in c.text[slice(*c.span)] for c in answer.citations[1:])


def test_a_sentence_referring_back_is_quoted_after_the_one_it_refers_to(engine) -> None:  # noqa: ANN001
    # "Innovative applications … are realized in these scenarios" names none of them: the
    # sentence before, in the passage before, lists them.
    row, n = _find(engine, "Les scénarios réalisent l'application innovante")
    back = refers_back(engine.index, row, n)
    assert back is not None
    assert "villes intelligentes" in sentence_text(engine.index.passages[back[0]], back[1])
    assert refers_back(engine.index, *_find(engine, "propose 16 tâches clés")) is None
    answer = engine.ask(
        "¿En qué campos clave quieren las Medidas de Pekín guiar la aplicación innovadora de la IA?"
    )
    first = answer.citations[0]
    assert answer.answered and "villes intelligentes" in first.text[slice(*first.span)]
