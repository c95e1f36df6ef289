"""Follow-up questions: which are elliptical, what is searched for, and an answer end to end."""

from __future__ import annotations

import pytest

from bot.followup import (
    Remembered,
    Turn,
    follow_up_kind,
    is_follow_up,
    reader_lang,
    resolve,
    search_text,
)

ELLIPTICAL = [
    "And Shanghai?",
    "What about Beijing?",
    "Et Shanghai ?",
    "Et pour Pékin ?",
    "那上海呢？",
    "上海呢？",
    "¿Y Shanghái?",
    "Und Shanghai?",
    "Was ist mit Peking?",
    "北京は？",
    "それで上海は？",
    "А Шанхай?",
    "И Пекин?",
    "상하이는요?",
    "What about it?",
    # Japanese writes no space after its opener; Korean and Chinese point back with a pronoun.
    "じゃあ2位は？",
    "じゃあ上海はデジタル技術の総量で何位？",
    "그건 어떤 도시들을 대상으로 비교한 결과예요?",
    "这么布局主要是想解决什么问题？",
]
FULL = [
    "How many software companies did Shanghai have in 2021?",
    "Combien de modèles à grande échelle ont été publiés en Chine ?",
    "2021年上海有多少家软件和硬件企业？",
    "¿Cuál es la provincia que más aceite de oliva produce?",
    "Wie viele Datenpartner zählt die erste Partnergruppe?",
    "富士山の高さは何メートルですか？",
    "Какова максимальная глубина Байкала?",
    "What is Baikal?",
]
BEIJING = "Quel est le rang de Pékin pour la quantité totale de technologie numérique ?"
HISTORY = [
    Turn("user", BEIJING),
    Turn("assistant", "1. Quantité totale de technologie numérique : n° 1 à Pékin [1]"),
]
RANK = "n° 4 à Shanghai"  # the heading of the passage that ranks Shanghai


