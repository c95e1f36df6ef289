"""Comparisons: each city's facts in its own column, each cited; the article's verdict only when
one of its sentences states it."""

from __future__ import annotations

import pytest

from bot.abstain import Abstainer
from bot.compare import (
    PASSAGES,
    TOP_SENTENCES,
    best_sentence_rows,
    compare,
    measure_text,
    near_rows,
    search,
)
from bot.overview import comparison_answer
from bot.rankings import enumerates
from bot.sides import RANKING, sides_of
from bot.target import places

DENSITY = "Compare Beijing and Shanghai on digital technology density"


def column(answer, side: str) -> list[str]:  # noqa: ANN001
    """The source sentences cited in one column (`side`) of a comparison `answer`."""
    (numbers,) = [s.citations for s in answer.sides if s.side == side]
    return [answer.citations[n - 1].text[slice(*answer.citations[n - 1].span)] for n in numbers]


def test_a_comparison_has_both_sides_each_cited(engine) -> None:  # noqa: ANN001
    answer = engine.ask(DENSITY)
    assert (answer.kind, answer.answered) == ("comparison", True)
    sides = {side.side: side for side in answer.sides}
    assert {"beijing", "shanghai"} <= set(sides) <= {"beijing", "shanghai", "verdict"}
    by_n = {c.n: c for c in answer.citations}
    for city in ("beijing", "shanghai"):
        assert sides[city].citations
        for n in sides[city].citations:
            citation = by_n[n]
            passage = engine.passage(citation.passage_id)
            assert citation.span in passage.sentences
            assert city in sides_of(passage, passage.sentences.index(citation.span))
    numbers = [n for side in answer.sides for n in side.citations]
    assert sorted(numbers) == [c.n for c in answer.citations] == list(range(1, len(numbers) + 1))
    assert answer.answer_lang == "en" and all(c.edition for c in answer.citations)


def test_each_city_gets_its_own_best_facts(engine) -> None:  # noqa: ANN001
    # The article gives an AI-talent figure for Beijing only; the sentences about Shanghai fit
    # the request less well, and each city is read on its own, not against the other's best.
    answer = engine.ask("Compare Beijing and Shanghai on artificial intelligence talent")
    assert any("40 000 talents" in source for source in column(answer, "beijing"))
    assert column(answer, "shanghai")


def test_what_a_request_compares_on_is_searched_on_its_own(engine) -> None:  # noqa: ANN001
    assert measure_text("Compare as políticas de Pequim e de Xangai") == "as políticas de e de"
    assert measure_text("北京和上海对比一下小巨人企业") == "和 一下小巨人企业"
    assert measure_text("Pékin vs Shanghai ?") == ""
    # Naming both cities, the request is closest to the rankings part, which names both; the
    # measure alone finds Beijing's policies, which name Beijing only.
    answer = engine.ask("Compare as políticas de Pequim e de Xangai")
    assert any("deux grandes politiques" in source for source in column(answer, "beijing"))


def test_each_citys_facts_are_chosen_by_the_measure_not_by_its_name(engine) -> None:  # noqa: ANN001
    # The cities' names in the request lift every sentence naming a city: Beijing's column
    # held the rankings' sentences ("Shanghai, Pékin, Shenzhen…") before its two AI policies.
    request = "¿Qué políticas han lanzado Pekín y Shanghái últimamente y cuántas son?"
    found, _ = engine.comparison(request, "es", request, engine.embedder.embed_query(request))
    answer = comparison_answer(request, found)
    assert any("deux grandes politiques" in source for source in column(answer, "beijing"))
    answer = engine.ask("베이징과 상하이의 AI 관련 정책을 비교해줘")
    assert any("21 mesures spécifiques" in source for source in column(answer, "beijing"))


def test_a_short_column_is_filled_with_the_citys_best_facts(engine, article_sentences) -> None:  # noqa: ANN001
    # The passages read were mostly Beijing's (large models): Shanghai's column held two points,
    # though the article says more of Shanghai's generative AI elsewhere.
    answer = engine.ask(
        "Große KI-Modelle und generative KI: Wie unterscheiden sich Peking und Shanghai?"
    )
    shanghai = column(answer, "shanghai")
    assert len(shanghai) >= 3
    assert any("modèles de génération générale" in source for source in shanghai)
    for source in shanghai:
        ((passage, n),) = article_sentences(source)
        assert "shanghai" in sides_of(passage, n)


