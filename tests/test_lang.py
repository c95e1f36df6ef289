"""Language identification on documents and on short questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.lang import detect_lang

DATA = Path(__file__).parent / "data"
ARTICLE = Path(__file__).parent.parent / "corpus" / "000_bab5460f06c5e48c.txt"

QUESTIONS = [
    ("And Shanghai?", "en"),
    ("Et Shanghai ?", "fr"),
    ("¿Y Shanghái?", "es"),
    ("Und Shanghai?", "de"),
    ("上海呢？", "zh"),
    ("上海は？", "ja"),
    ("상하이는요?", "ko"),
    ("А Шанхай?", "ru"),
    ("وماذا عن شنغهاي؟", "ar"),
    ("How many software companies does Shanghai have?", "en"),
    ("Combien d'entreprises de logiciels compte Shanghai ?", "fr"),
    ("Qu'est-ce que le métaverse ?", "fr"),
    ("¿Cuántas empresas de software tiene Shanghái?", "es"),
    ("Wie viele Softwarefirmen hat Shanghai?", "de"),
    ("Quante aziende di software ci sono a Shanghai?", "it"),
    ("Quantas empresas de software existem em Xangai?", "pt"),
    ("Quel est le rang de Pékin ?", "fr"),
    ("Qual è la città più grande della Cina?", "it"),
    ("Onde fica a cidade de Pequim?", "pt"),
    ("天一阁是谁建的？", "zh"),
    ("天一閣はいつ建てられましたか？", "ja"),
    ("Какова глубина Байкала?", "ru"),
    ("Where is 天一阁 located?", "en"),
]


@pytest.mark.parametrize(("question", "lang"), QUESTIONS)
def test_short_questions(question: str, lang: str) -> None:
    assert detect_lang(question) == lang


@pytest.mark.parametrize(
    ("name", "lang"),
    [("tianyige_zh.md", "zh"), ("baikal_ru.txt", "ru"), ("aceite_es.txt", "es")],
)
def test_test_documents(name: str, lang: str) -> None:
    assert detect_lang((DATA / name).read_text(encoding="utf-8")) == lang


def test_the_article_is_french() -> None:
    assert detect_lang(ARTICLE.read_text(encoding="utf-8")) == "fr"


def test_no_letters_falls_back_to_the_default() -> None:
    assert detect_lang("2021 ?") == "en"
    assert detect_lang("", default="fr") == "fr"
    assert detect_lang("Shanghai", default="fr") == "fr"
