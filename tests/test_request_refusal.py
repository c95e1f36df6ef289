"""The refusal of summary and comparison requests: the corpus says nothing of what they name."""

from __future__ import annotations

import pytest

from bot.abstain import Decision, Terms
from bot.phrases import phrase
from bot.request_refusal import (
    attribute_unstated,
    measure_missing,
    says_nothing_about,
    unwritten_subject,
)


@pytest.mark.parametrize(
    ("probability", "missing", "checked", "above_background", "refused"),
    [
        (0.1, (), 1, 0.05, False),  # the model doubts, but every word is in the corpus
        (0.1, ("Quantencomputing",), 1, 0.05, True),  # a word the corpus never writes
        (0.1, (), 1, -0.02, True),  # everyday sentences are closer than the corpus
        (0.9, ("Quantencomputing",), 1, -0.02, False),  # the model does not doubt
        (0.1, ("régulation",), 2, 0.05, False),  # one word of two: paraphrase, not absence
    ],
)
def test_a_subject_is_refused_only_when_the_corpus_lacks_it(
    probability: float,
    missing: tuple[str, ...],
    checked: int,
    above_background: float,
    refused: bool,
) -> None:
    # Summaries and comparisons name a subject, not a fact: the question-shaped model alone
    # refused 13 of 82 answerable subjects of eval/subject_summaries.jsonl.
    terms = Terms(missing=missing, missing_words=len(missing), checked_words=checked)
    decision = Decision(probability, 0.5, {"above_background": above_background}, terms, True)
    assert says_nothing_about(decision, "Was sagt der Artikel über Quantencomputing?") is refused
    assert says_nothing_about(decision, "Peking oder Shanghai?", comparison=True) is refused
    assert says_nothing_about(decision, "Is quantum computing mentioned?") is refused


def test_a_missing_name_refuses_a_subject() -> None:
    terms = Terms(missing=("Huawei",), missing_names=1, checked_names=1, checked_words=2)
    doubt = Decision(0.1, 0.5, {"above_background": 0.05}, terms, True)
    assert says_nothing_about(doubt, "Cosa dice l'articolo su Huawei e HarmonyOS?")


def test_a_question_taken_for_a_subject_request_is_refused_as_a_question() -> None:
    # It asks for a quantity: a question the chat routed to a focused summary.
    doubt = Decision(0.1, 0.5, {"above_background": 0.05}, Terms(), True)
    assert says_nothing_about(doubt, "Welchen Marktanteil sollen KI-Chips 2025 erreichen?")


@pytest.mark.parametrize(
    ("measure", "lang", "missing"),
    [
        ("¿qué ciudad tiene más aeropuertos y rascacielos, o ?", "es",
         ("aeropuertos", "rascacielos")),
        ("which city has more skyscrapers and museums?", "en", ("skyscrapers", "museums")),
        ("谁的房价和地铁更好？", "zh", ("房价", "地铁")),
        # What the article compares the two cities on: nothing missing.
        ("on digital technology density", "en", ()),
        ("哪个城市的小巨人企业更多？", "zh", ()),
        # One word of three the article does not write: paraphrase, not another subject.
        ("on digital technology density and ambitions", "en", ()),
        # Most words unwritten, but two the article writes ("policies", "specific"): paraphrase.
        ("の政策はどのくらい具体的ですか？両市の施策の中身を", "ja", ()),
        # A figure is no word the article writes: "2.5" does not keep "PM" and "농도".
        ("초미세먼지(PM2.5) 농도를", "ko", ("초미세먼지", "PM2", "농도")),
    ],
)  # fmt: skip
def test_a_comparison_is_on_something_the_article_writes(
    engine,  # noqa: ANN001
    measure: str,
    lang: str,
    missing: tuple[str, ...],
) -> None:
    sure = Decision(0.9, 0.2, {}, Terms(), True)
    assert measure_missing(measure, lang, engine.index.vocabulary, sure) == missing


def test_one_missing_word_refuses_a_comparison_only_when_the_model_doubts(engine) -> None:  # noqa: ANN001
    # One word alone may be a paraphrase ("ambições": the article speaks of goals).
    doubt, likely = (Decision(p, 0.2, {}, Terms(), True) for p in (0.3, 0.6))
    vocabulary = engine.index.vocabulary
    assert measure_missing("which has more museums?", "en", vocabulary, doubt) == ("museums",)
    assert measure_missing("which has more museums?", "en", vocabulary, likely) == ()
    assert measure_missing("on digital density", "en", vocabulary, doubt) == ()
    # "Which city" frames the comparison: the one word left decides ("地铁": the metro).
    assert measure_missing("哪个城市的地铁更发达？", "zh", vocabulary, doubt) == ("地铁",)


def test_a_comparison_on_an_attribute_no_chosen_sentence_names_is_refused(engine) -> None:  # noqa: ANN001
    said = ["Pékin compte 1 048 entreprises centrales.", "Shanghai en compte plus de 1 000."]
    assert attribute_unstated("أيهما أكبر من حيث عدد السكان: بكين أم شنغهاي؟", said) == "population"
    assert attribute_unstated("Which has more inhabitants, Beijing or Shanghai?", said)
    assert attribute_unstated("Which has more AI companies, Beijing or Shanghai?", said) is None
    assert (
        attribute_unstated("Which has more inhabitants?", ["Shanghai a 25 millions d'habitants."])
        is None
    )
    # Its words are common ("عدد السكان": the number of inhabitants): the attribute refuses.
    request = "أيهما أكبر من حيث عدد السكان: بكين أم شنغهاي؟"
    found = engine.comparison(request, "ar", request, engine.embedder.embed_query(request))[0]
    assert not found.answered
    assert found.lead == phrase("no_population", "ar")


@pytest.mark.parametrize(
    ("request_", "unwritten"),
    [
        ("What does the article say about football?", ("football",)),
        ("What does the article say about electric cars?", ("electric", "cars")),
        ("Que dit l'article sur le sport ?", ("sport",)),
        ("サッカーについて記事は何と言っていますか？", ("サッカー",)),
        # The clause before the postposition names the text too: not a word it lacks.
        ("記事はサッカーについて何と言っていますか？", ("サッカー",)),
        # Everyday words the article writes: what it says on them is there.
        ("What does the article say about data?", ()),
        ("What does it say about investment?", ()),
        ("Que dit l'article sur les villes ?", ()),
        ("Summarise the large models", ()),  # no about word: the key terms decide
    ],
)
def test_a_subject_of_everyday_words_the_article_never_writes_is_refused(
    engine,  # noqa: ANN001
    request_: str,
    unwritten: tuple[str, ...],
) -> None:
    lang = engine.query_lang(request_)
    doubt = Decision(0.1, 0.5, {"above_background": 0.05}, Terms(), True)
    assert unwritten_subject(doubt, request_, lang, engine.index.vocabulary) == unwritten
    sure = Decision(0.9, 0.5, {"above_background": 0.05}, Terms(), True)
    assert unwritten_subject(sure, request_, lang, engine.index.vocabulary) == ()
