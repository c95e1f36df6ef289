"""Which key terms of a question the real article (French, English, Chinese) lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coverage import Vocabulary
from bot.keyterms import key_terms
from bot.request_refusal import MEASURE_COMMON
from bot.term import Term

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EDITIONS = {
    "fr": "000_bab5460f06c5e48c.txt",
    "en": "000_bab5460f06c5e48c.en.md",
    "zh": "000_bab5460f06c5e48c.zh.md",
}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    """The article's three editions, one text per paragraph, as plain text (no index)."""
    texts, langs = [], []
    for lang, name in EDITIONS.items():
        for paragraph in (CORPUS / name).read_text(encoding="utf-8").split("\n\n"):
            if paragraph.strip():
                texts.append(paragraph)
                langs.append(lang)
    return Vocabulary.build(texts, langs)


def surfaces(terms: tuple[Term, ...]) -> list[str]:
    return [term.surface for term in terms]


def missing(vocabulary: Vocabulary, question: str, lang: str) -> list[str]:
    return surfaces(vocabulary.missing(key_terms(question, lang), lang))


@pytest.mark.parametrize(
    ("question", "lacks"),
    [
        ("What is the population of Tokyo?", ["Tokyo"]),
        ("What is the interest rate set by the European Central Bank?", ["European Central Bank"]),
        ("Who is the mayor of Beijing?", ["mayor"]),
        ("Which headset does Sony sell?", ["headset", "Sony"]),
    ],
)
def test_off_topic_english_questions_lack_a_term(
    vocabulary: Vocabulary, question: str, lacks: list[str]
) -> None:
    assert missing(vocabulary, question, "en") == lacks


def test_the_city_is_found(vocabulary: Vocabulary) -> None:
    terms = key_terms("Who is the mayor of Beijing?", "en")
    assert surfaces(vocabulary.checkable(terms, "en")) == ["mayor", "Beijing"]


def test_an_abbreviated_post_is_found_spelled_out(vocabulary: Vocabulary) -> None:
    # "global vice president of HTC": "VP" is written; no CEO is named.
    assert missing(vocabulary, "Which outlet interviewed HTC's global VP?", "en") == ["outlet"]
    assert missing(vocabulary, "Who is the CEO of HTC?", "en") == ["CEO"]
    assert missing(vocabulary, "Qui est le PDG de HTC ?", "fr") == ["PDG"]
    # Not a post: the editions spell out "integrated circuits" ("integrierte Schaltkreise").
    assert missing(vocabulary, "Was zeichnet Shanghais IC-Industrie aus?", "de") == []


def test_an_abbreviation_of_a_name_the_corpus_capitalises_is_found(vocabulary: Vocabulary) -> None:
    # "Beijing Smart Yuan Venture Capital Fund": "VC"; no capitalised name abbreviates to "CEO".
    question = "Which VC firms are among the investment partners?"
    assert "VC" not in missing(vocabulary, question, "en")
    assert missing(vocabulary, "Which CEO firms are among the investment partners?", "en")


def test_another_name_of_a_city_the_corpus_writes_is_found(vocabulary: Vocabulary) -> None:
    # The editions write 北京 and 上海; a reader may write them in katakana. A longer name
    # holding the city's is looked for as it is.
    for name in ("ペキン", "ベイジン", "シャンハイ"):
        assert vocabulary.missing([Term(name, "name", (name,))], "ja") == ()
    plan = Term("Beijing's AI Implementation Plan", "name", ("beijing's ai implementation plan",))
    assert vocabulary.missing([plan], "en") == (plan,)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How big will Beijing's AI core industry be by 2025?", "en"),
        ("Why has the metaverse been criticised, according to the HTC executive?", "en"),
        ("Who is Kong Rongdu?", "en"),
        ("Where does Beijing stand in the Global Innovation Index ranking of tech clusters?", "en"),
        ("Combien de membres compte le premier lot du programme de partenariat pékinois ?", "fr"),
        ("D'après Zero One Think Tank, combien de politiques Shanghai a-t-elle adoptées ?", "fr"),
        ("HTC的黄昭颖说元宇宙底层融合了哪些技术？", "zh"),
        ("北京有多少人工智能核心技术人才？", "zh"),
    ],
)
def test_questions_the_article_answers_lack_nothing(
    vocabulary: Vocabulary, question: str, lang: str
) -> None:
    assert vocabulary.checkable(key_terms(question, lang), lang)
    assert missing(vocabulary, question, lang) == []


