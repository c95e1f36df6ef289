"""Focused summaries: the cited points the article holds on a subject, or a refusal."""

from __future__ import annotations

from bot.focus import ABOUT
from bot.summary import summarize_scope

ARTICLE = "000_bab5460f06c5e48c"


def sources(summary) -> list[str]:  # noqa: ANN001
    """The source sentences behind a summary's points."""
    return [p.citations[0].text[slice(*p.citations[0].span)] for p in summary.points]


def test_a_subject_gets_the_points_about_it_in_text_order(engine) -> None:  # noqa: ANN001
    summary = engine.focused_summary("la puissance de calcul", "fr", "medium")
    assert (summary.scope, summary.about, summary.answered, summary.lead) == (
        ABOUT, "la puissance de calcul", True, "",
    )  # fmt: skip
    said = sources(summary)
    assert 2 <= len(said) <= 12
    assert sum("puissance de calcul" in s for s in said) >= 2
    # The Partnership Programme's computing-power partners are among them, cited in the source.
    assert any("Beijing Super Cloud Computing Center" in s for s in said)
    rows = [
        (engine.index.rows_by_id[p.citations[0].passage_id], p.citations[0].span)
        for p in summary.points
    ]
    assert rows == sorted(rows)
    for point in summary.points:
        passage = engine.passage(point.citations[0].passage_id)
        assert passage.doc_id == ARTICLE and point.citations[0].span in passage.sentences


def test_a_subject_holds_the_sentences_that_fit_it_best(engine) -> None:  # noqa: ANN001
    # Relevance first: the one figure the article gives on AI talent is a point, although the
    # whole-article rules (facts over centrality) would rather pick other figures nearby.
    said = sources(engine.focused_summary("AI talent", "en", "medium"))
    assert any("40 000 talents" in s for s in said)


def test_it_is_not_the_article_summary(engine) -> None:  # noqa: ANN001
    focused = sources(engine.focused_summary("Huang Zhaoying", "en", "medium"))
    whole = sources(summarize_scope(engine.index, "article", "en", "medium"))
    assert any("Huang Zhaoying" in s for s in focused)
    assert set(focused) != set(whole)


def test_points_come_in_the_readers_language_through_the_editions(engine) -> None:  # noqa: ANN001
    summary = engine.focused_summary("Web3", "zh", "short")
    assert summary.answered and summary.answer_lang == "zh"
    for point in summary.points:
        edition = point.citations[0].edition
        assert edition is not None and edition.lang == "zh"
        assert point.text == edition.text[slice(*edition.span)] + " [1]"
    assert any("Web3" in s for s in sources(summary))


def test_a_narrow_subject_gets_the_passage_that_writes_it_not_its_neighbours(engine) -> None:  # noqa: ANN001
    # Once seven points, one on unicorns: the others (Apple, talents, patents) were merely close.
    summary = engine.focused_summary("Qu'est-ce que l'article dit des licornes ?", "fr", "medium")
    assert summary.answered and 1 <= len(summary.points) <= 3
    assert any("licornes" in s for s in sources(summary))
    passages = {c.passage_id for p in summary.points for c in p.citations}
    assert all("licorne" in engine.passage(p).text for p in passages)


def test_a_subject_in_everyday_words_gets_the_passages_that_write_them(engine) -> None:  # noqa: ANN001
    # "talent" is too common a word to be a key term: its points had opened on Huang Zhaoying's
    # quotes ("say" draws speech). The words after "about" pick the passages.
    summary = engine.focused_summary("What does the article say about talent?", "en", "medium")
    said = sources(summary)
    assert any("40 000 talents" in s for s in said)
    assert not any("Huang Zhaoying" in s for s in said)


def test_a_subject_the_article_never_treats_is_refused(engine) -> None:  # noqa: ANN001
    summary = engine.focused_summary("the recipe for ratatouille", "en", "medium")
    assert not summary.answered and summary.points == ()
    assert "ratatouille" in summary.lead.lower()


def test_the_chat_gives_a_focused_summary_for_a_subject(engine) -> None:  # noqa: ANN001
    answer = engine.ask("Résume ce que dit l'article sur la puissance de calcul")
    whole = engine.ask("Résume l'article.")
    assert (answer.kind, whole.kind) == ("summary", "summary")
    said = [c.text[slice(*c.span)] for c in answer.citations]
    assert sum("puissance de calcul" in s for s in said) >= 2
    assert {c.passage_id for c in answer.citations} != {c.passage_id for c in whole.citations}


def test_the_chat_still_summarises_a_part_it_names(engine) -> None:  # noqa: ANN001
    answer = engine.ask("Résume la deuxième partie.")
    part = summarize_scope(engine.index, f"{ARTICLE}-part2", "fr", "medium")
    assert [c.passage_id for c in answer.citations] == [
        p.citations[0].passage_id for p in part.points
    ]


def test_the_chat_refuses_a_subject_the_article_never_treats(engine) -> None:  # noqa: ANN001
    answer = engine.ask("Résume ce que dit l'article sur les recettes de ratatouille.")
    assert (answer.kind, answer.answered) == ("not_found", False)
    assert "ratatouille" in answer.answer


def test_the_chat_refuses_a_subject_of_everyday_words_it_never_writes(engine) -> None:  # noqa: ANN001
    # Once answered with eight points on Huang Zhaoying and the metaverse.
    answer = engine.ask("What does the article say about football?")
    assert (answer.kind, answer.answer) == ("not_found", "The article does not mention “football”.")
    assert engine.ask("What does the article say about data?").answered


def test_a_word_asking_where_in_the_text_is_no_subject(engine) -> None:  # noqa: ANN001
    # "anywhere" is rare enough in English to count as a word the article lacks.
    answer = engine.ask("Is Baidu mentioned anywhere in the text?")
    assert answer.answered and "Baidu" in answer.answer
    missing = engine.ask("Is Tesla mentioned anywhere in the text?")
    assert not missing.answered and "Tesla" in missing.answer