@pytest.mark.parametrize("question", ELLIPTICAL)
def test_short_elliptical_questions_are_follow_ups(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize("question", FULL)
def test_full_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


@pytest.mark.parametrize(
    "question", ["天一阁在哪里？", "天一阁是谁建的？", "¿Qué es Jaén?", "Où est la Chine ?"]
)
def test_short_but_complete_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


def test_without_history_the_question_is_searched_as_it_is() -> None:
    assert search_text("Et Shanghai ?", []) == "Et Shanghai ?"


def test_an_elliptical_question_is_joined_to_the_last_user_question() -> None:
    history = [
        Turn("user", "Combien de modèles ont été publiés en Chine ?"),
        Turn("assistant", "Au moins 79 [1]"),
        *HISTORY,
    ]
    assert search_text("Et Shanghai ?", history) == f"Et Shanghai ? {BEIJING}"


def test_a_full_question_ignores_the_history() -> None:
    question = "Combien de modèles à grande échelle ont été publiés en Chine ?"
    assert search_text(question, HISTORY) == question


def test_only_user_turns_with_words_count() -> None:
    assistant_only = [Turn("assistant", "Bonjour ! Posez une question sur l'article.")]
    assert search_text("Et Shanghai ?", assistant_only) == "Et Shanghai ?"
    blank_last = [*HISTORY, Turn("user", "   ")]
    assert search_text("Et Shanghai ?", blank_last) == f"Et Shanghai ? {BEIJING}"


@pytest.mark.parametrize(
    ("first", "lang"),
    [("Quante aziende di software aveva Pechino nel 2021?", "it"),
     ("Quantas empresas de software tinha Pequim em 2021?", "pt")],
)  # fmt: skip
def test_a_follow_up_too_short_to_tell_is_in_the_conversations_language(
    first: str, lang: str
) -> None:
    history = [Turn("user", first), Turn("assistant", "683 000 [1]")]
    assert reader_lang("E Xangai?", history) == lang
    assert reader_lang("E Xangai?", []) == "en"
    assert reader_lang("Und was ist mit Shanghai?", history) == "de"  # its own words tell


def test_the_follow_up_retrieves_the_passage_with_shanghais_rank(engine) -> None:
    _, alone, _ = engine.ask_with_evidence("Et Shanghai ?")
    answer, retrieval, _ = engine.ask_with_evidence("Et Shanghai ?", HISTORY)
    assert retrieval.query == f"Et Shanghai ? {BEIJING}"
    assert RANK in retrieval.hits[0].passage.section
    assert all(RANK not in h.passage.section for h in alone.hits)  # the history is what helps
    assert answer.answered and answer.lang == "fr" and answer.question == "Et Shanghai ?"


def test_the_follow_up_answer_cites_shanghais_rank(engine) -> None:
    # The rank is stated in a heading ("… n° 1 à Pékin, n° 4 à Shanghai"): headings are quotable.
    answer = engine.ask("Et Shanghai ?", HISTORY)
    assert any(RANK in c.section for c in answer.citations), [c.section for c in answer.citations]


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        (BEIJING, "Et Shanghai ?", BEIJING.replace("Pékin", "Shanghai")),
        ("How many AI companies does Beijing have?", "What about Shanghai?",
         "How many AI companies does Shanghai have?"),
        ("北京有多少家人工智能企业？", "上海呢？", "上海有多少家人工智能企业？"),
        ("Сколько специалистов по ИИ работает в Пекине?", "А в Шанхае?",
         "Сколько специалистов по ИИ работает в Шанхае?"),
        ("베이징에는 AI 기업이 몇 개 있나요?", "상하이는?", "상하이에는 AI 기업이 몇 개 있나요?"),
        ("كم عدد شركات الذكاء الاصطناعي في بكين؟", "وشنغهاي؟",
         "كم عدد شركات الذكاء الاصطناعي في شنغهاي؟"),
        # It asks something more, names no city, or the same one: left as it is.
        (BEIJING, "Et à Shanghai, combien d'universités ?",
         "Et à Shanghai, combien d'universités ?"),
        (BEIJING, "Et Pékin ?", "Et Pékin ?"),
        ("Pékin ou Shanghai, qui a le plus de brevets ?", "Et Shanghai ?", "Et Shanghai ?"),
    ],
)  # fmt: skip
def test_a_follow_up_naming_the_other_city_asks_the_same_of_it(
    previous: str, follow_up: str, asked: str
) -> None:
    assert resolve(follow_up, [Turn("user", previous), Turn("assistant", "…")]) == asked


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        ("Wie viele KI-Kernunternehmen hatte Peking im Oktober 2022?", "Und Ende 2021?",
         "Wie viele KI-Kernunternehmen hatte Peking im Oktober 2021?"),
        ("2013년부터 2021년까지 특허 출원 건수는 몇 건까지 늘었나요?", "2022년에는요?",
         "2013년부터 2022년까지 특허 출원 건수는 몇 건까지 늘었나요?"),
        ("How many AI companies does Beijing have?", "And in 2021?",
         "How many AI companies does Beijing have (2021)?"),
        # It asks something more: left as it is.
        ("How many AI companies does Beijing have?", "And in 2021, how many in Shanghai?",
         "And in 2021, how many in Shanghai?"),
    ],
)  # fmt: skip
def test_a_follow_up_naming_only_a_year_asks_the_same_of_it(
    previous: str, follow_up: str, asked: str
) -> None:
    # Then the figure must be that year's: "Und Ende 2021?" after Beijing's October 2022 count
    # is refused, not answered with 2022's (bench/followup_quality.py, fa-20).
    assert resolve(follow_up, [Turn("user", previous), Turn("assistant", "…")]) == asked


def test_the_other_citys_figure_or_an_honest_refusal(engine) -> None:
    # The article counts software companies in both cities, AI talents in Beijing alone.
    software = "How many software and IT hardware companies does Beijing have?"
    answer = engine.ask("And Shanghai?", [Turn("user", software), Turn("assistant", "683,000")])
    assert answer.answered and answer.question == "And Shanghai?"
    assert "813 000" in answer.citations[0].text[slice(*answer.citations[0].span)]
    talents = "How many core AI technical talents does Beijing have?"
    answer = engine.ask("And Shanghai?", [Turn("user", talents), Turn("assistant", "40,000")])
    assert not answer.answered, answer.answer


def test_a_follow_up_of_a_follow_up_continues_the_last_full_question() -> None:
    models = "How many large models has Beijing released?"
    chain = [
        Turn("user", models),
        Turn("assistant", "38 [1]"),
        Turn("user", "And Shanghai?"),
        Turn("assistant", "The article does not give this figure for Shanghai."),
    ]
    assert search_text("And in China overall?", chain) == f"And in China overall? {models}"
    assert resolve("What about Beijing?", chain) == "What about Beijing?"
    assert resolve("Und Shanghai?", chain) == "How many large models has Shanghai released?"


