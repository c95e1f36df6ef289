"""Summaries as served: chosen at index time, cited, rendered through the editions."""

from __future__ import annotations

import pytest

from bot.phrases import phrase
from bot.summary import find_scope, scopes, summarize_scope, titled_scopes

ARTICLE = "000_bab5460f06c5e48c"


def test_scopes_are_documents_then_parts(engine) -> None:  # noqa: ANN001
    ids = [scope.id for scope in scopes(engine.index)]
    assert ids[0] == ARTICLE and find_scope(engine.index, "article") == ARTICLE
    assert [f"{ARTICLE}-part{n}" for n in (1, 2, 3, 4)] == [
        i for i in ids if i.startswith(ARTICLE + "-")
    ]
    assert not any("." in scope.doc_id for scope in scopes(engine.index))  # no edition is a scope
    assert find_scope(engine.index, "nowhere") is None


@pytest.mark.parametrize("lang", ["ar", "de", "en", "es", "it", "ja", "ko", "pt", "ru", "zh"])
def test_a_summary_in_an_edition_language_quotes_the_edition(engine, lang: str) -> None:  # noqa: ANN001
    summary = summarize_scope(engine.index, "article", lang, "medium")
    assert summary is not None and (summary.lang, summary.answer_lang, summary.lead) == (
        lang,
        lang,
        "",
    )
    assert 5 <= len(summary.points) <= 12
    for point in summary.points:
        (citation,) = point.citations
        assert citation.edition is not None and citation.edition.lang == lang
        assert point.text == citation.edition.text[slice(*citation.edition.span)] + " [1]"
        passage = engine.passage(citation.passage_id)
        assert passage.doc_id == ARTICLE and citation.span in passage.sentences


def test_the_source_language_gets_the_source(engine) -> None:  # noqa: ANN001
    summary = summarize_scope(engine.index, "article", "fr", "short")
    assert (summary.answer_lang, summary.lead) == ("fr", "")
    assert all(p.citations[0].edition is None for p in summary.points)
    assert summary.title.startswith("Pékin construit")


def test_a_language_without_an_edition_gets_the_source_under_a_label(engine) -> None:  # noqa: ANN001
    summary = summarize_scope(engine.index, "baikal_ru", "es", "short")
    assert (summary.lang, summary.answer_lang) == ("es", "ru")
    assert summary.lead == phrase("according_to", "es")


def test_every_point_of_the_article_summary_is_in_one_of_its_parts_and_all_three_are_covered(
    engine,  # noqa: ANN001
) -> None:
    summary = summarize_scope(engine.index, "article", "en", "medium")
    sections = {engine.passage(p.citations[0].passage_id).section_path[:1] for p in summary.points}
    titles = {s.title for s in titled_scopes(engine.index, "fr") if s.doc_id == ARTICLE}
    covered = {path[0] for path in sections if path}
    assert sum(title.startswith(("01", "02", "03")) for title in covered & titles) == 3


def test_part_titles_come_in_the_readers_language(engine) -> None:  # noqa: ANN001
    english = {s.id: s.title for s in titled_scopes(engine.index, "en")}
    chinese = {s.id: s.title for s in titled_scopes(engine.index, "zh")}
    assert english[f"{ARTICLE}-part2"].startswith("02. Further refinement")
    assert chinese[f"{ARTICLE}-part2"].startswith("02、")
    assert english[ARTICLE].startswith("Beijing builds")


def test_lengths_grow_and_a_part_summary_stays_in_its_part(engine) -> None:  # noqa: ANN001
    sizes = [len(summarize_scope(engine.index, f"{ARTICLE}-part2", "en", n).points)
             for n in ("short", "medium", "long")]  # fmt: skip
    assert sizes[0] < sizes[1] <= sizes[2]
    part = {s.id: s for s in scopes(engine.index)}[f"{ARTICLE}-part2"]
    for point in summarize_scope(engine.index, f"{ARTICLE}-part2", "en", "long").points:
        assert point.citations[0].passage_id in part.passage_ids


def test_summaries_are_stored_with_the_index_and_deterministic(engine, settings) -> None:  # noqa: ANN001
    import json

    stored = json.loads((settings.index / "summaries.json").read_text(encoding="utf-8"))
    assert stored == engine.index.summaries
    assert summarize_scope(engine.index, "article", "en", "medium") == summarize_scope(
        engine.index, "article", "en", "medium"
    )


@pytest.mark.parametrize("length", ["short", "medium"])
def test_a_quotation_comes_with_who_says_it(engine, length: str) -> None:  # noqa: ANN001
    # Shanghai's part summary opened with "\"Nous sommes très optimistes…\"" and "Il a déclaré…":
    # its speaker, Huang Zhaoying, is named three sentences before the quotation.
    summary = summarize_scope(engine.index, "000_bab5460f06c5e48c-part2", "fr", length)
    texts = [p.text for p in summary.points]
    quoted = next(i for i, t in enumerate(texts) if t.startswith('"Nous sommes très optimistes'))
    assert any(t.startswith("Huang Zhaoying a déclaré") for t in texts[:quoted])