def test_chinese_names_are_looked_up_in_the_chinese_edition(vocabulary: Vocabulary) -> None:
    assert missing(vocabulary, "东京的人口是多少？", "zh") == ["东京"]
    # Traditional characters find the simplified edition.
    assert missing(vocabulary, "東京的人口是多少？", "zh") == ["東京"]
    assert missing(vocabulary, "上海的人口是多少？", "zh") == []


@pytest.mark.parametrize(
    ("question", "lang", "found", "lacks"),
    [
        ("What did Beijing plan for 2025, and for 2031?", "en", ["2025"], ["2031"]),
        ("Does Shanghai have 813,000 software companies?", "en", ["813,000"], []),
        ("Shanghai a-t-elle 813 000 entreprises ?", "fr", ["813 000"], []),
        ("上海有81.3万家企业吗？", "zh", ["81.3万"], []),
        ("Will the industry reach 300 billion yuan?", "en", ["300 billion"], []),
        # A question language with no edition: numbers are checked in every edition.
        ("¿Qué pasará en 2031?", "es", [], ["2031"]),
        ("¿Tendrá Shanghái 813.000 empresas?", "es", ["813.000"], []),
    ],
)
def test_numbers_are_values_checked_in_every_edition(
    vocabulary: Vocabulary, question: str, lang: str, found: list[str], lacks: list[str]
) -> None:
    terms = [t for t in key_terms(question, lang) if t.kind == "number"]
    assert surfaces(vocabulary.missing(terms, lang)) == lacks
    assert [t.surface for t in terms if t not in vocabulary.missing(terms, lang)] == found


def test_a_spanish_question_checks_only_names_an_edition_would_spell_alike(
    vocabulary: Vocabulary,
) -> None:
    # "Tokio" is the Spanish spelling, which no edition would use: it cannot be decided, and
    # "población" is a common word, checkable in no edition anyway.
    terms = key_terms("¿Cuál es la población de Tokio?", "es")
    assert [(t.surface, t.kind) for t in terms] == [("Tokio", "name")]
    assert vocabulary.checkable(terms, "es") == ()
    assert vocabulary.missing(terms, "es") == ()
    # "Huawei" is spelled alike everywhere, and the article never names it.
    assert missing(vocabulary, "¿Quién fundó Huawei?", "es") == ["Huawei"]
    # "Pekín" is found as the French edition's "Pékin", accents aside.
    pekin = key_terms("¿Cuántos habitantes tiene Pekín?", "es")
    assert surfaces(vocabulary.checkable(pekin, "es")) == ["Pekín"]
    assert vocabulary.missing(pekin, "es") == ()


def test_questions_in_other_scripts_check_their_latin_names(vocabulary: Vocabulary) -> None:
    terms = key_terms("Сколько стоит гарнитура Apple Vision Pro?", "ru")
    assert surfaces(vocabulary.checkable(terms, "ru")) == ["Apple Vision Pro"]
    assert vocabulary.missing(terms, "ru") == ()
    assert missing(vocabulary, "上海有多少Python开发者？", "zh") == ["Python", "开发者"]
    assert missing(vocabulary, "東京都のPython予算はいくらですか？", "ja") == ["Python"]


