"""Sentence alignment: a monotonic programme over vectors, with 1-1, 1-2, 2-1 and skipped links."""

from __future__ import annotations

import numpy as np

from bot.align import align


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def sentences(n: int, seed: int = 0) -> np.ndarray:
    """n unrelated sentence vectors, as a multilingual model gives them: all somewhat alike."""
    rng = np.random.default_rng(seed)
    shared = rng.normal(size=64)
    return unit(shared * 2 + rng.normal(size=(n, 64)))


def noisy(vectors: np.ndarray, seed: int = 1) -> np.ndarray:
    """A translation: each vector moved by about 0.7 of its length (as with real models, a
    translation sits not far above unrelated sentences)."""
    noise = np.random.default_rng(seed).normal(size=vectors.shape) / np.sqrt(vectors.shape[1])
    return unit(vectors + 0.7 * noise)


def shape(links) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:  # noqa: ANN001
    return [(link.source, link.edition) for link in links]


def test_a_faithful_translation_links_one_to_one() -> None:
    source = sentences(30)
    links = align(source, noisy(source))
    assert shape(links) == [((i,), (i,)) for i in range(30)]
    assert all(link.score > 0.5 for link in links)


def test_two_sentences_translated_as_one_are_one_link() -> None:
    source = sentences(20)
    merged = unit(source[7:8] + source[8:9])
    edition = noisy(np.vstack([source[:7], merged, source[9:]]))
    links = shape(align(source, edition))
    assert ((7, 8), (7,)) in links
    assert ((9,), (8,)) in links and ((6,), (6,)) in links


def test_one_sentence_translated_as_two_is_one_link() -> None:
    source = sentences(20)
    halves = unit(
        np.vstack([source[5] + 0.4 * sentences(1, 9)[0], source[5] + 0.4 * sentences(1, 8)[0]])
    )
    edition = noisy(np.vstack([source[:5], halves, source[6:]]))
    assert ((5,), (5, 6)) in shape(align(source, edition))


def test_a_sentence_left_out_is_linked_to_nothing() -> None:
    source = sentences(20)
    edition = noisy(np.delete(source, 12, axis=0))
    links = shape(align(source, edition))
    assert ((12,), ()) in links
    assert ((13,), (12,)) in links and ((11,), (11,)) in links


def test_links_cover_both_sides_once_and_in_order() -> None:
    source, edition = sentences(15, 3), sentences(11, 4)  # not a translation at all
    links = align(source, edition)
    assert [i for link in links for i in link.source] == list(range(15))
    assert [j for link in links for j in link.edition] == list(range(11))


def test_empty_sides() -> None:
    assert shape(align(sentences(2), np.zeros((0, 64), dtype=np.float32))) == [
        ((0,), ()),
        ((1,), ()),
    ]
    assert align(np.zeros((0, 64), dtype=np.float32), np.zeros((0, 64), dtype=np.float32)) == []
