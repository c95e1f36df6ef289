"""The engine end to end on the session index: cited answers in several languages, explicit
abstentions in the reader's language, forced languages, timings, and passage look-ups."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from bot.errors import IndexMissing
from bot.phrases import phrase

ARTICLE = "000_bab5460f06c5e48c"
# (question, its language, words the cited sentence must hold)
CLEAR = [
    ("Quelle proportion des entreprises d'IA cœur du pays est installée à Pékin ?", "fr", "29 %"),
    ("Combien d'entreprises émergentes de technologie numérique compte Shanghai ?", "fr", "37 000"),
    ("How many software companies did Shanghai have in 2021?", "en", "813 000"),
    ("How many of China's big AI models were released by Beijing?", "en", "compte pour 38"),
    ("2013年到2021年，中国数字经济发展指数涨到了多少？", "zh", "5610,60"),
    ("北京希望新培育多少家独角兽企业？", "zh", "5 à 10 nouvelles sociétés licornes"),
    ("Wie viele Datenpartner zählt die erste Partnergruppe?", "de", "9 partenaires de données"),
    (
        "Wie viele der 100 weltweit führenden Institutionen bei Patenterteilungen haben ihren "
        "Hauptsitz in Peking?",
        "de",
        "30 institutions",
    ),
]
OFF_TOPIC = [
    ("Who won the 2022 football World Cup?", "en"),
    ("What's the capital of Australia?", "en"),
    ("Wer hat die Fußball-Weltmeisterschaft 2022 gewonnen?", "de"),
    ("Кто написал роман «Война и мир»?", "ru"),
    ("Chi ha dipinto la Gioconda?", "it"),
]


def quote(citation) -> str:  # citation: bot.answer.Citation
    start, end = citation.span
    return citation.text[start:end]


def shown(citation) -> str:  # citation: bot.answer.Citation
    """The quote as the answer shows it: a "[2]" of the article reads "(2)", not as a marker."""
    return re.sub(r"\[(\d+)\]", r"(\1)", quote(citation))


@pytest.mark.parametrize(("question", "lang", "key"), CLEAR)
def test_a_clear_question_gets_a_cited_answer(engine, question: str, lang: str, key: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.citations
    assert answer.lang == lang
    assert "[1]" in answer.answer
    for citation in answer.citations:
        passage = engine.passage(citation.passage_id)
        assert passage is not None and citation.text == passage.text
        assert citation.span in passage.sentences
        assert f"{shown(citation)} [{citation.n}]" in answer.answer
    assert re.findall(r"\[(\d+)\]", answer.answer) == [str(c.n) for c in answer.citations]
    assert any(key in quote(c) for c in answer.citations), [quote(c) for c in answer.citations]


def test_a_reader_of_the_corpus_language_gets_the_quote_alone(engine) -> None:
    answer = engine.ask(CLEAR[0][0])
    assert answer.answer.startswith(shown(answer.citations[0]))


def test_a_reader_of_another_language_is_told_the_quote_is_french(engine) -> None:
    answer = engine.ask(CLEAR[2][0])
    assert answer.answer.startswith(phrase("according_to", "en"))


@pytest.mark.parametrize(("question", "lang"), OFF_TOPIC)
def test_an_off_topic_question_gets_an_explicit_abstention(
    engine, settings: Settings, question: str, lang: str
) -> None:
    answer = engine.ask(question)
    assert not answer.answered
    assert answer.lang == lang
    assert answer.answer == phrase("not_found", lang)
    # The nearest passages are still shown, labelled as such by answered=False.
    assert [c.n for c in answer.citations] == list(range(1, settings.top_k + 1))
    for citation in answer.citations:
        assert engine.passage(citation.passage_id) is not None
        assert quote(citation) not in answer.answer


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What is the recipe for ratatouille?", "en"),
        ("Qui a gagné la Coupe du monde de football 2022 ?", "fr"),
    ],
)
def test_an_off_topic_question_is_not_answered(engine, question: str, lang: str) -> None:
    answer = engine.ask(question)
    assert (answer.answered, answer.answer) == (False, phrase("not_found", lang))


def test_a_forced_language_changes_the_phrase(engine) -> None:
    answer = engine.ask(OFF_TOPIC[0][0], lang="fr")
    assert (answer.lang, answer.answer) == ("fr", "L'article ne le dit pas.")
    assert engine.ask(OFF_TOPIC[0][0], lang="ja").answer == "記事には書かれていません。"


def test_a_forced_language_changes_the_prefix_but_not_the_quote(engine) -> None:
    english = engine.ask(CLEAR[2][0])
    german = engine.ask(CLEAR[2][0], lang="de")
    french = engine.ask(CLEAR[2][0], lang="fr")
    assert german.lang == "de" and german.answer.startswith(phrase("according_to", "de"))
    assert german.citations == english.citations
    assert french.answer == english.answer.removeprefix(phrase("according_to", "en") + " ")


def test_k_sets_how_many_passages_may_be_cited(engine) -> None:
    assert len(engine.ask(OFF_TOPIC[0][0], k=5).citations) == 5
    assert len(engine.ask(OFF_TOPIC[0][0], k=1).citations) == 1


def test_timings_cover_each_stage(engine) -> None:
    answer = engine.ask(CLEAR[0][0])
    assert set(answer.timings_ms) == {"embed", "search", "answer"}
    assert all(isinstance(ms, float) and ms >= 0 for ms in answer.timings_ms.values())


def test_ask_with_evidence_returns_the_retrieval_and_the_query_vector(engine) -> None:
    answer, retrieval, vector = engine.ask_with_evidence(CLEAR[2][0], k=7)
    assert vector.shape == (384,) and vector.dtype == np.float32
    assert len(retrieval.hits) == 7 and retrieval.query == CLEAR[2][0]
    assert {c.passage_id for c in answer.citations} <= {h.passage.id for h in retrieval.hits}


def test_search_returns_k_hits_best_first(engine) -> None:
    hits = engine.search("Байкал", k=4)
    assert len(hits) == 4 and all(h.passage.doc_id == "baikal_ru" for h in hits[:2])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_neighbours_are_the_passages_around_in_the_same_document(engine) -> None:
    passages = engine.index.passages
    article = [p for p in passages if p.doc_id == ARTICLE]
    middle = article[len(article) // 2]
    before, after = engine.neighbours(middle)
    assert before is not None and after is not None
    assert (before.doc_id, after.doc_id) == (ARTICLE, ARTICLE)
    assert (before.position, after.position) == (middle.position - 1, middle.position + 1)
    assert engine.neighbours(article[0])[0] is None
    # The last passage of the article is followed by another document's first: not a neighbour.
    assert passages[passages.index(article[-1]) + 1].doc_id != ARTICLE
    assert engine.neighbours(article[-1])[1] is None
    spanish = [p for p in passages if p.doc_id == "aceite_es"]
    assert engine.neighbours(spanish[0])[0] is None


def test_passages_and_documents_are_found_by_id(engine) -> None:
    passage = engine.index.passages[3]
    assert engine.passage(passage.id) == passage
    assert engine.passage("no-such-passage") is None
    document = engine.document("baikal_ru")
    assert document is not None and document.title == "Озеро Байкал"
    assert engine.document("nowhere") is None


def test_loading_without_an_index_says_to_build_one(settings: Settings, tmp_path: Path) -> None:
    from bot.engine import Engine

    with pytest.raises(IndexMissing, match="run `bot index`"):
        Engine.load(Settings(corpus=settings.corpus, index=tmp_path / "index"))
