"""A comparison with nothing named to compare on ("Compare Beijing and Shanghai", "京沪比较一下"):
each city's column is the summary of the part the article gives it, and below them every heading
that ranks the two cities (the article's own scoreboard), all chosen at index time. A search on
the cities' names alone finds sentences that merely name them."""

from __future__ import annotations

from bot.abstain import Abstainer
from bot.compare import VERDICT, Comparison, Searched, compare, is_verdict, measure_text
from bot.index import Index
from bot.keyterms import key_terms
from bot.phrases import phrase
from bot.summary import cited_points
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
    if names_no_measure(question, searched.merged.lang):
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
    return not [term for term in left if not any(has_name(term.surface, w) for w in CITY_WORDS)]


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
    order = [(side, where) for side in (*PLACES, VERDICT) for where in sorted(chosen[side])]
    points, answer_lang = cited_points(index, [where for _, where in order], lang)
    sides = tuple(
        (side, tuple(p for (s, _), p in zip(order, points, strict=True) if s == side))
        for side in (*PLACES, VERDICT)
        if chosen[side]
    )
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Comparison(lang, answer_lang, sides, lead)