def test_german_capitals_check_only_names(vocabulary: Vocabulary) -> None:
    terms = key_terms("Welchen Umsatz hat HTC im letzten Jahr gemacht?", "de")
    assert [(t.surface, t.kind) for t in terms] == [("Umsatz", "word"), ("HTC", "name")]
    assert surfaces(vocabulary.checkable(terms, "de")) == ["HTC"]
    assert missing(vocabulary, "Wie installiere ich Python unter Windows?", "de") == [
        "Python",
        "Windows",
    ]
    # "KI" is German for AI: an acronym of the question's own language is not looked for.
    assert missing(vocabulary, "Wie viele KI-Modelle hat Peking?", "de") == []


def test_a_clipped_word_finds_the_word_it_shortens(vocabulary: Vocabulary) -> None:
    # The article writes "technology", never "tech".
    assert missing(vocabulary, "Which tech clusters lead?", "en") == []


def test_the_vocabulary_reads_back_from_the_index_as_built(vocabulary: Vocabulary) -> None:
    import json

    again = Vocabulary.from_json(json.loads(json.dumps(vocabulary.to_json(), ensure_ascii=False)))
    assert again == vocabulary


def test_a_loanword_another_edition_writes_is_found() -> None:
    # The Spanish edition says "cadena de bloques"; the French one writes "blockchain", as the
    # Spanish reader does. A word no edition writes is still missing.
    vocabulary = Vocabulary.build(
        ["L'intelligence artificielle, la blockchain et le cloud computing.",
         "La inteligencia artificial, la cadena de bloques y la computación en la nube."],
        ["fr", "es"],
    )  # fmt: skip
    assert missing(vocabulary, "¿Se menciona la blockchain en el artículo?", "es") == []
    assert missing(vocabulary, "¿Se menciona la criptomoneda?", "es") == ["criptomoneda"]


def test_a_word_of_another_editions_own_language_is_no_loanword() -> None:
    # Spanish writes "mayor" ("greater"): that is not the English "mayor".
    vocabulary = Vocabulary.build(
        ["Shanghai has the greater number of companies.",
         "Shanghái tiene el mayor número de empresas."],
        ["en", "es"],
    )  # fmt: skip
    assert missing(vocabulary, "Who is the mayor of Shanghai?", "en") == ["mayor"]


def test_a_katakana_word_is_found_in_another_spelling() -> None:
    # The Japanese edition writes "ニアアイディスプレー"; a reader may write "ディスプレイ", or
    # a dot between the words. A short word must match whole; another word is still missing.
    vocabulary = Vocabulary.build(["ニアアイディスプレーとサーバーの開発。"], ["ja"])
    for question in ("ニアアイディスプレイとは？", "ニアアイ・ディスプレイとは？", "サーバとは？"):
        assert missing(vocabulary, question, "ja") == [], question
    assert missing(vocabulary, "ホログラムディスプレイとは？", "ja") == ["ホログラムディスプレイ"]
    assert missing(vocabulary, "サーブとは？", "ja") == ["サーブ"]


def test_a_katakana_compound_of_a_written_word_and_an_everyday_one_is_found() -> None:
    # "最初のパートナーグループ…" was refused as not mentioning "パートナーグループ": the edition
    # writes "パートナー", and "グループ" (group) is everyday Japanese. Two unwritten parts, or a
    # written one beside a rare one, are still missing.
    vocabulary = Vocabulary.build(["第一陣のパートナーは計39の会員からなる。"], ["ja"])
    assert missing(vocabulary, "パートナーグループには何社？", "ja") == []
    assert missing(vocabulary, "サッカーワールドカップとは？", "ja") == ["サッカーワールドカップ"]
    assert missing(vocabulary, "パートナーホログラムとは？", "ja") == ["パートナーホログラム"]


def test_a_transliterated_name_is_found_however_it_is_spaced(vocabulary: Vocabulary) -> None:
    # The article writes "Huang Zhaoying"; a reader may write "Zhao Ying" apart, and the Arabic
    # edition's "كونغ رونغ دو" may be read as "كونغ رونغدو". Another name is still missing.
    assert missing(vocabulary, "Who is Huang Zhao Ying?", "en") == []
    arabic = Vocabulary.build(["قال كونغ رونغ دو، كبير المحللين"], ["ar"])
    assert missing(arabic, "ماذا قال رونغدو؟", "ar") == []
    assert missing(vocabulary, "Who is Huang Zhaoling?", "en") == ["Huang Zhaoling"]


