"""Focused summaries: the cited points the corpus holds on a subject the reader names ("what does
it say about computing power?"), chosen from the passages retrieved for it by the rules of the
index-time summaries (bot.summarize), or a refusal when the corpus says nothing about it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.abstain import Abstainer, Decision, refusal
from bot.answer import weigh
from bot.index import Index
from bot.phrases import phrase
from bot.retrieve import Retrieval
from bot.summarize import Length, choose, content_sentences
from bot.summary import Summary, cited_points

# The scope a focused summary reports: not a part of the article, the subject asked about.
ABOUT = "about"
# Passages retrieved for a subject, and how far below the best one a passage may score and still
# be summarised: the rest is about something else (dev split of eval/subject_summaries.jsonl,
# `python bench/subject_summary_quality.py --sweep`).
PASSAGES = 6
PASSAGE_MARGIN = 0.05
# Points of a focused summary by length, at most: a subject holds fewer facts than the article,
# whose summaries grow with its size (bot.summarize.points).
POINTS = {"short": 4, "medium": 8, "long": 12}


# How far below the closest sentence to the subject a sentence of those passages may be and
# still be a candidate: a passage about the subject holds sentences about other things too.
SENTENCE_MARGIN = 0.08


@dataclass(frozen=True)
class Focus:
    """The passages a subject's summary is chosen from, their sentences close enough to it
    (passage row, sentence number), and the refusal's reading of them."""

    rows: tuple[int, ...]
    candidates: tuple[tuple[int, int], ...]
    decision: Decision


def about(index: Index, abstainer: Abstainer, subject: str, retrieval: Retrieval) -> Focus:
    """The passages of `retrieval` (made for `subject`) that are about it, their sentences close
    to it, and whether the corpus speaks of it at all: the answer path's refusal reads the same
    signals (bot.abstain)."""
    ranked, signals, terms, fit = weigh(subject, retrieval, index)
    decision = abstainer.decide(signals, terms, fit)
    if not ranked:
        return Focus((), (), decision)
    return Focus(*close(index, retrieval, PASSAGES), decision)


def close(
    index: Index, retrieval: Retrieval, depth: int
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The rows of the first `depth` passages of `retrieval` that score near the best, and
    their content sentences near the closest sentence (passage row, sentence number)."""
    if not retrieval.hits:
        return (), ()
    best = retrieval.hits[0].score
    hits = [h for h in retrieval.hits[:depth] if h.score >= best - PASSAGE_MARGIN]
    closest = max(max(h.sentence_scores, default=-1.0) for h in hits)
    near = {
        (h.row, n)
        for h in hits
        for n, score in enumerate(h.sentence_scores)
        if score >= closest - SENTENCE_MARGIN
    }
    rows = tuple(h.row for h in hits)
    return rows, tuple(c for c in content_sentences(index.passages, rows) if c in near)


def sentence_matrix(index: Index) -> np.ndarray:
    """Every sentence vector of the index, in order, as bot.summarize.choose reads them."""
    return index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)


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
    focus = about(index, abstainer, subject, retrieval)
    if not focus.candidates or focus.decision.abstains:
        text = refusal(focus.decision, lang)
        return Summary(ABOUT, subject, lang, lang, length, (), text, subject, answered=False)
    total = min(POINTS[length], len(focus.candidates))
    chosen = choose(
        index.passages, sentence_matrix(index), focus.candidates, total, focus.rows,
        index.passage_first_sentence,
    )  # fmt: skip
    cited, answer_lang = cited_points(index, chosen, lang)
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Summary(ABOUT, subject, lang, answer_lang, length, cited, lead, subject)