def follow(engine, first: str, then: str):  # -> bot.engine.Answer
    """The answer to `then` asked after `first` and its reply."""
    reply = engine.ask(first)
    return engine.ask(then, [Turn("user", first), Turn("assistant", reply.answer)])


def test_a_follow_up_to_a_subject_request_asks_about_its_own_subject(engine) -> None:
    answer = follow(engine, "¿Qué dice el artículo sobre la potencia de cálculo?",
                    "Y sobre los datos?")  # fmt: skip
    assert answer.kind == "summary" and len(answer.citations) >= 2
    quoted = " ".join(
        (c.edition or c).text[slice(*(c.edition or c).span)] for c in answer.citations
    )
    assert "datos" in quoted.casefold()


def test_a_follow_up_to_a_part_summary_summarises_the_other_citys_part(engine) -> None:
    answer = follow(engine, "Résume la partie sur Pékin", "Et Shanghai ?")
    shanghai = set(engine.index.summaries["000_bab5460f06c5e48c-part2"]["passage_ids"])
    assert answer.kind == "summary"
    assert answer.citations and {c.passage_id for c in answer.citations} <= shanghai


def test_a_follow_up_to_a_comparison_compares_on_its_own_measure(engine) -> None:
    answer = follow(engine, "Compare Beijing and Shanghai on digital technology density",
                    "What about software companies?")  # fmt: skip
    assert answer.kind == "comparison" and {s.side for s in answer.sides} >= {"beijing", "shanghai"}
    sources = " ".join(c.text[slice(*c.span)] for c in answer.citations)
    assert "683 000" in sources and "813 000" in sources  # each city's software companies


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # A question the classifier may take for a request passes no kind on.
        ("Which cities lead for the total quantity of digital technology?", "And Shanghai?"),
        # After a request, a follow-up that asks a figure is a question.
        ("¿Qué dice el artículo sobre la potencia de cálculo?", "¿Y cuántos datos?"),
    ],
)
def test_other_follow_ups_stay_questions(engine, first: str, then: str) -> None:
    assert follow(engine, first, then).kind in ("answer", "not_found")


@pytest.mark.parametrize(
    ("previous", "question", "prior", "kind"),
    [
        ("Résume la partie sur Pékin", "Et Shanghai ?", "summary", "summary"),
        ("What does the article say about chips?", "And about data?", "subject", "subject"),
        (
            "Compare Beijing and Shanghai on patents",
            "And on little giants?",
            "comparison",
            "comparison",
        ),
        # Asks a figure itself: a question, whatever came before.
        (
            "Compare Beijing and Shanghai on patents",
            "And how many in Shanghai?",
            "comparison",
            "question",
        ),
        # The previous message asked nothing in so many words: what it was taken for is not read.
        ("Which cities lead for patents?", "And Shanghai?", None, "question"),
        ("What does the article say about chips?", "And about data?", "question", "question"),
    ],
)
def test_a_follow_up_asks_what_the_request_it_continues_asked(
    previous: str, question: str, prior: str | None, kind: str
) -> None:
    def kind_of(message: str) -> str:
        assert prior is not None, "read only when the previous message asks in so many words"
        assert message == previous
        return prior

    assert follow_up_kind(question, "question", previous, kind_of) == kind


def test_the_kinds_remembered_are_the_latest() -> None:
    remembered = Remembered(size=2)
    for n, kind in enumerate(("summary", "question", "comparison")):
        remembered.add(f"message {n}", kind)
    assert remembered.get("message 0") is None  # the oldest is forgotten first
    assert (remembered.get("message 1"), remembered.get("message 2")) == ("question", "comparison")


def test_a_follow_up_asking_what_the_reply_wrote_is_answered_by_it(engine) -> None:
    # The sentence that gave Beijing's 38 models gives China's 79 too: it is the answer again.
    models = "¿Cuántos modelos grandes tiene Pekín según el informe?"
    reply = engine.ask(models)
    history = [Turn("user", models), Turn("assistant", reply.answer)]
    answer = engine.ask("¿Y cuántos en total en China?", history)
    assert answer.answered and answer.answer_lang == "es"
    assert "79" in answer.citations[0].text[slice(*answer.citations[0].span)], answer.answer
    # One that names what the reply does not moves on to another sentence.
    software = "How many software companies did Shanghai have in 2021?"
    reply = engine.ask(software)
    answer = engine.ask("And Shenzhen?", [Turn("user", software), Turn("assistant", reply.answer)])
    assert "813" not in answer.citations[0].text[slice(*answer.citations[0].span)]
