"""Focused summaries: the cited points the corpus holds on a subject the reader names ("what does
it say about computing power?"): the sentences that fit it best, as the answer path ranks them,
without repeats and in text order (bot.summarize's rules), or a refusal when the corpus says
nothing about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.about import about_object
from bot.abstain import Abstainer, Decision
from bot.answer import weigh
from bot.candidates import Evidence
from bot.coverage import Vocabulary
from bot.facts import is_content
from bot.index import Index
from bot.keyterms import key_terms
from bot.phrases import not_mentioned, phrase
from bot.reading import context_of
from bot.refusal import refusal
from bot.request_refusal import SUBJECT_COMMON, says_nothing_about, unwritten_subject
from bot.retrieve import Hit, Retrieval
from bot.summarize import Length, choose
from bot.summary import Summary, cited_points
from bot.target import concepts

# The scope a focused summary reports: not a part of the article, the subject asked about.
ABOUT = "about"
# Passages retrieved for a subject (dev split of eval/subject_summaries.jsonl,
# `python bench/subject_summary_quality.py --sweep`).
PASSAGES = 8
# Points of a focused summary by length, at most: a subject holds fewer facts than the article,
# whose summaries grow with its size (bot.summarize.points).
POINTS = {"short": 4, "medium": 8, "long": 12}


# How far below the closest sentence to the subject (or comparison) another may be and
# still be a candidate: passages about the subject hold sentences about other things too.
SENTENCE_MARGIN = 0.12


@dataclass(frozen=True)
class Focus:
    """The passages a subject's summary is chosen from, their sentences close enough to it
    (passage row, sentence number), and the refusal's reading of them."""

    rows: tuple[int, ...]
    candidates: tuple[tuple[int, int], ...]
    decision: Decision


def about(
    index: Index, abstainer: Abstainer, subject: str, retrieval: Retrieval, total: int
) -> Focus:
    """The `total` content sentences of `retrieval` (made for `subject`) that fit it best, their
    passages, and whether the corpus speaks of it at all: the answer path's refusal reads the
    same signals (bot.abstain)."""
    ranked, signals, terms, fit = weigh(subject, retrieval, index)
    decision = abstainer.decide(signals, terms, fit)
    # Relevance first: choosing among the close sentences by the whole-article rules (facts
    # over centrality) kept fewer of a subject's facts than this ranking (issue 19, test split
    # 0.62 against 0.68). Among them, those of the passages that write the subject's own words,
    # when some do: the others are close to it, not about it (dev: recall the same, with 6.4
    # points a summary instead of 7.4).
    best = near(content(index, retrieval, ranked), retrieval.closest_hit_sentence)
    on = on_subject(index, retrieval.hits, subject, retrieval.lang)
    best = ([b for b in best if b[0] in on] or best)[:total]
    return Focus(tuple(dict.fromkeys(row for row, _ in best)), tuple(sorted(best)), decision)


def on_subject(index: Index, hits: Sequence[Hit], subject: str, lang: str) -> set[int]:
    """The rows of the passages of `hits` that write, around them (heading, passage before, in
    the edition in `lang` and the source), a key term of `subject` (in `lang`) the corpus
    writes: "licornes" picks the one passage on unicorns out of eight close to them; without
    one, the words after its about word ("about talent": the word is too common to be a key
    term). Every row when there is no such term."""
    named = key_terms(subject, lang) or key_terms(about_object(subject), lang, SUBJECT_COMMON)
    terms = [t for t, holds in index.vocabulary.check(named, lang) if holds]
    rows = {hit.row for hit in hits}
    # The article's cities and subjects alone ("AI talent") are written every way, everywhere.
    if all(concepts(t.surface.casefold()) for t in terms):
        return rows
    on = set()
    for hit in hits:
        context = context_of(index, hit, 0, lang)
        around = Vocabulary.build([t for t, _ in context], [e for _, e in context])
        if any(holds for _, holds in around.check(terms, lang)):
            on.add(hit.row)
    return on


def content(
    index: Index, retrieval: Retrieval, ranked: list[Evidence]
) -> list[tuple[float, tuple[int, int]]]:
    """The content sentences of `ranked` (best fit first: the answer path's ranking, which reads
    the request's words too), each with its own score: (score, (passage row, sentence number))."""
    return [
        (hit.sentence_scores[e.sentence], (hit.row, e.sentence))
        for e in ranked
        if is_content((hit := retrieval.hits[e.hit]).passage, e.sentence)
    ]


def near(scored: list[tuple[float, tuple[int, int]]], closest: float) -> list[tuple[int, int]]:
    """Where each of `scored` is, when it is within SENTENCE_MARGIN of `closest`, in order."""
    return [where for score, where in scored if score >= closest - SENTENCE_MARGIN]


class SentenceRows:
    """The index's sentence vectors as bot.summarize.choose reads them (`rows[[i, j, …]]`),
    fetched row by row from FAISS: copying them all cost each request 86 MB at a thousand
    documents."""

    def __init__(self, index: Index) -> None:
        self.store = index.sentence_vectors

    def __getitem__(self, rows: list[int]) -> np.ndarray:
        return self.store.reconstruct_batch(np.asarray(rows, dtype=np.int64))


def focused(
    index: Index,
    abstainer: Abstainer,
    subject: str,
    retrieval: Retrieval,
    lang: str,
    length: Length = "medium",
) -> Summary:
    """The cited points the corpus holds on `subject` (retrieved as `retrieval`), in text order and
    in `lang` where the editions allow; no points and a refusal's words when it holds none."""
    focus = about(index, abstainer, subject, retrieval, POINTS[length])
    unwritten = unwritten_subject(focus.decision, subject, retrieval.lang, index.vocabulary)
    if not focus.candidates or unwritten or says_nothing_about(focus.decision, subject):
        text = not_mentioned(list(unwritten), lang) if unwritten else refusal(focus.decision, lang)
        return Summary(ABOUT, subject, lang, lang, length, (), text, subject, answered=False)
    total = min(POINTS[length], len(focus.candidates))
    chosen = choose(
        index.passages, SentenceRows(index), focus.candidates, total, focus.rows,
        index.passage_first_sentence,
    )  # fmt: skip
    cited, answer_lang = cited_points(index, chosen, lang)
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Summary(ABOUT, subject, lang, answer_lang, length, cited, lead, subject)
