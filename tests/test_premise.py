"""A figure the question gives is not its answer, and a part is smaller than its whole
(bot.premise); the refusal says the article does not break the figure down, through the real
engine."""

from __future__ import annotations

from bot.premise import (
    answers_nothing_asked,
    asks_a_part,
    names_nothing_asked,
    sets_aside_all_given,
    whole_unstated,
)
from bot.stated import Reading

MODELS = Reading(
    "Selon le rapport publié le 28 mai, au moins 79 grands modèles ont été publiés en Chine, "
    "et Pékin en compte 38, au premier rang.",
    "fr",
    "",
)
PARTNERS = Reading(
    "Le premier groupe compte 39 membres, dont 2 partenaires de puissance de calcul.", "fr", ""
)
POLICIES = Reading(
    "全国の18の省級単位と24の市級単位が、メタバース産業を支援する政策を約114件発表していた。",
    "ja",
    "",
)


def test_a_part_of_a_counted_whole_is_read_in_the_eleven_languages() -> None:
    assert asks_a_part("How many of the 38 Beijing models are multimodal?", "en")
    assert asks_a_part("Of Beijing's 1,048 core AI companies, how many make chips?", "en")
    assert asks_a_part("Quanti dei 38 grandi modelli sono multimodali?", "it")
    assert asks_a_part("Wie viele der 39 Partner liefern Daten?", "de")
    # One word between ("China's", "landesweit"); in Chinese a place after the whole.
    assert asks_a_part("How many of China's 147 top universities are in Shanghai?", "en")
    assert asks_a_part("Wie viele der landesweit 147 Spitzenuniversitäten liegen hier?", "de")
    assert asks_a_part("中国147所一流大学中，上海有几所？", "zh")
    assert asks_a_part("Сколько из 39 партнёров — партнёры по данным?", "ru")
    assert asks_a_part("上海のメタバース支援政策16件のうち、区レベルは何件？", "ja")
    assert asks_a_part("베이징 대형 모델 38개 중 몇 개가 멀티모달인가요?", "ko")
    assert asks_a_part("베이징 AI 핵심기업 1048곳 중에 대형모델 회사는 몇 곳이야?", "ko")
    assert asks_a_part("38个大模型中有多少是多模态的？", "zh")
    assert asks_a_part("那79个参数超过十亿的大模型里，有几个是开源的？", "zh")
    # Fronted: "Delle 813.000 aziende…, quante…?", "De las 1.048 empresas…, ¿cuántas…?".
    assert asks_a_part("Delle 813.000 aziende di Shanghai, quante producono hardware?", "it")
    assert asks_a_part("De las 1.048 empresas centrales, ¿cuántas hacen modelos?", "es")
    assert asks_a_part("北京のAIコア技術人材4万人余りのうち、博士号を持つ人は何人？", "ja")
    # A year is no count of a whole.
    assert not asks_a_part("Von 2013 bis 2021, wie viele Firmen kamen hinzu?", "de")
    # A number qualifying the whole is no count of it ("models of over 1 billion parameters").
    assert not asks_a_part("10億パラメータ超の大規模モデルのうち、北京のものは何個？", "ja")
    assert not asks_a_part("How many models did Beijing publish?", "en")


def test_a_count_with_its_scale_names_no_members() -> None:
    # "1만 건 넘게" is over ten thousand applications, not one member the sentence should name.
    leaders = Reading(
        "베이징과 선전은 각각 1만 건이 넘는 디지털 기술 출원으로 목록 최상위를 차지했다.", "ko", ""
    )
    asked = "디지털 기술 총량에서 베이징과 함께 1만 건 넘게 앞선 도시는 어디인가요?"
    assert not names_nothing_asked(asked, leaders)
    assert names_nothing_asked(asked.replace("1만", "1"), leaders)


def test_the_whole_or_a_larger_figure_does_not_answer_a_part() -> None:
    # The 38 is given; the 79 (China's) is larger; the 28 is a day.
    assert answers_nothing_asked("Quanti dei 38 grandi modelli sono multimodali?", MODELS)
    assert answers_nothing_asked("上海のメタバース支援政策16件のうち、区レベルは何件？", POLICIES)
    # Only the figure the question gives; not when the sentence states another one.
    assert not answers_nothing_asked("Pékin a 38 modèles ; combien Shanghai en a-t-il ?", MODELS)
    assert answers_nothing_asked(
        "Shanghai en a 79 ; combien Pékin en a-t-il ?", Reading("Pékin en a 79.", "fr", "")
    )


def test_a_part_of_a_whole_the_sentence_and_its_context_do_not_state_is_no_answer() -> None:
    # The 38 is a part of the 79 models, not of Beijing's 1,048 companies.
    companies = "De las 1.048 empresas centrales de IA de Pekín, ¿cuántas hacen grandes modelos?"
    assert whole_unstated(companies, MODELS)
    assert not whole_unstated("Dei 79 grandi modelli, quanti sono di Pechino?", MODELS)
    # The whole stated in the passage before: "… 114 politiques. Parmi elles, Shanghai … 16".
    among = Reading(
        "Parmi elles, Shanghai en a publié le plus, 16.",
        "fr",
        "",
        context=(("… ont publié environ 114 politiques de soutien au métavers.", "fr"),),
    )
    assert not whole_unstated("Sur les 114 politiques, combien viennent de Shanghai ?", among)
    assert not whole_unstated("Combien de politiques Shanghai a-t-elle publiées ?", among)


