"""The engine end to end on the session index: cited answers in several languages, explicit
abstentions in the reader's language, forced languages, timings, and passage look-ups."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from bot.errors import IndexMissing
from bot.followup import Turn
from bot.phrases import not_mentioned, phrase

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


def quote(citation) -> str:  # citation: bot.citations.Citation
    start, end = citation.span
    return citation.text[start:end]


def shown(citation) -> str:  # citation: bot.citations.Citation
    """The quote as the answer shows it (from the edition it quotes, if any): a "[2]" of the
    article reads "(2)", not as a marker."""
    edition = citation.edition
    text = edition.text[slice(*edition.span)] if edition else quote(citation)
    return re.sub(r"\[(\d+)\]", r"(\1)", text)


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


def test_a_reader_of_a_language_without_an_edition_is_told_the_quote_is_french(engine) -> None:
    answer = engine.ask("Hoeveel softwarebedrijven had Shanghai in 2021?")
    assert (answer.lang, answer.answer_lang) == ("nl", "fr")
    # After the warning of an answer below even odds, if any: Dutch meets only translations.
    lead = phrase("unsure", "nl") + " " if answer.unsure else ""
    assert answer.answer.startswith(lead + phrase("according_to", "nl"))
    assert all(c.edition is None for c in answer.citations)


@pytest.mark.parametrize(("question", "lang", "key"), CLEAR[2:])
def test_a_reader_of_an_edition_language_gets_the_quote_in_it(
    engine, question: str, lang: str, key: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered and (answer.lang, answer.answer_lang) == (lang, lang)
    assert not answer.answer.startswith(phrase("according_to", lang))
    for citation in answer.citations:
        edition = citation.edition
        assert edition is not None and edition.lang == lang
        passage = engine.passage(edition.passage_id)
        assert passage is not None and passage.doc_id == f"{ARTICLE}.{lang}"
        assert edition.text == passage.text
        start, end = edition.span
        assert start in {s for s, _ in passage.sentences} and end in {
            e for _, e in passage.sentences
        }
        assert f"{edition.text[start:end]} [{citation.n}]" in answer.answer
        # The citation itself is still the source passage, so links and ids stay stable.
        assert engine.passage(citation.passage_id).doc_id == ARTICLE
    assert any(key in quote(c) for c in answer.citations)


def test_an_abstention_shows_the_nearest_passages_in_the_readers_edition(engine) -> None:
    answer = engine.ask("Who won the 2022 football World Cup?")
    assert not answer.answered and answer.answer_lang == "en"
    assert all(c.edition and c.edition.lang == "en" for c in answer.citations)


def test_search_resolves_every_edition_to_its_source(engine) -> None:
    hits = engine.search("How many software and hardware companies does Shanghai have?", k=10)
    assert all("." not in hit.passage.doc_id for hit in hits)
    assert len({hit.passage.id for hit in hits}) == 10
    edition = engine.edition(hits[0], "en")
    assert edition is not None and "813,000" in edition.text[slice(*edition.span)]
    assert engine.edition(hits[0], "fr") is None  # the source itself is French
    assert engine.edition(hits[0], "nl") is None  # no Dutch edition


@pytest.mark.parametrize(("question", "lang"), OFF_TOPIC)
def test_an_off_topic_question_gets_an_explicit_abstention(
    engine, settings: Settings, question: str, lang: str
) -> None:
    answer = engine.ask(question)
    assert not answer.answered
    assert answer.lang == lang
    terms = answer.decision.terms
    # The names and numbers the article lacks when there are any ("Gioconda", not "dipinto").
    named = list(terms.missing[: terms.missing_names] or terms.missing)
    assert answer.answer == (not_mentioned(named, lang) if named else phrase("not_found", lang))
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
    assert not answer.answered and answer.kind == "not_found"
    assert answer.decision.abstains


@pytest.mark.parametrize(
    ("question", "lang", "refusal"),
    [
        ("What is the population of Tokyo?", "en", "The article does not mention “Tokyo”."),
        ("东京的人口是多少？", "zh", "文章没有提到“东京”。"),
        ("Quelle est la population de Tokyo ?", "fr", "L'article ne mentionne pas « Tokyo »."),
        ("Wie installiere ich Python unter Windows?", "de",
         "Der Artikel erwähnt „Python“, „Windows“ nicht."),
        # A name opening the question: once "may not answer exactly" and the partner list.
        ("Huawei fait-il partie des partenaires de Pékin ?", "fr",
         "L'article ne mentionne pas « Huawei »."),
        ("Xiaomi ist einer der Partner von Peking?", "de", "Der Artikel erwähnt „Xiaomi“ nicht."),
    ],
)  # fmt: skip
def test_a_refusal_names_what_the_article_never_mentions(
    engine, question: str, lang: str, refusal: str
) -> None:
    answer = engine.ask(question)
    assert not answer.answered and answer.answer == refusal
    assert answer.citations  # the nearest passages are still listed, labelled by answered=False


@pytest.mark.parametrize(
    "question",
    [
        "How many large AI models with over a billion parameters have been released in Hong Kong?",
        "하얼빈에서는 10억 파라미터 이상 대형 모델이 몇 개나 발표됐어?",
        "Welche KI-Förderpolitik hat die Stadt Guiyang beschlossen?",
    ],
)
def test_a_city_the_article_never_names_is_refused_at_any_odds(engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered and answer.decision.terms.missing_places
    assert answer.decision.signals["places_found"] == 0.0


def test_who_does_something_is_answered_by_the_group_the_sentence_opens_with(engine) -> None:
    for question in (
        "Who generally uses the number of patent applications to measure technical strength?",
        "Кто, по статье, обычно измеряет техническую силу числом патентных заявок?",
    ):
        answer = engine.ask(question)
        assert answer.answered and not answer.unsure, question
        cited = answer.citations[0]
        assert "brevet" in cited.text[slice(*cited.span)]


def test_a_figure_with_no_year_is_of_the_years_its_passage_names_before_it(engine) -> None:
    # "As of October 2022, Beijing had 1,048 … . Beijing has more than 40,000 …": 2022's.
    asked = "Combien Pékin comptait-il de talents techniques de base en IA en {} ?"
    assert not engine.ask(asked.format(2020)).answered
    answer = engine.ask(asked.format(2022))
    assert answer.answered and "40 000" in answer.answer


def test_a_question_whose_terms_are_all_in_the_article_names_none_missing(engine) -> None:
    # The key terms only: whether it is answered turns on a near tie between the goal and "As of
    # October 2022, …" (0.955 and 0.953 in the test index on this machine, its documents added).
    answer = engine.ask("How big will Beijing's AI core industry be by 2025?")
    assert answer.decision.terms.missing == ()
    assert {"Beijing", "2025"} <= set(answer.decision.terms.found)


def test_the_articles_city_and_subject_written_as_a_name_are_found(engine) -> None:
    # "Beijing AI" was one name, which the article never writes: "does not mention".
    answer = engine.ask("What is the Beijing AI capital plan?")
    assert answer.answered and answer.decision.terms.missing == ()


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # The article says "à travers le pays", "全国": China is named around none of its figures.
        ("How many first-class universities are there in China?", "147"),
        ("Combien de politiques de soutien au métavers ont été publiées en Chine ?", "114"),
        ("Сколько университетов первого класса в Китае?", "147"),  # "Китае", of "Китай"
        # A name only another edition writes ("Varias medidas", Spanish; the Portuguese
        # edition writes "Diversas Medidas") is not looked for around the sentence read.
        ("Quantas medidas específicas tem o documento Várias Medidas?", "21"),
    ],
)
def test_a_figure_the_article_gives_is_not_refused(engine, question: str, figure: str) -> None:  # noqa: ANN001
    answer = engine.ask(question)
    assert answer.answered and figure in answer.answer


def test_a_forced_language_changes_the_phrase(engine) -> None:
    answer = engine.ask(OFF_TOPIC[0][0], lang="fr")
    assert (answer.lang, answer.answer) == ("fr", "L'article ne mentionne pas « World Cup ».")
    assert (
        engine.ask(OFF_TOPIC[0][0], lang="ja").answer
        == "記事には「World Cup」についての記述がありません。"
    )
    # With a Korean edition, a Korean question's words are checked in it, whatever the answer's
    # language: the article never mentions kimchi stew.
    korean = engine.ask("김치찌개는 어떻게 만드나요?", lang="ja")
    assert korean.decision.terms.missing == ("김치찌개",) and not korean.answered
    assert korean.answer == "記事には「김치찌개」についての記述がありません。"
    nothing_missing = engine.ask("Hoe maak je een goede soep?", lang="ja")
    assert nothing_missing.decision.terms.missing == () and not nothing_missing.answered
    assert nothing_missing.answer == "記事には書かれていません。"


def test_a_forced_language_changes_the_edition_but_not_the_source(engine) -> None:
    english = engine.ask(CLEAR[2][0])
    german = engine.ask(CLEAR[2][0], lang="de")
    french = engine.ask(CLEAR[2][0], lang="fr")
    chinese = engine.ask(CLEAR[2][0], lang="zh")
    source = [(c.passage_id, c.span) for c in english.citations]
    for answer in (german, french, chinese):
        assert [(c.passage_id, c.span) for c in answer.citations] == source
    assert not french.answer.startswith(phrase("according_to", "fr"))
    for answer, lang in ((german, "de"), (chinese, "zh")):
        assert answer.answer_lang == lang and all(c.edition.lang == lang for c in answer.citations)


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


def test_the_deeper_search_goes_on_from_the_passages_that_answer(engine) -> None:
    # bot eval answers from the served top_k passages and ranks the gold passage deeper.
    _, retrieval, vector = engine.ask_with_evidence(CLEAR[2][0])
    deeper = engine.deeper(retrieval, vector, 10)
    assert len(retrieval.hits) == engine.settings.top_k < len(deeper.hits) == 10
    assert [h.row for h in deeper.hits[: engine.settings.top_k]] == [h.row for h in retrieval.hits]
    assert (deeper.query, deeper.lang) == (retrieval.query, retrieval.lang)


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


@pytest.mark.parametrize(
    ("message", "lang"), [("Bonjour !", "fr"), ("Thanks, that helps.", "en"), ("你好", "zh")]
)
def test_small_talk_gets_a_reply_without_quotes(engine, message: str, lang: str) -> None:
    answer = engine.ask(message)
    assert (answer.kind, answer.lang, answer.answer_lang, answer.citations) == (
        "smalltalk",
        lang,
        lang,
        (),
    )
    title = next(
        d.title for d in engine.index.documents if d.id.startswith(ARTICLE) and d.lang == lang
    )
    assert title in answer.answer


def test_thanks_after_a_question_is_still_small_talk(engine) -> None:
    history = [Turn("user", CLEAR[2][0]), Turn("assistant", "…")]
    assert engine.ask("Merci !", history).kind == "smalltalk"


@pytest.mark.parametrize(
    ("message", "lang", "part"),
    [
        ("Summarize the article", "en", None),
        ("Résume la partie sur Shanghai", "fr", "part2"),
        ("总结一下北京的措施", "zh", "part1"),
    ],
)
def test_a_summary_request_gets_the_cited_summary(engine, message: str, lang: str, part) -> None:  # noqa: ANN001
    answer = engine.ask(message)
    assert (answer.kind, answer.answered, answer.answer_lang) == ("summary", True, lang)
    lines = answer.answer.splitlines()
    assert len(lines) == len(answer.citations) >= 3
    for n, (line, citation) in enumerate(zip(lines, answer.citations, strict=True), 1):
        assert citation.n == n and line.endswith(f" [{n}]")
        if lang != "fr":
            assert line == f"{citation.edition.text[slice(*citation.edition.span)]} [{n}]"
        if part:
            scope = engine.index.summaries[f"{ARTICLE}-{part}"]
            assert citation.passage_id in scope["passage_ids"]


def test_a_fact_question_is_answered_not_chatted(engine) -> None:
    assert engine.ask(CLEAR[0][0]).kind == "answer"
    assert engine.ask("Who won the 2022 football World Cup?").kind == "not_found"
