"""Key terms of a question: names, numbers and rare words, in several languages and scripts."""

from __future__ import annotations

import pytest

from bot.keyterms import key_terms
from bot.term import Term


def surfaces(terms: tuple[Term, ...]) -> list[str]:
    return [term.surface for term in terms]


def test_an_acronym_in_brackets_glosses_the_words_before_it() -> None:
    # The article writes "processeurs", never "CPU": once refused for the gloss alone.
    terms = key_terms("Quantas empresas que produzem processadores (CPU) existem em Xangai?", "pt")
    assert "CPU" not in [t.surface for t in terms]
    assert "AIGC" in [t.surface for t in key_terms("O que é AIGC no plano?", "pt")]


def test_a_name_is_one_term() -> None:
    terms = key_terms("Who is the mayor of Beijing?", "en")
    assert [(t.surface, t.kind) for t in terms] == [("mayor", "word"), ("Beijing", "name")]
    bank = key_terms("What is the interest rate set by the European Central Bank?", "en")
    assert [(t.kind, t.keys) for t in bank] == [("name", ("european central bank",))]


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # Once "Partnership Program's", which the article never writes: a false refusal.
        ("What is the Partnership Program's goal for 2025?", ["Partnership Program", "2025"]),
        ("What did Zero One Think Tank’s summary count?", ["Zero One Think Tank"]),
        ("What is HTC's view?", ["HTC"]),
        # An apostrophe between a name's syllables keeps it whole; an elided article does not.
        ("Where does Xi'an rank?", ["Xi'an"]),
        ("Does the article name Yan’an?", ["Yan'an"]),
    ],
)
def test_a_possessive_ends_the_name_after_its_word(question: str, names: list[str]) -> None:
    assert surfaces(key_terms(question, "en")) == names


@pytest.mark.parametrize(
    ("question", "lang", "terms"),
    [
        # Once "The article does not mention “30th”": an ordinal is its number.
        ("What was issued on May 30th?", "en", [("May", "name"), ("30", "number")]),
        ("Quel est le 1er plan ?", "fr", [("1", "number")]),
        ("Who has 683k software firms?", "en", [("683k", "number")]),
        (
            "quali città superano le 10mila domande di brevetto?",
            "it",
            [("10mila", "number"), ("brevetto", "word")],
        ),
        ("Is Web3 in the plan?", "en", [("Web3", "name")]),  # a name still
    ],
)
def test_ordinals_and_shorthand_are_numbers(question: str, lang: str, terms: list) -> None:
    assert [(t.surface, t.kind) for t in key_terms(question, lang)] == terms


def test_a_city_after_a_name_is_a_name_of_its_own() -> None:
    # "TI" is Portuguese for IT: "TI Xangai" is no name the corpus could write.
    terms = key_terms("Quantas empresas de software e hardware de TI Xangai tinha em 2021?", "pt")
    assert [t.surface for t in terms if t.kind == "name"] == ["TI", "Xangai"]
    # A name that starts with a city stays whole.
    center = key_terms("Is the Beijing Super Cloud Computing Center a partner?", "en")
    assert [t.surface for t in center] == ["Beijing Super Cloud Computing Center"]


def test_a_spanish_question_names_its_city() -> None:
    # "población" is a common word.
    terms = key_terms("¿Cuál es la población de Tokio?", "es")
    assert [(t.surface, t.kind) for t in terms] == [("Tokio", "name")]


def test_questions_in_other_scripts_have_latin_names() -> None:
    terms = key_terms("Сколько стоит гарнитура Apple Vision Pro?", "ru")
    assert ("Apple Vision Pro", "name") in [(t.surface, t.kind) for t in terms]


def test_japanese_loanwords_are_words_and_rare_katakana_names() -> None:
    terms = key_terms("テンセントはパートナー計画の第一陣に選ばれましたか？", "ja")
    kinds = {t.surface: t.kind for t in terms}
    assert kinds["テンセント"] == "name"
    assert kinds["パートナー"] == "word"  # a loanword Japanese writes often, not a name


