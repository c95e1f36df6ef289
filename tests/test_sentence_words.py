"""Each sentence's search words, stored compactly: the same sets as before, read per slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sentence_words import SentenceWords

SENTENCES = [["pékin", "ia", "beij"], [], ["shanghai", "ia"], ["元宇宙", "shanghai"]]


def test_a_round_trip_gives_the_same_sets(tmp_path: Path) -> None:
    built = SentenceWords.build(SENTENCES)
    built.save(tmp_path)
    loaded = SentenceWords.load(tmp_path)
    expected = tuple(frozenset(s) for s in SENTENCES)
    assert len(loaded) == 4
    assert loaded[0:4] == expected == tuple(loaded)
    assert loaded[1:3] == expected[1:3] and loaded[3] == frozenset({"元宇宙", "shanghai"})
    assert loaded[-1] == loaded[3]
    with pytest.raises(IndexError):
        loaded[4]
    # Each word is stored once, whatever the number of sentences holding it.
    assert loaded.words == ("beij", "ia", "pékin", "shanghai", "元宇宙")


def test_the_same_words_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    SentenceWords.build(SENTENCES).save(first)
    SentenceWords.build([list(reversed(s)) for s in SENTENCES]).save(second)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()


def test_the_index_holds_each_sentences_words(engine) -> None:  # noqa: ANN001
    words = engine.index.sentence_words
    assert len(words) == len(engine.index.sentence_passage)
    # A source sentence's words include its translations' ("人工智能" from the Chinese edition).
    first = int(engine.index.passage_first_sentence[engine.index.rows_by_id[
        next(p.id for p in engine.passages_of("000_bab5460f06c5e48c")
             if "intelligence artificielle" in p.text)
    ]])  # fmt: skip
    assert "intellig" in words[first]  # French, stemmed
    assert any("\u4e00" <= c <= "\u9fff" for w in words[first] for c in w)  # Chinese bigrams
