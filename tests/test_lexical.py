"""Lexical tokens (numbers whole, stems, CJK bigrams) and the BM25 index saved as plain files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from bot.lexical import LexicalIndex

TEXTS = [
    "Shanghai comptera 813 000 sociétés de logiciels et de matériel informatique en 2021.",
    "Pékin compte environ 12 000 entreprises émergentes de technologie numérique.",
    "Максимальная глубина озера Байкал составляет 1642 м.",
    "天一阁位于浙江省宁波市，是中国现存最古老的私家藏书楼。",
    "La part du numérique atteint 5,72 % des brevets.",
]
LANGS = ["fr", "fr", "ru", "zh", "fr"]
QUERIES = [
    ("How many companies had Shanghai? 813000", "en"),
    ("entreprise émergente", "fr"),
    ("глубина Байкала", "ru"),
    ("天一阁在哪里", "zh"),
    ("5.72", "en"),
    ("ratatouille", "fr"),
]


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return LexicalIndex.build(TEXTS, LANGS)


def test_scores_rank_the_text_that_holds_the_words(lexical: LexicalIndex) -> None:
    assert lexical.langs == ("fr", "ru", "zh")
    for (query, lang), best in zip(QUERIES[:5], [0, 1, 2, 3, 4], strict=True):
        scores = lexical.scores(query, lang)
        assert scores.shape == (len(TEXTS),) and scores.dtype == np.float32
        assert int(np.argmax(scores)) == best, query
        assert scores[best] > 0


def test_a_number_matches_across_spellings(lexical: LexicalIndex) -> None:
    scores = lexical.scores("813\u202f000", "fr")
    assert scores[0] > 0 and np.count_nonzero(scores) == 1


def test_a_query_is_stemmed_in_the_corpus_languages_too(lexical: LexicalIndex) -> None:
    # An English question can still match the French word "sociétés" by its French stem.
    assert int(np.argmax(lexical.scores("sociétés", "en"))) == 0


def test_no_known_word_scores_zero_everywhere(lexical: LexicalIndex) -> None:
    scores = lexical.scores("ratatouille", "fr")
    assert scores.shape == (len(TEXTS),) and not scores.any()


def test_save_and_load_give_identical_scores_from_plain_files(
    lexical: LexicalIndex, tmp_path: Path
) -> None:
    folder = tmp_path / "lexical"
    lexical.save(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert files and all(p.suffix in (".json", ".npy") for p in files)
    for path in files:
        assert not re.match(rb"\x80[\x02-\x05]", path.read_bytes()[:2])  # no pickle
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)
        else:
            json.loads(path.read_text(encoding="utf-8"))
    loaded = LexicalIndex.load(folder, lexical.langs)
    assert loaded.langs == lexical.langs
    for query, lang in QUERIES:
        np.testing.assert_array_equal(loaded.scores(query, lang), lexical.scores(query, lang))


def test_the_saved_scores_sum_as_bm25s_scores_them(lexical: LexicalIndex, tmp_path: Path) -> None:
    # A query sums the saved score matrix itself; bm25s, loading the same files, must agree.
    import bm25s

    from bot.tokens import tokenize

    lexical.save(tmp_path / "lexical")
    fr_rows = [n for n, lang in enumerate(LANGS) if lang == "fr"]
    retriever = bm25s.BM25.load(str(tmp_path / "lexical" / "fr"))
    for query in ("entreprise émergente entreprise", "813000 sociétés brevets", "numérique"):
        words = [w for w in tokenize(query, ["fr"]) if w in retriever.vocab_dict]
        expected = retriever.get_scores(words)
        np.testing.assert_allclose(lexical.scores(query, "fr")[fr_rows], expected, rtol=1e-6)