@pytest.mark.parametrize(
    ("question", "lang", "terms"),
    [
        # Once read as rare words, weighed as paraphrase: the article names no Huawei.
        ("Huawei fait-il partie des partenaires ?", "fr", [("Huawei", "name")]),
        # "Partner", a noun German writes every day, is none (once a name).
        ("Xiaomi ist einer der Partner?", "de", [("Xiaomi", "name")]),
        # The sentence's capital on a word of the language: no name.
        ("Combien de partenaires ?", "fr", []),
        ("Welche Partner gibt es?", "de", []),
        ("Ok, gracias", "es", []),  # a word both write every day: no name
        # A word borrowed from English, which English writes more often: no name.
        (
            "Chips y semiconductores: ¿qué dice?",
            "es",
            [("Chips", "word"), ("semiconductores", "word")],
        ),
        (
            "Inwieweit ist Peking führend?",
            "de",
            [("Inwieweit", "word"), ("Peking", "word"), ("führend", "word")],
        ),
    ],
)
def test_a_name_opening_the_question_is_a_name(question: str, lang: str, terms: list) -> None:
    assert [(t.surface, t.kind) for t in key_terms(question, lang)] == terms


def test_german_nouns_are_not_names() -> None:
    terms = key_terms("Welchen Umsatz hat HTC im letzten Jahr gemacht?", "de")
    assert [(t.surface, t.kind) for t in terms] == [("Umsatz", "word"), ("HTC", "name")]
    # A compound's head German writes is a noun: "HTC-Manager" was one name the article lacks.
    manager = key_terms("Was sagt der HTC-Manager?", "de")
    assert sorted((t.surface, t.kind) for t in manager) == [("HTC", "name"), ("manager", "word")]
    # A noun German shares with English is one when it is among German's everyday words.
    art = key_terms("Als welche Art von Partner wird Baidu geführt?", "de")
    assert "Art" not in surfaces(art) and "Partner" not in surfaces(art)
    assert ("Apple", "name") in [(t.surface, t.kind) for t in key_terms("Was plant Apple?", "de")]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What is it, and whom does it concern?", "en"),
        ("Who did what, when, where and why?", "en"),
        ("Qui est-ce, et pourquoi ?", "fr"),
        ("¿Cuántos son y cuáles?", "es"),
        ("Wie viele gibt es und welche?", "de"),
        ("Quantas são e quais?", "pt"),
        ("Сколько их и кто они?", "ru"),
        ("这是什么？有哪些？多少？", "zh"),
        ("The Which What?", "en"),
        ("谢谢！", "zh"),  # jieba reads it as a name: a refusal said the article lacks "谢谢"
        ("Danke!", "de"),
    ],
)
def test_stopwords_and_question_words_are_never_terms(question: str, lang: str) -> None:
    assert key_terms(question, lang) == ()


def test_words_common_in_their_family_are_not_terms() -> None:
    # "commented" is as familiar as "comment", "population" is everyday English.
    assert surfaces(key_terms("Who commented on the population?", "en")) == []
    assert surfaces(key_terms("Who commented on the headset?", "en")) == ["headset"]


@pytest.mark.parametrize(
    ("request_", "lang", "asks"),
    [
        ("Give me the gist of the Zhongguancun report", "en", "gist"),
        ("記事の中でデータセンターに関係する部分を要約して", "ja", "要約"),
        ("블록체인은 기사에서 어떤 맥락으로 나와?", "ko", "맥락"),
    ],
)
def test_words_that_ask_for_a_summary_are_not_terms(request_: str, lang: str, asks: str) -> None:
    # The subject is what the request names, not "gist", "要約" (summarise) or "맥락" (context).
    found = surfaces(key_terms(request_, lang))
    assert found and asks not in found


@pytest.mark.parametrize(
    ("question", "nouns", "not_terms"),
    [
        # A verb's endings ("있나요", "건가요"), an adverb from a verb ("연달아"), a counter with
        # the copula ("개이고"): how the question asks, which no edition need write.
        ("베이징 실시 방안에는 핵심 과제가 몇 개 있나요?", ["핵심"], ["있나요"]),
        (
            "베이징이 최근 연달아 내놓은 인공지능 정책은 몇 개이고, 어떤 도시를 만들겠다는 건가요?",
            ["인공지능"],
            ["연달", "개이고", "건가요", "만들"],
        ),
        (
            "기사에서 말하는 '디지털 비중'은 정확히 어떤 비율을 뜻하나요?",
            ["비중"],
            ["말하", "뜻하나요"],
        ),
        ("그럼 3위는 어디예요?", [], ["위는"]),
    ],
)
def test_korean_predicates_are_not_terms(question: str, nouns: list, not_terms: list) -> None:
    found = surfaces(key_terms(question, "ko"))
    assert set(nouns) <= set(found)
    assert not set(not_terms) & set(found)


