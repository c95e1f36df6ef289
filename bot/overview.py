"""Which comparison a request gets, and the answer it makes. One with nothing named to compare
on ("Compare Beijing and Shanghai", "京沪比较一下") gets each city's part summary side by side, and
below them every heading that ranks the two cities (the article's own scoreboard), all chosen at
index time: a search on the cities' names alone finds sentences that merely name them. Any other
gets the facts found for what it names (bot.compare)."""

from __future__ import annotations

from bot.abstain import Abstainer
from bot.answer import Answer, Side
from bot.citations import Citation
from bot.compare import (
    VERDICT,
    Comparison,
    Searched,
    cited_comparison,
    compare,
    measure_text,
)
from bot.index import Index
from bot.keyterms import key_terms
from bot.phrases import phrase
from bot.sides import is_verdict
from bot.target import CITY_WORDS, PLACES, has_name, places

# How long each city's part summary is: "medium" holds 8 of the 11 key facts of Beijing's part
# and 8 of 12 of Shanghai's (eval/summary_facts.json), "short" 3 and 5.
LENGTH = "medium"
# The commonest word families of a language: its function words and the likes of "compare",
# "two" or "better", which name nothing to compare on.
OVERVIEW_COMMON = 200


def compare_cities(
    index: Index, abstainer: Abstainer, question: str, searched: Searched, lang: str
) -> Comparison:
    """The comparison `question` asks for, in `lang`: the overview when it names nothing to
    compare on, else the facts found for what it names (bot.compare.compare)."""
    # A follow-up ("那排第一的是哪个城市？") is searched with the question before it, which names
    # what it compares on.
    if names_no_measure(searched.merged.query, searched.merged.lang):
        whole = overview(index, lang)
        if whole is not None:
            return whole
    return compare(index, abstainer, question, searched, lang)


def names_no_measure(question: str, lang: str) -> bool:
    """Whether a comparison request names nothing to compare on but the cities: once they and
    the comparison words are gone, only words of the OVERVIEW_COMMON commonest families are
    left ("Compare Beijing and Shanghai", "北京和上海比较一下", "Compare the two cities"; not
    "Who is stronger…?", "Compare as políticas…")."""
    left = key_terms(measure_text(question), lang, OVERVIEW_COMMON)
    return all(any(has_name(term.surface, w) for w in CITY_WORDS) for term in left)


def overview(index: Index, lang: str) -> Comparison | None:
    """Each city's part summary and the headings that rank the two, cited in `lang` where the
    editions allow; None when the corpus gives a city no part of its own."""
    chosen: dict[str, list[tuple[int, int]]] = {side: [] for side in (*PLACES, VERDICT)}
    for scope in index.summaries.values():
        named = places(scope.get("title") or "")
        if len(named) == 1:
            side = next(iter(named))
            chosen[side] += [(index.rows_by_id[pid], n) for pid, n in scope["points"][LENGTH]]
    if not all(chosen[side] for side in PLACES):
        return None
    sources = {doc.id for doc in index.documents if not doc.edition_of}
    chosen[VERDICT] = [
        (row, 0)
        for row, passage in enumerate(index.passages)
        if passage.heading and passage.doc_id in sources and is_verdict(passage, 0)
    ]
    return cited_comparison(index, chosen, lang)


def comparison_answer(question: str, comparison: Comparison) -> Answer:
    """A comparison as an answer object: each side's label on a line, then its points, numbered
    [1], [2]… as citations; `sides` says which numbers are whose."""
    lang = comparison.lang
    if not comparison.answered:
        return Answer(question, lang, False, comparison.lead, (), lang, "not_found")
    lines = [comparison.lead] if comparison.lead else []
    citations: list[Citation] = []
    sides = []
    for side, points in comparison.sides:
        label = phrase(side, lang)
        lines.append(f"{label}:")
        numbers = []
        for point in points:
            n = len(citations) + 1
            citations.append(Citation(**{**point.citations[0].__dict__, "n": n}))
            lines.append(point.text.removesuffix(" [1]") + f" [{n}]")
            numbers.append(n)
        sides.append(Side(side, label, tuple(numbers)))
    return Answer(
        question, lang, True, "\n".join(lines), tuple(citations), comparison.answer_lang,
        "comparison", sides=tuple(sides),
    )  # fmt: skip
