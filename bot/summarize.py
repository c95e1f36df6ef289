"""Extractive summaries: a document's parts, and the sentences that best sum up a scope."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from bot.ingest import Document, Passage

Length = Literal["short", "medium", "long"]
# Points grow with the square root of the scope's content sentences (a summary of a
# four-times-longer text is about twice as long), capped per length; never over half the scope.
POINTS: dict[str, tuple[int, float]] = {"short": (5, 0.5), "medium": (12, 1.25), "long": (20, 2.2)}
LENGTHS = tuple(POINTS)
# Weight of "carries facts" against centrality in a sentence's worth (both in [0, 1]). Facts
# lead: centrality to the scope's mean favours the general sentences that frame figures.
FACT_WEIGHT = 0.75
# Fact units at which a sentence's fact score saturates: a figure or title is one unit, a name
# half of one, each divided by the number of the scope's sentences that hold it.
FACT_CAP = 4.0
NAME_UNIT = 0.5
# The units a sentence's names add up to at most: a list of places is one fact, not ten.
NAMES_CAP = 1.0
# A section's weight in the shares of points: its sentences' fact scores, plus this for each of
# its sentences, so that size decides between sections that hold no figures.
SIZE_WEIGHT = 0.01
# MMR: the share of a candidate's score that is its own worth; the rest penalises redundancy.
MMR_LAMBDA = 0.7
# A point longer than this (in Latin-character widths) is a paragraph; its score shrinks.
LONG_POINT = 400
# Fewer words than this (a CJK character counting as one) is a fragment, not a point.
MIN_WORDS = 5

_REFERENCE = re.compile(r"\s*\[\d+\]")
# "Figure 3 : …", "Fig. 2. …", "图3 …": a caption names a picture the text does not hold
# ("Table 1 shows that…", with no punctuation after the number, is a statement).
_CAPTION = re.compile(
    r"\s*(?:(?:figure|fig\.|tableau|table|graphique|gráfico|figura|tabla|abbildung|tabelle|"
    r"рисунок|рис\.|таблица|شكل|جدول)\s*\d+\s*[:.\-–—]|[图圖表図]\s*[0-9０-９]+)",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"\s*(?:sources?(?: des données)?|fuente|quelle|источник|المصدر|来源|数据来源|資料來源)"
    r"\s*[:：]",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# "1 048", "5610,60", "38 %": one figure each (the percent sign kept, so "38" ≠ "38 %").
_NUMBER = re.compile(r"\d(?:[\d.,]|\s(?=\d{3}\b))*(?:\s?[%％])?")
# Numbers with a Chinese magnitude: "七万余", "一万三千", "30余万", "8万余" (a lone "一" is a word).
_CJK_NUMBER = re.compile(
    r"[\d〇零一二两三四五六七八九十百千万亿余多]*[十百千万亿][〇零一二两三四五六七八九十百千万亿余多]*"
)
_TITLE = re.compile(r"[\"«“„「『《]([^\"»”「」『』《》]{4,})[\"»”」』》]")
# A quotation that ends a sentence of its own is speech (an opinion), not a title.
_SPEECH_END = re.compile(r"[.!?。！？…]\s*$")
_NAME = re.compile(r"(?<=[\s(\"«“'’-])[A-ZÀ-ÞА-ЯЁ][\w'’-]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Part:
    """A top-level part of a document: the passages under one top-level heading."""

    id: str
    doc_id: str
    title: str
    passage_rows: tuple[int, ...]


def parts(passages: Sequence[Passage]) -> list[Part]:
    """The top-level parts of every document in `passages`, rows indexing `passages`."""
    found: list[Part] = []
    counts: dict[str, int] = {}
    current: tuple[str, str] | None = None  # (doc_id, title) of the part being filled
    rows: list[int] = []
    for row, passage in enumerate(passages):
        title = passage.section_path[0] if passage.section_path else None
        key = (passage.doc_id, title) if title is not None else None
        if key != current and rows and current is not None:
            found.append(_part(current, rows, counts))
            rows = []
        current = key
        if key is not None:
            rows.append(row)
    if rows and current is not None:
        found.append(_part(current, rows, counts))
    return found


def _part(key: tuple[str, str], rows: list[int], counts: dict[str, int]) -> Part:
    # Numbered by order within the document, so ids survive rebuilds and read well in a URL.
    doc_id, title = key
    counts[doc_id] = counts.get(doc_id, 0) + 1
    return Part(f"{doc_id}-part{counts[doc_id]}", doc_id, title, tuple(rows))


def document_rows(passages: Sequence[Passage], doc_id: str) -> list[int]:
    """The rows of all of a document's passages, lead included, in order."""
    return [row for row, passage in enumerate(passages) if passage.doc_id == doc_id]


