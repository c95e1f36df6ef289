"""A figure the question gives is not its answer, and a part is smaller than its whole
(bot.premise); the refusal says the article does not break the figure down, through the real
engine."""

from __future__ import annotations

from bot.asked import Reading
from bot.premise import answers_nothing_asked, asks_a_part, whole_unstated

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
