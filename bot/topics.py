"""Topics: each document's passages clustered by meaning (average linkage over cosine, about √n
clusters), labelled with key terms in every language the document has (bot.labels)."""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.facts import is_content
from bot.ingest import Passage
from bot.labels import joiner, key_terms


@dataclass(frozen=True)
class Topic:
    """A cluster of a source document's passages, with labels per language."""

    id: str
    doc_id: str
    labels: dict[str, str]  # language → key terms joined for reading
    terms: dict[str, tuple[str, ...]]  # language → the key terms, most distinctive first
    passage_ids: tuple[str, ...]  # source passage ids, in document order


def find_topics(
    passages: Sequence[Passage],
    passage_vectors: np.ndarray,
    source_rows: Sequence[int],
    passage_pairs: tuple[np.ndarray, np.ndarray],
    passage_lang: np.ndarray,
) -> list[Topic]:
    """The topics of every source document, documents in index order, topics by first passage."""
    vectors = np.asarray(passage_vectors, dtype=np.float32)
    editions_of: dict[int, list[int]] = defaultdict(list)  # source row → its edition rows
    for row, source in zip(*passage_pairs, strict=True):
        if row != source:
            editions_of[int(source)].append(int(row))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for row in source_rows:
        if _clusterable(passages[row]):
            by_doc[passages[row].doc_id].append(int(row))
    topics = []
    for doc_id, rows in by_doc.items():
        clusters = cluster(_centred([_mean(vectors, [row, *editions_of[row]]) for row in rows]))
        if len(clusters) < 2:
            continue  # one topic is the whole document: nothing to narrow to
        member_rows = [[rows[i] for i in members] for members in clusters]
        labels = _terms_by_lang(passages, member_rows, editions_of, passage_lang)
        for n, members in enumerate(member_rows):
            ids = tuple(passages[row].id for row in members)
            terms = {lang: found[n] for lang, found in labels.items() if found[n]}
            topics.append(
                Topic(
                    id=topic_id(doc_id, ids),
                    doc_id=doc_id,
                    labels={lang: joiner(lang).join(t) for lang, t in terms.items()},
                    terms=terms,
                    passage_ids=ids,
                )
            )
    return topics


def topic_id(doc_id: str, passage_ids: Sequence[str]) -> str:
    """An id from the topic's members: the same passages give the same id in any rebuild, and a
    topic whose members changed gets a new id rather than an old link showing other passages."""
    digest = hashlib.sha1("\n".join(sorted(passage_ids)).encode()).hexdigest()
    return f"{doc_id}-topic-{digest[:8]}"


def _clusterable(passage: Passage) -> bool:
    # Reference entries and figure captions have no content sentence; they belong to no topic.
    return any(is_content(passage, n) for n in range(len(passage.sentences)))


def _mean(vectors: np.ndarray, rows: list[int]) -> np.ndarray:
    mean = vectors[rows].mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def _centred(rows: list[np.ndarray]) -> np.ndarray:
    # e5 puts all of a document's passages close together (cosines crowd near 0.85): without the
    # component they share, what sets each passage apart decides the clusters.
    matrix = np.vstack(rows)
    matrix = matrix - matrix.mean(axis=0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def target_clusters(n: int) -> int:
    """About √n clusters for n passages."""
    return max(1, round(math.sqrt(n)))


def cluster(vectors: np.ndarray, min_size: int = 2) -> list[list[int]]:
    """Average-linkage agglomerative clustering on cosine (rows are unit vectors) down to
    √n clusters; a cluster smaller than `min_size` then joins its nearest. Deterministic: ties
    go to the pair with the smallest indices. Clusters are sorted by their first member."""
    n = len(vectors)
    clusters = [[i] for i in range(n)]
    # Sum of similarities between every two clusters: average linkage is sum / (|A|·|B|).
    sums = (vectors @ vectors.T).astype(np.float64)
    target = target_clusters(n)
    while len(clusters) > 1 and (len(clusters) > target or min(map(len, clusters)) < min_size):
        sizes = np.array([len(c) for c in clusters], dtype=np.float64)
        average = sums / np.outer(sizes, sizes)
        np.fill_diagonal(average, -np.inf)
        if len(clusters) <= target:  # only small clusters may merge now
            small = sizes < min_size
            average[~small[:, None] & ~small[None, :]] = -np.inf
        a, b = sorted(np.unravel_index(int(np.argmax(average)), average.shape))
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sums = np.delete(np.delete(sums, b, axis=0), b, axis=1)
    return sorted(clusters)


def _terms_by_lang(
    passages: Sequence[Passage],
    clusters: list[list[int]],
    editions_of: dict[int, list[int]],
    passage_lang: np.ndarray,
) -> dict[str, list[tuple[str, ...]]]:
    """Each language's key terms for every cluster, from the cluster's texts in that language:
    its passages, and once each the headings they are under (authors name topics there)."""
    texts: dict[str, list[list[str]]] = defaultdict(lambda: [[] for _ in clusters])
    seen: set[int] = set()
    for n, rows in enumerate(clusters):
        members = []
        for row in rows:
            # An edition passage that translates passages of two clusters counts for the first.
            members += [row, *(e for e in editions_of[row] if e not in seen)]
            seen.update(editions_of[row])
        headings: dict[str, dict[str, None]] = defaultdict(dict)
        for row in members:
            lang = str(passage_lang[row])
            texts[lang][n].append(passages[row].text)
            headings[lang].update(dict.fromkeys(passages[row].section_path))
        for lang, titles in headings.items():
            texts[lang][n].extend(titles)
    return {lang: key_terms(by_cluster, lang) for lang, by_cluster in sorted(texts.items())}


def in_language(
    topics: Sequence[Topic], lang: str, doc_langs: dict[str, str]
) -> list[dict[str, object]]:
    """Each topic as shown to a reader of `lang`: its label and terms in `lang` when its document
    has that edition, else in the document's own language (`doc_langs`)."""
    shown = []
    for topic in topics:
        label_lang = lang if lang in topic.labels else doc_langs[topic.doc_id]
        shown.append(
            {"id": topic.id, "doc_id": topic.doc_id, "lang": label_lang,
             "label": topic.labels[label_lang], "terms": list(topic.terms[label_lang]),
             "passage_ids": list(topic.passage_ids)}
        )  # fmt: skip
    return shown