def summarize(
    passages: Sequence[Passage],
    sentence_vectors: np.ndarray,
    rows: Sequence[int],
    length: Length = "medium",
) -> list[tuple[int, int]]:
    """The (passage row, sentence number) pairs that summarise the passages at `rows`, in order."""
    if length not in POINTS:
        raise ValueError(f"Unknown summary length {length!r}; choose one of: {', '.join(POINTS)}.")
    # `sentence_vectors` is every sentence of `passages` in order, a plain matrix (for the index's
    # FAISS store: `index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)`).
    first = np.cumsum([0, *(len(p.sentences) for p in passages)])
    candidates = [
        (row, n)
        for row in sorted(set(rows))
        for n in range(len(passages[row].sentences))
        if is_content(passages[row], n)
    ]
    if not candidates:
        return []
    total = points(len(candidates), length)
    # A sentence the text repeats word for word (a part's introduction restating the lead) is
    # one candidate. Not by cosine: e5 puts two different rankings of the same cities at 0.99.
    seen: set[str] = set()
    distinct = []
    for row, n in candidates:
        said = " ".join(sentence_text(passages[row], n).lower().split())
        if said not in seen:
            seen.add(said)
            distinct.append((row, n))
    candidates = distinct
    vectors = np.asarray(sentence_vectors[[first[row] + n for row, n in candidates]], np.float32)
    texts = [sentence_text(passages[row], n) for row, n in candidates]
    facts = _Facts(texts)
    groups, quota = _sections(
        [passages[row].section_path for row, _ in candidates],
        np.array([facts.score(i) for i in range(len(texts))]),
        total,
    )
    chosen = _select(vectors, texts, facts, groups, quota)
    return sorted(candidates[i] for i in chosen)


def points(content_sentences: int, length: Length) -> int:
    """How many points a summary of a scope with this many content sentences gets."""
    cap, per_root = POINTS[length]
    most = max(1, math.ceil(content_sentences / 2))
    return min(cap, math.ceil(per_root * math.sqrt(content_sentences)), most)


def sentence_text(passage: Passage, n: int) -> str:
    """The text of sentence `n` of `passage`."""
    start, end = passage.sentences[n]
    return passage.text[start:end]


def is_content(passage: Passage, n: int) -> bool:
    """Whether sentence `n` states something: not a question, reference, caption or fragment."""
    text = sentence_text(passage, n)
    # A reference entry may be split into several sentences: its first one marks them all.
    if _REFERENCE.match(sentence_text(passage, 0)):
        return False
    if _CAPTION.match(text) or _SOURCE.match(text) or _is_question(text):
        return False
    return len(text.split()) + len(_CJK.findall(text)) >= MIN_WORDS


def _is_question(text: str) -> bool:
    # The same rule as bot.answer's (kept local: that one is private to answering): whatever
    # follows the last question mark, such as closing quotes, ends no statement.
    last = max(text.rfind(mark) for mark in "?？؟")
    return last >= 0 and not any(stop in text[last:] for stop in ".。!！")