def test_arabic_marks_do_not_split_a_word() -> None:
    # "يُستخدم" ("is used") with its damma is the everyday "يستخدم", not the rare "ستخدم".
    assert key_terms("ما المؤشر الذي يُستخدم عادةً؟", "ar") == key_terms(
        "ما المؤشر الذي يستخدم عادة؟", "ar"
    )


def test_fewer_common_families_make_everyday_words_terms() -> None:
    # "airports" is among the 2,000 commonest English word families, not among the 1,000.
    assert surfaces(key_terms("Which city has more airports?", "en")) == []
    assert surfaces(key_terms("Which city has more airports?", "en", 1000)) == ["airports"]
    # Function words and question words stay out.
    assert surfaces(key_terms("Which of the two has more?", "en", 1000)) == []


def test_a_city_before_the_articles_subject_is_a_name_of_its_own() -> None:
    # "The article does not mention “Beijing AI”" answered "What is the Beijing AI capital plan?"
    terms = key_terms("What is the Beijing AI capital plan?", "en")
    assert [t.surface for t in terms if t.kind == "name"] == ["Beijing", "AI"]
    metaverse = key_terms("Tell me about Shanghai Metaverse policies", "en")
    assert [t.surface for t in metaverse if t.kind == "name"] == ["Shanghai", "Metaverse"]
    # After a country, and any one-word name ("What is Tencent AI Lab?" checks "Tencent").
    china = key_terms("What percentage of China's AI core companies are in Beijing?", "en")
    assert [t.surface for t in china if t.kind == "name"] == ["China", "AI", "Beijing"]
    # Before any other name, the city stays part of it.
    university = key_terms("Where is Shanghai Jiao Tong University?", "en")
    assert [t.surface for t in university] == ["Shanghai Jiao Tong University"]


def test_a_number_in_characters_is_a_number() -> None:
    terms = key_terms("上海发布了多少个参数规模在十亿以上的大模型？", "zh")
    assert Term("十亿", "number", ("1e+09",)) in terms


def test_a_number_in_digits_is_found_where_the_corpus_writes_it_in_characters(engine) -> None:  # noqa: ANN001
    # The Japanese edition writes "十億を超える"; the question "10億".
    question = "10億パラメータ超の大規模モデルのうち、北京発のものはいくつあるの？"
    checked = engine.index.vocabulary.check(key_terms(question, "ja"), "ja")
    assert (Term("10億", "number", ("1e+09",)), True) in checked


def test_a_word_for_the_percent_sign_is_no_key_term() -> None:
    # The editions write "%": "パーセント" and "Prozent" ask a share, they name nothing.
    assert "パーセント" not in surfaces(
        key_terms("北京のデジタル特許の比率は何パーセントですか？", "ja")
    )
    assert "Prozent" not in surfaces(key_terms("Wie viel Prozent der Patente sind digital?", "de"))
    assert "Patente" in surfaces(key_terms("Wie viel Prozent der Patente sind digital?", "de"))


@pytest.mark.parametrize(
    ("question", "lang", "terms"),
    [
        # A title's first word has the title's capital when the title goes on in lowercase (the
        # Russian edition writes «Ряд мер»): a word, however common, the corpus may not write
        # («Война и мир»); a title in capitals is one name.
        ("Сколько мер предлагает документ «Несколько мер»?", "ru", [("Несколько", "word")]),
        ("Кто написал роман «Война и мир»?", "ru", [("Война", "word")]),
        ('What does the "Several Measures" plan say?', "en", [("Several Measures", "name")]),
        ("Qu'a dit « Huawei » ?", "fr", [("Huawei", "name")]),
    ],
)
def test_a_quoted_titles_first_word_is_a_word(question: str, lang: str, terms: list) -> None:
    assert [(t.surface, t.kind) for t in key_terms(question, lang)] == terms