def test_a_smaller_figure_or_a_question_without_figures_is_answered() -> None:
    assert not answers_nothing_asked("Combien des 39 partenaires fournissent le calcul ?", PARTNERS)
    assert not answers_nothing_asked("Combien des 79 modèles viennent de Pékin ?", MODELS)
    assert not answers_nothing_asked("Combien de grands modèles Pékin a-t-il ?", MODELS)
    # A percentage is no count: "1 048 …, soit 29 %" does not answer how many of the 1 048.
    core = Reading("Pékin comptait 1 048 entreprises centrales, soit 29 % du total.", "fr", "")
    assert answers_nothing_asked("Combien des 1 048 entreprises font des modèles ?", core)
    # Not a figure asked.
    assert not answers_nothing_asked("Lequel des 38 modèles est le plus grand ?", MODELS)


def test_the_refusal_says_the_article_does_not_break_the_figure_down(engine) -> None:  # noqa: ANN001
    answer = engine.ask("How many of the 38 large models published in Beijing are multimodal?")
    assert answer.kind == "not_found"
    assert "does not say how many of them" in answer.answer
    # The figure of the whole is among the nearest passages shown.
    assert any("38" in c.text for c in answer.citations)
    # A part the article gives is answered: 2 of the 39 first partners.
    answer = engine.ask("How many of the 39 first partners are computing power partners?")
    assert answer.kind == "answer"
    assert "2 computing power partners" in answer.answer


def test_which_ones_of_a_count_the_sentence_only_counts_are_not_named() -> None:
    universities = Reading(
        "Landesweit gibt es 147 erstklassige Hochschulen und Universitäten, 34 davon in Peking, "
        "weit vor Jiangsu, Shanghai und anderen Provinzen und Städten.", "de", "",
    )  # fmt: skip
    asked = "Welche Hochschulen gehören zu den 34 erstklassigen Universitäten in Peking?"
    assert names_nothing_asked(asked, universities)
    # The members listed after the count, or before it, or a source asked: answered.
    top = Reading("Les 5 premières villes sont Shanghai, Pékin, Shenzhen, Guangzhou et Chengdu.",
                  "fr", "")  # fmt: skip
    assert not names_nothing_asked("Quelles sont les 5 premières villes ?", top)
    measures = Reading(
        "Elles portent sur la puissance de calcul, les données, les modèles, les scénarios et la "
        "supervision, et proposent 21 mesures.", "fr", "",
    )  # fmt: skip
    assert not names_nothing_asked("Les 21 mesures portent sur quels aspects ?", measures)
    core = Reading("「白書」によると、北京のAI中核企業は1,048社だった。", "ja", "")
    assert not names_nothing_asked("1,048社という数字はどの資料から？", core)
    # A count of thousands counts no members one could name ("pasan de las 10.000").
    leaders = Reading("Beijing and Shenzhen filed more than 10,000 applications.", "en", "")
    assert not names_nothing_asked("Which cities filed more than 10,000 applications?", leaders)
    cities = Reading("Pekín y Shenzhen superan las 10.000 solicitudes.", "es", "")
    assert not names_nothing_asked("¿Qué ciudades pasan de las 10.000 solicitudes?", cities)
    # A figure asked is the other check's (answers_nothing_asked).
    assert not names_nothing_asked("How many of the 34 are in Beijing?", universities)


def test_the_members_of_a_count_asked_are_refused(engine) -> None:  # noqa: ANN001
    answer = engine.ask("¿Cómo se llaman las 21 empresas de procesadores informáticos de Shanghái?")
    assert answer.kind == "not_found", answer.answer


def test_the_others_besides_all_the_examples_given_are_not_named() -> None:
    english = ("The first group has 39 members, including 7 model partners such as Beijing "
               "Baidu.com Technology Co., Ltd. and Alibaba DAMO Academy (Beijing) Technology Co., "
               "Ltd., 8 investment partners such as IDG Capital and Smart Yuan.")  # fmt: skip
    partners = Reading("Le premier groupe compte 39 membres.", "fr", english)
    for asked in (
        "Besides Baidu and Alibaba DAMO, which companies are the other model partners?",
        "Oltre a IDG Capital e Smart Yuan, chi sono gli altri partner d'investimento?",
        "除了IDG资本和智源创投，剩下几家投资伙伴具体是谁？",
        "베이징 빅데이터센터랑 베이징 과학기술연구원 말고 나머지는 어디야?",
    ):
        assert sets_aside_all_given(asked, partners), asked
    # One set aside of two examples leaves the other; a list of three, two.
    assert not sets_aside_all_given("Besides Baidu, which model partner is named?", partners)
    paths = Reading("…", "es", "other new paths such as general, brain-inspired and embodied AI.")
    assert not sets_aside_all_given("Aparte de los grandes modelos, ¿qué otras vías?", paths)
    assert not sets_aside_all_given("Which model partners are named?", partners)