def test_a_name_is_found_in_another_case() -> None:
    # Russian and German inflect names: the edition writes "Хуан Чжаоина" (genitive) and
    # "Alibaba Cloud"; a reader asks about "Хуан Чжаоине" (prepositional), "Пекинском центре",
    # "Alibaba Clouds". Another name, inflected alike, is still missing.
    russian = Vocabulary.build(
        ["По словам Хуан Чжаоина, Пекинский центр больших данных работает."], ["ru"]
    )
    assert missing(russian, "Что статья говорит о Хуан Чжаоине?", "ru") == []
    assert missing(russian, "Что известно о Пекинском центре больших данных?", "ru") == []
    assert missing(russian, "Что статья говорит о Ли Цяне?", "ru") == ["Ли Цяне"]
    german = Vocabulary.build(["Rechenleistung von Alibaba Cloud Computing Co., Ltd."], ["de"])
    assert missing(german, "Welche Rolle spielt Alibaba Clouds Rechenleistung?", "de") == []
    assert missing(german, "Welche Rolle spielt Tencent Clouds Rechenleistung?", "de") == [
        "Tencent"
    ]


def test_an_arabic_stem_is_found_at_the_start_of_the_corpus_s(engine) -> None:  # noqa: ANN001
    # Snowball stems "المسار" (the track) to "مسار" and the edition's "مسارات" to "مسارا".
    terms = key_terms("في المسار الرقمي", "ar", MEASURE_COMMON)
    assert [(t.surface, holds) for t, holds in engine.index.vocabulary.check(terms, "ar")] == [
        ("المسار", True)
    ]


def test_a_derived_word_is_found_by_its_stem_at_the_start_of_the_corpus_s(engine) -> None:  # noqa: ANN001
    # The Portuguese edition writes "tecnologia regulatória" (stem "regulatór"); a reader asks
    # about "regulação" (stem "regul"). A word the article never writes is still missing.
    terms = key_terms("regulação dos aeroportos", "pt", MEASURE_COMMON)
    assert [(t.surface, holds) for t, holds in engine.index.vocabulary.check(terms, "pt")] == [
        ("regulação", True),
        ("aeroportos", False),
    ]


def test_a_german_compound_of_two_written_words_is_found() -> None:
    # "Digitale Technologiedichte: Peking vs. Shanghai" was refused: the German edition writes
    # "Technologie" and "Dichte", not the compound. A linking "s" joins them too; a compound of
    # an unwritten word is still missing.
    german = Vocabulary.build(
        ["Die Dichte der Technologie und der Entwicklung: ein Index."], ["de"]
    )
    assert missing(german, "Wie hoch ist die Technologiedichte?", "de") == []
    assert missing(german, "Was zeigt der Entwicklungsindex?", "de") == []
    assert missing(german, "Wie hoch ist die Einwohnerdichte?", "de") == ["Einwohnerdichte"]


def test_a_city_named_in_another_script_is_checked_by_all_its_names(engine) -> None:  # noqa: ANN001
    # The article ranks Nanjing and never names Osaka or Daegu: a Korean or Japanese reader's
    # city is found under any of its names, and a city it never names is a missing name.
    vocabulary = engine.index.vocabulary
    checked = vocabulary.check(key_terms("난징과 대구시의 순위는?", "ko"), "ko")
    assert [(t.surface, t.kind, holds) for t, holds in checked] == [
        ("난징", "name", True),
        ("대구시", "name", False),
    ]
    assert vocabulary.missing(key_terms("충칭시는 몇 위인가요?", "ko"), "ko") == ()  # "충칭"
    osaka = vocabulary.missing(key_terms("大阪市の戦略は？", "ja"), "ja")
    assert [(t.surface, t.kind) for t in osaka] == [("大阪市", "name")]