def test_a_sentence_naming_the_city_leads_its_column(engine) -> None:  # noqa: ANN001
    # The measure's best passages hold how patents were counted: sentences that are Beijing's
    # only by their passage filled its column before its own "30 institutions … à Pékin".
    answer = engine.ask("Recherche et brevets : qui fait mieux, Pékin ou Shanghai ?")
    assert any("30 institutions ont leur siège" in source for source in column(answer, "beijing"))
    assert any("brevets numériques de Shanghai" in s for s in column(answer, "shanghai"))


def test_a_citys_points_come_from_passages_near_the_measure(engine) -> None:  # noqa: ANN001
    # Further down the measure's search, "little giants" met Huang Zhaoying's quotes on the
    # metaverse ("industry leader Meta"): they filled Shanghai's column.
    answer = engine.ask("Beijing or Shanghai: which has more little giants?")
    assert answer.kind == "comparison"
    assert not any("Huang Zhaoying" in source for source in column(answer, "shanghai"))
    assert any("Ningbo et Chongqing" in source for source in column(answer, "verdict"))


def test_the_verdict_is_a_sentence_of_the_article_that_ranks_the_two(engine) -> None:  # noqa: ANN001
    answer = engine.ask(DENSITY)
    (verdict,) = [side for side in answer.sides if side.side == "verdict"]
    sources = [
        answer.citations[n - 1].text[slice(*answer.citations[n - 1].span)]
        for n in verdict.citations
    ]
    assert any("Densité de la technologie numérique" in source for source in sources)
    # Each ranks the two: in so many words, or as a list of places in order.
    for source in sources:
        assert places(source) == {"beijing", "shanghai"}
        assert RANKING.search(source) or enumerates(source)


def test_the_verdict_on_what_is_asked_comes_first(engine) -> None:  # noqa: ANN001
    # In text order it came after the software companies' ranking, which shares no word of the
    # request: the reader looked for the little giants at the bottom of the reply.
    answer = engine.ask("Which city has more little giant companies, Beijing or Shanghai?")
    assert (answer.kind, answer.answered) == ("comparison", True)
    first = column(answer, "verdict")[0]
    assert "petites géantes" in first and places(first) == {"beijing", "shanghai"}


def test_a_verdict_is_read_where_the_best_sentences_are(engine, article_sentences) -> None:  # noqa: ANN001
    # The article's overall verdict ("Pékin est légèrement meilleur…") is among the five best
    # sentences for this request, in a passage the search ranks below the fifteen it reads.
    request = "No geral, quem é mais forte no digital: Pequim ou Xangai?"
    searched = search(
        engine.index, engine.embedder.embed_query(request), request, engine.embedder.embed_query
    )
    ((passage, _),) = article_sentences("Pékin est légèrement meilleur")
    row = next(r for r, p in enumerate(engine.index.passages) if p.id == passage.id)
    assert row not in near_rows(searched.merged, PASSAGES)
    assert row in best_sentence_rows(engine.index, searched.merged, TOP_SENTENCES)
    answer = engine.ask(request)
    assert any("légèrement meilleur" in source for source in column(answer, "verdict"))


def test_every_heading_that_ranks_the_two_on_what_is_asked_is_shown(engine) -> None:  # noqa: ANN001
    # The headings are the article's scorecard on digital strength: capped at three verdicts,
    # the reply left out "Part du numérique : n° 1 à Shanghai" for "which city has more firsts?".
    answer = engine.ask("デジタル関連のランキングで、北京と上海はそれぞれ何位？1位が多いのは？")
    assert (answer.kind, answer.answered) == ("comparison", True)
    verdict = column(answer, "verdict")
    for heading in ("Part du numérique", "émergentes du numérique", "Quantité totale"):
        assert any(heading in source for source in verdict), heading


def test_a_ranking_heading_brings_the_figures_under_it(engine) -> None:  # noqa: ANN001
    # "2. Densité … : Pékin et Shanghai se classent respectivement deuxième et troisième" is the
    # verdict; the ranking of the ten cities under it is the cities' fact, even when the search
    # for the German request does not reach that passage. It ranks both: it is shown once, with
    # the verdict, not in one city's column.
    answer = engine.ask("Vergleiche Peking und Shanghai bei der Dichte der Digitaltechnologie")
    assert (answer.kind, answer.answered) == ("comparison", True)
    assert any("Shenzhen, Pékin, Shanghai, Hangzhou" in s for s in column(answer, "verdict"))
    for city in ("beijing", "shanghai"):
        assert not any(len(places(source)) > 1 for source in column(answer, city))


