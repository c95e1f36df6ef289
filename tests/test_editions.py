"""Editions: declared in metadata, aligned at index time, searched together, quoted in the
reader's language; the article's ten editions are checked number by number."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from bot.align import align
from bot.corpus import read_corpus
from bot.editions import report, warnings
from bot.errors import CorpusError
from bot.ingest import split_passages

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "000_bab5460f06c5e48c"
# The article is French; an edition in each other language its readers ask in.
EDITIONS = ("ar", "de", "en", "es", "it", "ja", "ko", "pt", "ru", "zh")


def test_the_article_has_an_edition_in_every_readers_language(engine) -> None:  # noqa: ANN001
    editions = {d.id: (d.lang, d.edition_of) for d in engine.index.documents if d.edition_of}
    for lang in EDITIONS:
        assert editions[f"{ARTICLE}.{lang}"] == (lang, ARTICLE)
    assert engine.index.editions.langs_of[ARTICLE] == EDITIONS
    assert engine.index.manifest.editions == 11  # the article's ten and the test document's one


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_article_editions_align_sentence_for_sentence(engine, lang: str) -> None:  # noqa: ANN001
    quality = engine.index.alignment[f"{ARTICLE}.{lang}"]
    assert quality["one_to_one"] >= 0.95
    assert quality["mean_score"] > 0.85
    assert quality["number_mismatches"] == []


def test_every_aligned_pair_states_the_same_numbers(engine) -> None:  # noqa: ANN001
    """Recomputed here from the stored links, not read from the build's report."""
    index = engine.index
    quality = report(index.documents, index.passages, index.links)
    assert {doc: q["number_mismatches"] for doc, q in quality.items()} == {
        doc: [] for doc in quality
    }


def test_a_tampered_number_is_found(engine) -> None:  # noqa: ANN001
    index = engine.index
    passages = [
        dataclasses.replace(p, text=p.text.replace("813,000", "831,000"))
        if p.doc_id == f"{ARTICLE}.en" else p
        for p in index.passages
    ]  # fmt: skip
    assert any("831,000" in p.text for p in passages)
    quality = report(index.documents, passages, index.links)
    mismatches = quality[f"{ARTICLE}.en"]["number_mismatches"]
    assert len(mismatches) == 1
    assert "813 000" in mismatches[0]["source"] and "831,000" in mismatches[0]["edition"]
    assert any("state other numbers" in w for w in warnings(quality))


def test_a_users_translation_is_aligned_too(engine) -> None:  # noqa: ANN001
    """tests/data/aceite_es.en.txt joins two Spanish sentences into one English one."""
    quality = engine.index.alignment["aceite_es.en"]
    assert quality["kinds"].get("2-1") == 1
    assert quality["number_mismatches"] == []
    assert not warnings({"aceite_es.en": quality})


def test_a_text_that_is_no_translation_is_warned_about(engine) -> None:  # noqa: ANN001
    index = engine.index
    vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)
    rows = {doc: [] for doc in ("aceite_es", "baikal_ru")}
    for row, passage_row in enumerate(index.sentence_passage):
        doc = index.passages[passage_row].doc_id
        if doc in rows:
            rows[doc].append(row)
    documents = [
        dataclasses.replace(d, edition_of="aceite_es") if d.id == "baikal_ru" else d
        for d in index.documents
    ]
    links = {"baikal_ru": align(vectors[rows["aceite_es"]], vectors[rows["baikal_ru"]])}
    said = warnings(report(documents, index.passages, links))
    assert any(w.startswith("baikal_ru: only") for w in said)


# --- declarations -------------------------------------------------------------------------------


def corpus_with(tmp_path: Path, meta: dict, name: str = "article.en") -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_text("Un titre\n\nLe lac est profond de 1 642 mètres.\n")
    (folder / f"{name}.txt").write_text("A title\n\nThe lake is 1,642 metres deep.\n")
    (folder / f"{name}.meta.json").write_text(json.dumps(meta))
    return folder


def test_an_edition_is_linked_to_its_source(tmp_path: Path) -> None:
    docs = read_corpus(corpus_with(tmp_path, {"lang": "en", "edition_of": "article"}))
    assert [(d.id, d.edition_of) for d in docs] == [("article", ""), ("article.en", "article")]


@pytest.mark.parametrize(
    ("meta", "said"),
    [
        ({"lang": "en", "edition_of": "missing"}, "is an edition of 'missing', which is not in"),
        ({"lang": "english", "edition_of": "article"}, "not an ISO 639-1 code"),
        ({"edition_of": "article"}, "declares an edition but no lang"),
        ({"lang": "fr", "edition_of": "article"}, "the language of its source"),
    ],
)
def test_a_broken_declaration_names_the_file(tmp_path: Path, meta: dict, said: str) -> None:
    folder = corpus_with(tmp_path, meta)
    (folder / "article.meta.json").write_text('{"lang": "fr"}')
    with pytest.raises(CorpusError, match=said) as error:
        read_corpus(folder)
    assert "article.en" in str(error.value) and "bot index" in str(error.value)


def test_an_edition_of_an_edition_is_refused(tmp_path: Path) -> None:
    folder = corpus_with(tmp_path, {"lang": "en", "edition_of": "article"})
    (folder / "article.meta.json").write_text('{"lang": "fr"}')
    (folder / "article.de.txt").write_text("Ein Titel\n\nDer See ist 1.642 Meter tief.\n")
    (folder / "article.de.meta.json").write_text('{"lang": "de", "edition_of": "article.en"}')
    with pytest.raises(CorpusError, match="itself an edition; name the source instead"):
        read_corpus(folder)


def test_source_passage_ids_do_not_change_when_editions_are_added(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    with_editions = read_corpus(folder)
    for path in folder.glob(f"{ARTICLE}.*.*"):
        path.unlink()
    alone = read_corpus(folder)
    assert [p.id for p in split_passages(alone[0])] == [
        p.id for p in split_passages(with_editions[0])
    ]


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_edition_has_the_sources_parts_and_captions(lang: str) -> None:
    """Headings at the source's levels, and figure captions not taken for headings ("図2：…")."""
    source = read_corpus(ROOT / "corpus")
    levels = {doc.id: [level for *_, level in doc.headings] for doc in source}
    assert levels[f"{ARTICLE}.{lang}"] == levels[ARTICLE]
