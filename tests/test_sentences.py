"""Gold sentence splits in French, English, Chinese, Russian and Arabic, traps included."""

from __future__ import annotations

import pytest

from bot.sentences import split_sentences


def sentences(text: str, lang: str = "fr") -> list[str]:
    """The sentences of `text` as strings."""
    return [text[start:end] for start, end in split_sentences(text, lang)]


GOLD_FR = [
    (
        "M. Dupont et Mme. Durand sont arrivés. Le Dr. Martin aussi.",
        ["M. Dupont et Mme. Durand sont arrivés.", "Le Dr. Martin aussi."],
    ),
    (
        "Voir p. ex. l'art. 12 du code, cf. Figure 3. Puis le n° 5.",
        ["Voir p. ex. l'art. 12 du code, cf. Figure 3.", "Puis le n° 5."],
    ),
    (
        "Il est né en 63 av. J.-C. à Rome. Il mourut en 14 apr. J.-C. Sa femme lui survécut.",
        [
            "Il est né en 63 av. J.-C. à Rome.",
            "Il mourut en 14 apr. J.-C.",
            "Sa femme lui survécut.",
        ],
    ),
    (
        "Des pommes, des poires, etc. sont vendues. Le marché ferme à 18 h.",
        ["Des pommes, des poires, etc. sont vendues.", "Le marché ferme à 18 h."],
    ),
    (
        "Shanghai comptera 813 000 sociétés, soit 5,72 points de plus ; Pékin atteint 5610,60 "
        "points. Le taux est de 11,3 %. Pékin comptait 1 048 entreprises.",
        [
            "Shanghai comptera 813 000 sociétés, soit 5,72 points de plus ; Pékin atteint "
            "5610,60 points.",
            "Le taux est de 11,3 %.",
            "Pékin comptait 1 048 entreprises.",
        ],
    ),
    (
        "Il hésita… Puis il partit... Vraiment ? Oui ! « Bien. » Il rit.",
        ["Il hésita…", "Puis il partit...", "Vraiment ?", "Oui !", "« Bien. »", "Il rit."],
    ),
    (
        'Il a déclaré : "Les gens exagèrent. Le métaverse avance." Puis il est parti.',
        ['Il a déclaré : "Les gens exagèrent.', 'Le métaverse avance."', "Puis il est parti."],
    ),
    (
        "Alibaba Cloud Computing Co., Ltd. et Beijing Baidu.com sont partenaires. "
        "Les données sont contrôlables. informations générées.",
        [
            "Alibaba Cloud Computing Co., Ltd. et Beijing Baidu.com sont partenaires.",
            "Les données sont contrôlables. informations générées.",
        ],
    ),
    (
        "1. Le nombre d'entreprises : n° 1 à Shanghai. Deux villes suivent.\n"
        "2. La densité de la technologie",
        [
            "1. Le nombre d'entreprises : n° 1 à Shanghai.",
            "Deux villes suivent.",
            "2. La densité de la technologie",
        ],
    ),
    (
        "Pékin a lancé trois politiques :\n· Le 19 mai, un programme a été lancé ;\n"
        "· Le 30 mai, un plan a été publié.",
        [
            "Pékin a lancé trois politiques :",
            "· Le 19 mai, un programme a été lancé ;",
            "· Le 30 mai, un plan a été publié.",
        ],
    ),
    (
        "Pourquoi Pékin « challe » ChatGPT ? » dit-il. Quelle ville est la plus forte ?",
        ["Pourquoi Pékin « challe » ChatGPT ? » dit-il.", "Quelle ville est la plus forte ?"],
    ),
]

GOLD_EN = [
    (
        "Mr. Smith works for Acme Inc. in the U.S. economy. He earns $3.5 million, i.e. a lot. "
        "J. K. Rowling agreed.",
        [
            "Mr. Smith works for Acme Inc. in the U.S. economy.",
            "He earns $3.5 million, i.e. a lot.",
            "J. K. Rowling agreed.",
        ],
    ),
    (
        'Dr. Lee said "It works." Then (e.g. in 2021) it failed! Did it? Yes.',
        ['Dr. Lee said "It works."', "Then (e.g. in 2021) it failed!", "Did it?", "Yes."],
    ),
    (
        "The index rose to 5,610.60 points in 2021. Growth was 11.3% (see No. 4). Done.",
        ["The index rose to 5,610.60 points in 2021.", "Growth was 11.3% (see No. 4).", "Done."],
    ),
]

GOLD_ZH = [
    (
        "他说：“今天很好。”然后走了。你知道吗？「真的！」她问。",
        ["他说：“今天很好。”", "然后走了。", "你知道吗？", "「真的！」", "她问。"],
    ),
    (
        "人们常问：“为什么叫天一阁？”答案就在《易经》里。藏书3.5万卷；其中善本8万余卷！",
        ["人们常问：“为什么叫天一阁？”", "答案就在《易经》里。", "藏书3.5万卷；其中善本8万余卷！"],
    ),
    (
        "东京很大。『本当ですか？』と彼は聞いた。",
        ["东京很大。", "『本当ですか？』", "と彼は聞いた。"],
    ),
]

GOLD_OTHER = [
    (
        "ru",
        "Толщина льда достигает 1–1,5 м. Почему вода чистая? Это 19 %, т. е. больше. "
        "Площадь — 31 722 км².",
        [
            "Толщина льда достигает 1–1,5 м.",
            "Почему вода чистая?",
            "Это 19 %, т. е. больше.",
            "Площадь — 31 722 км².",
        ],
    ),
    (
        "ar",
        "كم عمر المدينة؟ إنها قديمة جدا. نعم!",
        ["كم عمر المدينة؟", "إنها قديمة جدا.", "نعم!"],
    ),
    (
        "es",
        "¿Qué significa «virgen extra»? Se exporta, p. ej. a EE. UU. y a Japón. "
        "Entre los siglos I y III d. C., el aceite llegó a Roma.",
        [
            "¿Qué significa «virgen extra»?",
            "Se exporta, p. ej. a EE. UU. y a Japón.",
            "Entre los siglos I y III d. C., el aceite llegó a Roma.",
        ],
    ),
    (
        "de",
        "Am 5. Mai 2020 kam er, z.B. mit Dr. Weber. Dann ging er.",
        ["Am 5. Mai 2020 kam er, z.B. mit Dr. Weber.", "Dann ging er."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOLD_FR)
def test_french(text: str, expected: list[str]) -> None:
    assert sentences(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), GOLD_EN)
def test_english(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), GOLD_ZH)
def test_chinese_and_japanese(text: str, expected: list[str]) -> None:
    assert sentences(text, "zh") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), GOLD_OTHER)
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_spans_are_exact_and_trimmed() -> None:
    text = "  Un.  Deux ?\n\n  Trois »  "
    assert split_sentences(text) == [(2, 5), (7, 13), (17, 24)]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []


def test_no_terminator_is_one_sentence() -> None:
    assert sentences("Figure 2 : TOP20 Nombre d'entreprises (10 000) en 2021") == [
        "Figure 2 : TOP20 Nombre d'entreprises (10 000) en 2021"
    ]
