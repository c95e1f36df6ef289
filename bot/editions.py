"""Editions: translations of a source document, aligned to it sentence by sentence at index time.

A hit in an edition counts for the source passages its sentences translate, so ids and citation
links stay those of the source; an answer quotes the edition in the reader's language.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.align import Link, align
from bot.corpus import Document
from bot.ingest import Passage
from bot.numbers import numbers

# Below this share of 1-1 links an edition is probably not a translation of its source.
MIN_ONE_TO_ONE = 0.6
LOWEST_SHOWN = 3


@dataclass(frozen=True)
class Quote:
    """Where a source sentence is in an edition: the edition passage and the span in its text."""

    lang: str
    row: int
    span: tuple[int, int]


@dataclass(frozen=True)
class Editions:
    """Row maps between editions and sources, built when the index loads."""

    source_rows: np.ndarray  # passage rows of source documents, in order
    passage_pairs: tuple[np.ndarray, np.ndarray]  # (any passage row, the source row it counts for)
    sentence_pairs: tuple[np.ndarray, np.ndarray]  # the same for sentence rows
    passage_lang: np.ndarray  # passage row → its document's language
    # (source sentence row, lang) → the edition sentence rows that translate it.
    translations: dict[tuple[int, str], tuple[int, ...]]
    # source document id → the languages it has editions in.
    langs_of: dict[str, tuple[str, ...]]

    @classmethod
    def build(
        cls,
        documents: Sequence[Document],
        passages: Sequence[Passage],
        links: dict[str, list[Link]],
    ) -> Editions:
        """Maps for `passages` (index order) from each edition's alignment `links` (by doc id)."""
        sentence_rows = _sentence_rows(passages)
        sentence_passage = np.repeat(np.arange(len(passages)), [len(p.sentences) for p in passages])
        lang = {doc.id: doc.lang for doc in documents}
        sources = [row for row, p in enumerate(passages) if p.doc_id not in links]
        s_pairs = [
            (row, row) for doc, rows in sentence_rows.items() if doc not in links for row in rows
        ]
        translations: dict[tuple[int, str], tuple[int, ...]] = {}
        langs_of: dict[str, list[str]] = defaultdict(list)
        for doc in documents:
            if doc.id not in links:
                continue
            langs_of[doc.edition_of].append(doc.lang)
            source, edition = sentence_rows[doc.edition_of], sentence_rows[doc.id]
            for link in links[doc.id]:
                rows = tuple(edition[j] for j in link.edition)
                for i in link.source:
                    s_pairs.extend((row, source[i]) for row in rows)
                    if rows:
                        translations[source[i], doc.lang] = rows
        p_pairs = sorted({(int(sentence_passage[a]), int(sentence_passage[b])) for a, b in s_pairs})
        p_pairs = sorted(set(p_pairs) | {(row, row) for row in sources})
        return cls(
            source_rows=np.array(sources, dtype=np.int64),
            passage_pairs=_arrays(p_pairs),
            sentence_pairs=_arrays(sorted(set(s_pairs))),
            passage_lang=np.array([lang[p.doc_id] for p in passages], dtype=str),
            translations=translations,
            langs_of={doc: tuple(sorted(langs)) for doc, langs in langs_of.items()},
        )

    def pool(self, scores: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """Each source row's best score over itself and its translations (-inf elsewhere)."""
        pooled = np.full(len(scores), -np.inf, dtype=np.float32)
        np.maximum.at(pooled, pairs[1], scores[pairs[0]])
        return pooled

    def quote(
        self,
        sentence_row: int,
        lang: str,
        passages: Sequence[Passage],
        first_sentence: np.ndarray,
        sentence_passage: np.ndarray,
    ) -> Quote | None:
        """The edition in `lang` of one source sentence, or None when it has none."""
        rows = self.translations.get((sentence_row, lang))
        if not rows:
            return None
        # The edition passage holding the first translated sentence; a translation split over
        # two passages is quoted up to that passage's end.
        row = int(sentence_passage[rows[0]])
        numbers_in = [r - int(first_sentence[row]) for r in rows if sentence_passage[r] == row]
        spans = passages[row].sentences
        return Quote(lang, row, (spans[numbers_in[0]][0], spans[numbers_in[-1]][1]))


def _sentence_rows(passages: Sequence[Passage]) -> dict[str, list[int]]:
    """Each document's sentence rows (index order), so sentence n of a document is rows[n]."""
    rows: dict[str, list[int]] = defaultdict(list)
    row = 0
    for passage in passages:
        for _ in passage.sentences:
            rows[passage.doc_id].append(row)
            row += 1
    return rows


def _arrays(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    if not pairs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    left, right = zip(*pairs, strict=True)
    return np.array(left, dtype=np.int64), np.array(right, dtype=np.int64)


def align_editions(
    documents: Sequence[Document], passages: Sequence[Passage], sentence_vectors: np.ndarray
) -> dict[str, list[Link]]:
    """Every edition's sentence links to its source, by edition id."""
    rows = _sentence_rows(passages)
    return {
        doc.id: align(sentence_vectors[rows[doc.edition_of]], sentence_vectors[rows[doc.id]])
        for doc in documents
        if doc.edition_of
    }


def report(
    documents: Sequence[Document],
    passages: Sequence[Passage],
    links: dict[str, list[Link]],
) -> dict[str, dict]:
    """Alignment quality per edition: share of 1-1 links, the weakest links, number mismatches."""
    texts = _sentence_texts(passages)
    lang = {doc.id: doc.lang for doc in documents}
    source_of = {doc.id: doc.edition_of for doc in documents}
    reports = {}
    for doc_id, doc_links in links.items():
        source = source_of[doc_id]

        def said(ids: tuple[int, ...], doc: str) -> str:
            return " ".join(texts[doc][n] for n in ids)

        mismatches = [
            {"source": said(link.source, source), "edition": said(link.edition, doc_id)}
            for link in doc_links
            if link.source
            and link.edition
            and _numbers(link.source, texts[source], lang[source])
            != _numbers(link.edition, texts[doc_id], lang[doc_id])
        ]
        paired = [link for link in doc_links if link.source and link.edition]
        kinds = Counter(f"{len(link.source)}-{len(link.edition)}" for link in doc_links)
        reports[doc_id] = {
            "source": source,
            "lang": lang[doc_id],
            "links": len(doc_links),
            "kinds": dict(sorted(kinds.items())),
            "one_to_one": round(kinds["1-1"] / len(doc_links), 3) if doc_links else 0.0,
            "mean_score": round(float(np.mean([lk.score for lk in paired])), 4) if paired else 0.0,
            "lowest": [
                {
                    "score": link.score,
                    "source": said(link.source, source),
                    "edition": said(link.edition, doc_id),
                }
                for link in sorted(paired, key=lambda lk: lk.score)[:LOWEST_SHOWN]
            ],  # fmt: skip
            "number_mismatches": mismatches,
        }
    return reports


def _numbers(ids: tuple[int, ...], texts: list[str], lang: str) -> Counter[float]:
    return sum((numbers(texts[n], lang) for n in ids), Counter())


def _sentence_texts(passages: Sequence[Passage]) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    for passage in passages:
        texts[passage.doc_id].extend(passage.text[s:e] for s, e in passage.sentences)
    return texts


def warnings(reports: dict[str, dict]) -> list[str]:
    """What `bot index` should say about editions that align badly."""
    found = []
    for doc_id, rep in reports.items():
        if rep["one_to_one"] < MIN_ONE_TO_ONE:
            found.append(
                f"{doc_id}: only {rep['one_to_one']:.0%} of its sentences pair one to one with "
                f"{rep['source']}; is it a translation of that document, in the same order?"
            )
        if rep["number_mismatches"]:
            found.append(
                f"{doc_id}: {len(rep['number_mismatches'])} aligned sentences state other numbers "
                f"than {rep['source']} (see alignment.json in the index); check the translation."
            )
    return found