def test_a_doubted_comparison_states_no_verdict_but_keeps_the_lists(
    engine,  # noqa: ANN001
    always_abstains: Abstainer,
) -> None:
    request = "Pékin ou Shanghai : qui a le plus d'entreprises « petites géantes » ?"
    searched = search(engine.index, engine.embedder.embed_query(request), request,
                      engine.embedder.embed_query)  # fmt: skip
    answer = comparison_answer(
        request, compare(engine.index, always_abstains, request, searched, "fr")
    )
    trusted = engine.ask(request)
    # "n° 1 à Pékin et n° 2 à Shanghai" is the verdict, which a doubted request does without;
    # the list of the five first cities is both cities' fact, and stays.
    verdict = "n° 1 à Pékin et n° 2 à Shanghai"
    assert any(verdict in source for source in column(trusted, "verdict"))
    assert not any(verdict in source for source in column(answer, "verdict"))
    assert "Pékin, Shanghai, Shenzhen, Ningbo et Chongqing." in column(answer, "verdict")


def test_no_sentence_is_shown_twice(engine) -> None:  # noqa: ANN001
    # The verdict's body sentence ("Pékin compte 596 … juste derrière Pékin") lies in the section
    # its heading heads: it is the verdict, not also Beijing's point.
    answer = engine.ask("Pékin ou Shanghai : qui a le plus d'entreprises « petites géantes » ?")
    assert answer.kind == "comparison"
    cited = [(c.passage_id, c.span) for c in answer.citations]
    assert len(cited) == len(set(cited)) > 0


def test_no_verdict_is_invented_where_the_article_states_none(engine) -> None:  # noqa: ANN001
    # The article gives each city's 2025 targets and ranks neither on them.
    answer = engine.ask("Beijing vs Shanghai: what do their 2025 targets say?")
    assert (answer.kind, answer.answered) == ("comparison", True)
    assert [side.side for side in answer.sides] == ["beijing", "shanghai"]


@pytest.mark.parametrize("period", [".", ""])
def test_a_comparison_on_something_the_article_never_treats_is_refused(
    engine,  # noqa: ANN001
    period: str,
) -> None:
    # Without its period the request was answered: the model's doubt fell just short.
    answer = engine.ask(f"Compare Beijing and Shanghai on air pollution{period}")
    assert (answer.kind, answer.answered, answer.sides) == ("not_found", False, ())
    assert "pollution" in answer.answer


def test_a_comparison_on_a_measure_the_article_never_writes_is_refused(engine) -> None:  # noqa: ANN001
    # Everyday words: the question's check of rare words let them pass, and the nearest
    # sentences (rankings of the two cities) made a cited non-answer.
    answer = engine.ask("¿Qué ciudad tiene más aeropuertos y rascacielos, Pekín o Shanghái?")
    assert (answer.kind, answer.answered, answer.sides) == ("not_found", False, ())
    assert "aeropuertos" in answer.answer and "rascacielos" in answer.answer
    # Nor is a German compound of a word the edition never writes ("Flughäfen": "Flug").
    assert not engine.ask("Welche Stadt hat mehr Flughäfen, Peking oder Shanghai?").answered


@pytest.mark.parametrize(
    "request_",
    [
        # "mettili" (put them) was taken for a name the article never writes.
        "Quali documenti politici hanno pubblicato Pechino e Shanghai? Mettili a confronto",
        # "regulação": the Portuguese edition writes "tecnologia regulatória".
        "Regulação e segurança de conteúdo de IA: compare Pequim e Xangai",
        # A goal word asks the article's goals, stated in its own words ("construire", "d'ici"):
        # each was refused as "The article does not mention «ambitions»" (or «horizon»…).
        "Pékin et Shanghai : quelles sont les ambitions de chaque ville ?",
        "¿Qué aspiran a ser Pekín y Shanghái?",
        "Was wollen Peking und Shanghai werden? Vergleiche ihre Ambitionen.",
        "Objectifs à l'horizon 2025 : compare ce que visent Pékin et Shanghai",
        # A word that asks how they differ frames the comparison, as "compare" does.
        "Чем отличаются подходы Пекина и Шанхая к безопасности ИИ?",
        "Worin unterscheiden sich Peking und Shanghai bei der KI-Sicherheit?",
        # A declined "who" asks nothing the article should write ("кем": "as whom").
        "Кем хотят стать Пекин и Шанхай?",
        # A German compound of two words the edition writes ("Technologie", "Dichte").
        "Digitale Technologiedichte: Peking vs. Shanghai",
    ],
)
def test_a_comparison_in_the_readers_own_words_is_answered(engine, request_: str) -> None:  # noqa: ANN001
    answer = engine.ask(request_)
    assert answer.kind == "comparison" and answer.answered
    assert [side.side for side in answer.sides][:2] == ["beijing", "shanghai"]