def fact_tokens(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """The checkable matter a sentence carries: numbers, percentages, quoted titles, and names
    (capitalised words, unless `common` holds them in lower case)."""
    numbers = {"#" + m for m in _CJK_NUMBER.findall(text) if len(m) >= 2}
    plain = _NUMBER.findall(_CJK_NUMBER.sub(" ", text))
    numbers |= {"#" + "".join(m.split()).strip(".,") for m in plain}
    titles = {"«" + " ".join(t.lower().split()) for t in _TITLE.findall(text) if _is_title(t)}
    names = {"@" + name for name in _NAME.findall(text) if name.lower() not in common}
    return numbers | titles | names


def _is_title(quoted: str) -> bool:
    # One word in quotes is emphasis; a quotation that ends a sentence is speech; one that
    # starts on punctuation is the gap between two quotations.
    return (
        (len(quoted.split()) >= 2 or len(_CJK.findall(quoted)) >= 4)
        and quoted[0].isalnum()
        and not _SPEECH_END.search(quoted)
    )


class _Facts:
    """The fact tokens of a scope's sentences, and what each is worth."""

    def __init__(self, texts: list[str]) -> None:
        # A capitalised word the scope also writes in lower case ("Le", "Plan") is no name.
        common = frozenset(w for t in texts for w in _WORD.findall(t) if w.islower())
        self.tokens = [fact_tokens(t, common) for t in texts]
        # A figure or name found in many sentences of the scope ("2021", the city the text is
        # about) is context, not a fact this sentence adds.
        spread: dict[str, int] = {}
        for found in self.tokens:
            for token in found:
                spread[token] = spread.get(token, 0) + 1
        self.units = {t: (NAME_UNIT if t[0] == "@" else 1.0) / n for t, n in spread.items()}

    def score(self, i: int, known: frozenset[str] | set[str] = frozenset()) -> float:
        """Sentence `i`'s fact score in [0, 1], counting only the tokens not `known` yet."""
        new = self.tokens[i] - known
        names = sum(self.units[t] for t in new if t[0] == "@")
        rest = sum(self.units[t] for t in new if t[0] != "@")
        return min(rest + min(names, NAMES_CAP), FACT_CAP) / FACT_CAP


def _rank01(values: np.ndarray) -> np.ndarray:
    # Ranks, not raw cosines: e5 similarities crowd into a narrow band whose width varies.
    if len(values) == 1:
        return np.ones(1)
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return 1.0 - ranks / (len(values) - 1)


def _sections(
    paths: list[tuple[str, ...]], facts: np.ndarray, total: int
) -> tuple[list[int], list[int]]:
    """Each candidate's section (a leaf of the heading tree, -1 when it gets no point this time)
    and the points of each section."""
    groups = [-1] * len(paths)
    quota: list[int] = []

    def split(members: list[int], depth: int, budget: int, first: bool) -> None:
        if all(len(paths[i]) <= depth for i in members):
            quota.append(budget)
            for i in members:
                groups[i] = len(quota) - 1
            return
        children: list[list[int]] = []
        for i in members:  # runs of one heading a level down; text before the first is a run too
            if children and paths[children[-1][-1]][: depth + 1] == paths[i][: depth + 1]:
                children[-1].append(i)
            else:
                children.append([i])
        mass = [float(facts[c].sum()) for c in children]
        # Down the tree, every section gets a point while they last, the richest in facts first:
        # at the first level that divides the scope, every one; deeper, those holding a fact.
        # The rest goes by facts, so a dense comparison gets more points than a long preamble.
        sure = [len(children) > 1 and (first or m > 0) for m in mass]
        shares = _shares(
            [m + SIZE_WEIGHT * len(c) for m, c in zip(mass, children, strict=True)],
            [len(c) for c in children],
            budget,
            sure,
        )
        for child, share in zip(children, shares, strict=True):
            if share:
                split(child, depth + 1, share, first and len(children) == 1)

    split(list(range(len(paths))), 0, total, True)
    return groups, quota


def _shares(weights: list[float], sizes: list[int], total: int, sure: list[bool]) -> list[int]:
    """`total` points shared by weight (D'Hondt), at most `sizes` each, after one to each
    `sure` group (heaviest first)."""
    shares = [0] * len(sizes)
    for g in sorted((g for g in range(len(sizes)) if sure[g]), key=lambda g: (-weights[g], g)):
        if sum(shares) < total:
            shares[g] = 1
    for _ in range(total - sum(shares)):
        open_groups = [g for g in range(len(sizes)) if shares[g] < sizes[g]]
        if not open_groups:
            break
        best = max(open_groups, key=lambda g: (weights[g] / (shares[g] + 1), -g))
        shares[best] += 1
    return shares


def _select(
    vectors: np.ndarray, texts: list[str], facts: _Facts, groups: list[int], quota: list[int]
) -> list[int]:
    """Greedy MMR within the section quotas; ties go to the earlier sentence."""
    centroid = vectors.mean(axis=0)
    centrality = _rank01(vectors @ (centroid / (np.linalg.norm(centroid) or 1.0)))
    width = np.array([len(t) + 2 * len(_CJK.findall(t)) for t in texts], dtype=float)
    brevity = np.minimum(1.0, np.sqrt(LONG_POINT / np.maximum(width, 1.0)))
    # Redundancy is judged on what sentences do not share with the whole scope: raw e5 cosines
    # of any two sentences on one topic are high.
    centred = vectors - centroid
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    similarity = centred @ centred.T
    left = list(quota)
    chosen: list[int] = []
    known: set[str] = set()
    closest = np.zeros(len(texts))
    for _ in range(sum(quota)):
        open_rows = [
            i for i in range(len(texts)) if groups[i] >= 0 and left[groups[i]] and i not in chosen
        ]
        if not open_rows:
            break
        # A figure or title that a chosen point already states is worth nothing the second time.
        fact = np.array([facts.score(i, known) for i in range(len(texts))])
        worth = ((1 - FACT_WEIGHT) * centrality + FACT_WEIGHT * fact) * brevity
        scores = MMR_LAMBDA * worth - (1 - MMR_LAMBDA) * np.maximum(closest, 0.0)
        best = max(open_rows, key=lambda i: (scores[i], -i))
        chosen.append(best)
        known |= facts.tokens[best]
        left[groups[best]] -= 1
        closest = np.maximum(closest, similarity[best])
    return chosen


def choose_all(
    documents: Sequence[Document], passages: Sequence[Passage], sentence_vectors: np.ndarray
) -> dict:
    """Every source document's and part's summary at every length, as the index stores it: by
    scope id, its document, title, passage ids and chosen [passage id, sentence number] pairs."""
    sources = [doc for doc in documents if not doc.edition_of]
    scopes = [
        {
            "id": doc.id,
            "doc_id": doc.id,
            "title": doc.title,
            "rows": document_rows(passages, doc.id),
        }
        for doc in sources
    ]
    source_ids = {doc.id for doc in sources}
    scopes += [
        {"id": part.id, "doc_id": part.doc_id, "title": part.title, "rows": list(part.passage_rows)}
        for part in parts(passages)
        if part.doc_id in source_ids
    ]
    return {
        scope["id"]: {
            "doc_id": scope["doc_id"],
            "title": scope["title"],
            "passage_ids": [passages[row].id for row in scope["rows"]],
            "points": {
                length: [
                    [passages[row].id, n]
                    for row, n in summarize(passages, sentence_vectors, scope["rows"], length)
                ]
                for length in LENGTHS
            },
        }
        for scope in scopes
    }
