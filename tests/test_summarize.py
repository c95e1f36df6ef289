"""Extractive summaries over the session index: parts, sentence choice, and key-fact coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from bot.facts import is_content, refers_back, sentence_text
from bot.ingest import load_passages
from bot.parts import document_rows, parts
from bot.summarize import POINTS, points, summarize

ARTICLE = "000_bab5460f06c5e48c"
FACTS = Path(__file__).resolve().parent.parent / "eval" / "summary_facts.json"


@pytest.fixture(scope="module")
def index(engine):  # -> bot.index.Index
    return engine.index


@pytest.fixture(scope="module")
def vectors(index) -> np.ndarray:
    return index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)


@pytest.fixture(scope="module")
def facts() -> dict:
    return json.loads(FACTS.read_text(encoding="utf-8"))


def texts(index, chosen: list[tuple[int, int]]) -> list[str]:
    return [sentence_text(index.passages[row], n) for row, n in chosen]


def coverage(chosen_texts: list[str], facts: list[dict]) -> float:
    """Share of facts with a key in a chosen sentence, white space and case ignored."""
    squashed = [re.sub(r"\s+", "", t).lower() for t in chosen_texts]
    hits = [
        any(re.sub(r"\s+", "", k).lower() in t for k in f["keys"] for t in squashed) for f in facts
    ]
    return sum(hits) / len(facts)


def content(index, rows) -> list[tuple[int, int]]:
    return [
        (r, n)
        for r in rows
        for n in range(len(index.passages[r].sentences))
        if is_content(index.passages[r], n)
    ]


def test_the_article_has_its_three_numbered_parts_and_the_references(index):
    found = [p for p in parts(index.passages) if p.doc_id == ARTICLE]
    assert [p.id for p in found] == [f"{ARTICLE}-part{n}" for n in range(1, 5)]
    assert [p.title[:3] for p in found[:3]] == ["01,", "02,", "03,"]
    assert found[3].title.startswith("Matériel de référence")
    rows = [row for p in found for row in p.passage_rows]
    assert rows == sorted(rows) == list(range(rows[0], rows[-1] + 1))
    # The lead (before the first heading) belongs to no part, but to the whole document.
    lead = [row for row in document_rows(index.passages, ARTICLE) if row < rows[0]]
    assert lead and all(not index.passages[row].section_path for row in lead)
    assert document_rows(index.passages, ARTICLE) == lead + rows


def test_part_ids_are_the_same_after_a_fresh_ingest(index, settings):
    _, fresh = load_passages(settings.corpus)
    again = [(p.id, p.title, [fresh[r].id for r in p.passage_rows]) for p in parts(fresh)]
    built = [
        (p.id, p.title, [index.passages[r].id for r in p.passage_rows])
        for p in parts(index.passages)
    ]
    assert again == built


@pytest.mark.parametrize("length", POINTS)
def test_a_summary_is_deterministic_in_text_order_and_in_the_scope(index, vectors, length):
    for doc in index.documents:
        rows = document_rows(index.passages, doc.id)
        chosen = summarize(index.passages, vectors, rows, length)
        assert chosen == summarize(index.passages, vectors, rows, length)
        assert chosen == sorted(set(chosen))
        assert chosen and all(row in rows for row, _ in chosen), doc.id
        said = [" ".join(t.lower().split()) for t in texts(index, chosen)]
        assert len(said) == len(set(said)), doc.id  # a sentence the text repeats is one point


@pytest.mark.parametrize("length", POINTS)
def test_no_question_reference_or_caption_is_chosen(index, vectors, length):
    for doc in index.documents:
        chosen = summarize(index.passages, vectors, document_rows(index.passages, doc.id), length)
        for row, n in chosen:
            assert is_content(index.passages[row], n)
        for text in texts(index, chosen):
            assert not re.match(r"\s*(\[\d+\]|Figure \d|图\d)", text), text
            assert not text.rstrip("\"'”»）) ").endswith(("?", "？")), text


@pytest.mark.parametrize("length", POINTS)
def test_a_point_leaning_on_the_sentence_before_comes_with_it(index, vectors, length):
    # "Il a déclaré que…" alone names no one: its antecedent is a point just before it.
    leaning = 0
    for scope in [*(document_rows(index.passages, d.id) for d in index.documents),
                  *(p.passage_rows for p in parts(index.passages))]:  # fmt: skip
        chosen = summarize(index.passages, vectors, scope, length)
        for at, (row, n) in enumerate(chosen):
            if refers_back(sentence_text(index.passages[row], n)):
                leaning += 1
                last = len(index.passages[row - 1].sentences) - 1
                before = (row, n - 1) if n else (row - 1, last)
                assert at and chosen[at - 1] == before, sentence_text(index.passages[row], n)
    assert leaning  # the article's part 2 quotes "Il a déclaré…"


@pytest.mark.parametrize("length", POINTS)
def test_an_article_summary_has_a_point_in_each_numbered_part(index, vectors, length):
    chosen = summarize(index.passages, vectors, document_rows(index.passages, ARTICLE), length)
    numbered = [p for p in parts(index.passages) if p.doc_id == ARTICLE][:3]
    for part in numbered:
        assert any(row in part.passage_rows for row, _ in chosen), part.title


def test_lengths_are_ordered_and_medium_has_at_most_twelve_points(index, vectors):
    rows = document_rows(index.passages, ARTICLE)
    short, medium, long = (len(summarize(index.passages, vectors, rows, x)) for x in POINTS)
    assert short < medium <= long
    assert medium <= 12


def test_a_part_summary_stays_in_its_part_and_is_shorter(index, vectors):
    part = next(p for p in parts(index.passages) if p.id == f"{ARTICLE}-part2")
    chosen = summarize(index.passages, vectors, part.passage_rows, "medium")
    assert 1 <= len(chosen) < 12
    assert all(row in part.passage_rows for row, _ in chosen)


def test_a_tiny_document_still_summarises(index, vectors):
    rows = document_rows(index.passages, "aceite_es")
    sentences = len(content(index, rows))
    for length in POINTS:
        chosen = summarize(index.passages, vectors, rows, length)
        assert 1 <= len(chosen) == points(sentences, length) <= sentences
        assert "¿Qué significa" not in " ".join(texts(index, chosen))


def test_points_scale_with_the_scope():
    assert [points(90, x) for x in POINTS] == [5, 12, 20]
    assert [points(30, x) for x in POINTS] == [3, 7, 13]
    assert [points(1, x) for x in POINTS] == [1, 1, 1]


def test_an_unknown_length_is_refused(index, vectors):
    with pytest.raises(ValueError, match="short, medium, long"):
        summarize(index.passages, vectors, [0], "tiny")  # type: ignore[arg-type]


def test_the_key_facts_are_in_the_article_verbatim(index, facts):
    by_id = {p.id: p for p in parts(index.passages)}
    scopes = [(document_rows(index.passages, ARTICLE), facts["document"])]
    scopes += [
        (by_id[part_id].passage_rows, part_facts) for part_id, part_facts in facts["parts"].items()
    ]
    assert 15 <= len(facts["document"]) <= 25
    assert all(6 <= len(f) <= 12 for f in facts["parts"].values())
    for rows, scope_facts in scopes:
        everything = [
            sentence_text(index.passages[r], n)
            for r in rows
            for n in range(len(index.passages[r].sentences))
        ]
        for fact in scope_facts:
            assert coverage(everything, [fact]) == 1, fact["fact"]


def test_the_held_out_key_facts_are_in_their_documents_verbatim(index, facts):
    assert set(facts["held_out"]) == {"aceite_es", "baikal_ru", "tianyige_zh"}
    for doc_id, doc_facts in facts["held_out"].items():
        assert 6 <= len(doc_facts) <= 10, doc_id
        rows = document_rows(index.passages, doc_id)
        everything = [
            sentence_text(index.passages[r], n)
            for r in rows
            for n in range(len(index.passages[r].sentences))
        ]
        for fact in doc_facts:
            assert coverage(everything, [fact]) == 1, fact["fact"]


def test_the_medium_article_summary_beats_the_lead_on_key_facts(index, vectors, facts):
    rows = document_rows(index.passages, ARTICLE)
    chosen = summarize(index.passages, vectors, rows, "medium")
    ours = coverage(texts(index, chosen), facts["document"])
    lead = coverage(texts(index, content(index, rows)[: len(chosen)]), facts["document"])
    assert ours >= 0.5  # measured 0.58 (11 of 19); the oracle's ceiling is 0.74
    assert ours > lead


def test_the_held_out_documents_get_more_key_facts_than_their_lead(index, vectors, facts):
    # Facts written before the method was changed (docs/EVALUATION.md: how held out they are).
    ours, leads = [], []
    for doc_id, doc_facts in facts["held_out"].items():
        rows = document_rows(index.passages, doc_id)
        chosen = summarize(index.passages, vectors, rows, "medium")
        ours.append(coverage(texts(index, chosen), doc_facts))
        leads.append(coverage(texts(index, content(index, rows)[: len(chosen)]), doc_facts))
        assert ours[-1] >= leads[-1], doc_id
    assert sum(ours) > sum(leads)


@pytest.mark.xfail(
    reason="issue 8's target is out of reach of 12 one-sentence points: the article states its "
    "facts about one to a sentence, so 12 sentences hold at most 14 of the 19 (0.74, the "
    "oracle); bot gets 0.58. See docs/EVALUATION.md, Summaries",
    strict=True,
)
def test_the_medium_article_summary_covers_four_fifths_of_the_key_facts(index, vectors, facts):
    chosen = summarize(index.passages, vectors, document_rows(index.passages, ARTICLE), "medium")
    assert coverage(texts(index, chosen), facts["document"]) >= 0.8
