"""Composing the answer from a real retrieval: sentence ranking, the choice of sentences,
cited quotes in reading order, the language prefix, and abstentions that show nearest passages."""

from __future__ import annotations

import re

import pytest

from bot.abstain import Abstainer
from bot.answer import MAX_SENTENCES, SECOND_SENTENCE_MARGIN, choose, compose
from bot.candidates import Evidence
from bot.candidates import rank_sentences as rank
from bot.phrases import phrase
from bot.retrieve import Retrieval

QUESTION = "Quelle proportion des entreprises d'IA cœur du pays est installée à Pékin ?"
KEY = "29 %"
NEVER_ABSTAIN = Abstainer.never()


@pytest.fixture(scope="module")
def retrieval(engine) -> Retrieval:
    return engine.ask_with_evidence(QUESTION, k=3)[1]


def quote(citation) -> str:  # citation: bot.citations.Citation
    start, end = citation.span
    return citation.text[start:end]


def shown(citation) -> str:  # citation: bot.citations.Citation
    """The quote as the answer shows it: a "[2]" of the article reads "(2)", not as a marker."""
    return re.sub(r"\[(\d+)\]", r"(\1)", quote(citation))


def test_every_retrieved_sentence_is_ranked_best_first(engine, retrieval: Retrieval) -> None:
    ranked = rank(retrieval, engine.corpus_langs)
    pairs = {(e.hit, e.sentence) for e in ranked}
    expected = {
        (h, n) for h, hit in enumerate(retrieval.hits) for n in range(len(hit.passage.sentences))
    }
    assert pairs == expected and len(ranked) == len(expected)
    assert [e.score for e in ranked] == sorted((e.score for e in ranked), reverse=True)
    assert all(0.0 <= e.overlap <= 1.0 for e in ranked)
    best = retrieval.hits[ranked[0].hit].passage
    start, end = best.sentences[ranked[0].sentence]
    assert KEY in best.text[start:end]


def test_choose_keeps_a_runner_up_only_when_it_fits_almost_as_well() -> None:
    assert choose([]) == []
    best = Evidence(0, 0, 0.90, 0.5)
    close = Evidence(1, 0, 0.90 - SECOND_SENTENCE_MARGIN / 2, 0.5)
    far = Evidence(1, 0, 0.90 - 2 * SECOND_SENTENCE_MARGIN, 0.5)
    assert choose([best, close]) == [best, close]
    assert choose([best, far]) == [best]
    assert len(choose([best, close, close, close])) == MAX_SENTENCES


def test_an_answer_quotes_the_chosen_sentences_with_numbered_citations(
    engine, retrieval: Retrieval
) -> None:
    answer = compose(QUESTION, "fr", retrieval, engine.index, NEVER_ABSTAIN)
    assert answer.answered and answer.lang == "fr" and answer.question == QUESTION
    assert 1 <= len(answer.citations) <= MAX_SENTENCES
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    hits = {h.passage.id: h.passage for h in retrieval.hits}
    for citation in answer.citations:
        passage = hits[citation.passage_id]
        assert (citation.text, citation.section) == (passage.text, passage.section)
        assert citation.span in passage.sentences
    assert answer.answer == " ".join(f"{shown(c)} [{c.n}]" for c in answer.citations)
    assert any(KEY in quote(c) for c in answer.citations)


def test_two_close_sentences_are_cited_best_first(engine) -> None:
    question = "Where do Beijing and Shanghai rank for software and hardware companies?"
    retrieval = engine.ask_with_evidence(question)[1]
    chosen = choose(rank(retrieval, engine.corpus_langs))
    answer = compose(question, "en", retrieval, engine.index, NEVER_ABSTAIN)
    cited = [(c.passage_id, c.span) for c in answer.citations]
    expected = [
        (retrieval.hits[e.hit].passage.id, retrieval.hits[e.hit].passage.sentences[e.sentence])
        for e in chosen
    ]
    assert len(cited) == 2 and cited == expected  # [1] is the sentence that fits best
    assert chosen[0].score >= chosen[1].score


@pytest.mark.parametrize("lang", ["nl", "tr"])
def test_a_reader_of_a_language_without_an_edition_is_told_the_quote_is_in_the_original(
    engine, retrieval: Retrieval, lang: str
) -> None:
    answer = compose(QUESTION, lang, retrieval, engine.index, NEVER_ABSTAIN)
    assert answer.answer.startswith(phrase("according_to", lang) + " ")
    assert (answer.lang, answer.answer_lang) == (lang, "fr")
    assert all(c.edition is None for c in answer.citations)


@pytest.mark.parametrize("lang", ["ar", "de", "en", "es", "it", "ja", "ko", "pt", "ru", "zh"])
def test_a_reader_of_an_edition_language_gets_the_edition_quoted(
    engine, retrieval: Retrieval, lang: str
) -> None:
    answer = compose(QUESTION, lang, retrieval, engine.index, NEVER_ABSTAIN)
    assert (answer.lang, answer.answer_lang) == (lang, lang)
    quotes = [c.edition.text[slice(*c.edition.span)] for c in answer.citations]
    assert answer.answer == " ".join(f"{q} [{n}]" for n, q in enumerate(quotes, 1))


def test_no_prefix_when_the_reader_speaks_the_corpus_language(engine, retrieval: Retrieval) -> None:
    answer = compose(QUESTION, "fr", retrieval, engine.index, NEVER_ABSTAIN)
    assert not answer.answer.startswith(phrase("according_to", "fr"))
    assert answer.answer.startswith(shown(answer.citations[0]))


def test_an_abstention_says_so_and_cites_the_nearest_passages(
    engine, retrieval: Retrieval, always_abstains: Abstainer
) -> None:
    answer = compose(QUESTION, "de", retrieval, engine.index, always_abstains)
    assert not answer.answered
    # It asks how much, about Beijing: the refusal says which figure is missing.
    assert answer.answer == "Der Artikel nennt diese Zahl für Peking nicht."
    assert [c.passage_id for c in answer.citations] == [h.passage.id for h in retrieval.hits]
    assert [c.n for c in answer.citations] == [1, 2, 3]
    for citation, hit in zip(answer.citations, retrieval.hits, strict=True):
        assert citation.span == hit.passage.sentences[hit.best_sentence]
        assert citation.score == round(hit.score, 4)
    assert KEY not in answer.answer  # no quote passes for an answer


def test_an_unknown_reader_language_falls_back_to_english(
    engine, retrieval: Retrieval, always_abstains: Abstainer
) -> None:
    answer = compose(QUESTION, "xx", retrieval, engine.index, always_abstains)
    assert answer.answer == "The article does not give this figure for Beijing."


def test_numbers_in_brackets_in_a_quote_do_not_read_as_markers(engine) -> None:
    question = "Pourquoi Pékin challe ChatGPT ? Zero One Think Tank"
    retrieval = engine.ask_with_evidence(question)[1]
    answer = compose(question, "fr", retrieval, engine.index, NEVER_ABSTAIN)
    quoted = [quote(c) for c in answer.citations]
    assert any(re.search(r"\[\d+\]", q) for q in quoted), quoted  # the reference list
    assert re.findall(r"\[(\d+)\]", answer.answer) == [str(c.n) for c in answer.citations]
    assert all(shown(c) in answer.answer for c in answer.citations)
