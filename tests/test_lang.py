"""Language identification on documents and on short questions, with the real py3langid model."""

from __future__ import annotations

import subprocess
import sys
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
# The stopword rules read each of these as Portuguese, German, French or English.
FORMERLY_MISREAD = [
    ("Có bao nhiêu công ty phần mềm ở Thượng Hải?", "vi"),
    ("Bắc Kinh thì sao?", "vi"),
    ("Şanghay'da kaç yazılım şirketi var?", "tr"),
    ("Pekin'in yapay zeka planı nedir?", "tr"),
    ("Hoeveel softwarebedrijven heeft Shanghai?", "nl"),
    ("Wat is de metaverse?", "nl"),
    ("Qui compte 813 000 entreprises ?", "fr"),  # the figure's n-grams read as Catalan
    ("Ile firm programistycznych ma Szanghaj?", "pl"),
    ("Co to jest metawersum?", "pl"),
    ("Berapa banyak perusahaan perangkat lunak di Shanghai?", "id"),
    ("Apa itu metaverse?", "id"),
    ("Hur många mjukvaruföretag har Shanghai?", "sv"),
    ("Vad är metaversum?", "sv"),
]
# One rule per script that belongs to one language, or to a few the letters or model tell apart.
SCRIPTS = [
    ("北京的人工智能计划是什么？", "zh"),
    ("北京のAI計画は何ですか？", "ja"),
    ("メタバースとは？", "ja"),
    ("베이징의 인공지능 계획은 무엇인가요?", "ko"),
    ("ما هي خطة بكين للذكاء الاصطناعي؟", "ar"),
    ("برنامه پکن برای هوش مصنوعی چیست؟", "fa"),
    ("بیجنگ کا مصنوعی ذہانت کا منصوبہ کیا ہے؟", "ur"),
    ("Какой план у Пекина?", "ru"),
    ("Який план у Пекіна?", "uk"),
    ("Хто заснував Alibaba?", "uk"),  # no і ї є ґ: the model tells it from Russian
    ("Ποιο είναι το σχέδιο του Πεκίνου;", "el"),
    ("מה התוכנית של בייג'ינג?", "he"),
    ("แผนของปักกิ่งคืออะไร", "th"),
    ("बीजिंग की योजना क्या है?", "hi"),
]
FRENCH_PARAGRAPH = (
    "Au niveau gouvernemental, Pékin porte une attention particulière au développement de la "
    "technologie générale de l'intelligence artificielle. Le 30 mai, le « Plan de mise en œuvre "
    "pour accélérer la construction de Pékin en tant que centre d'innovation en intelligence "
    "artificielle d'influence mondiale (2023-2025) » a été publié ; Shanghai, de son côté, a "
    "présenté son Metaverse Key Technology Research Action Plan, et Huang Zhaoying (HTC) estime "
    "que l'IA, la VR, l'AR et la 5G en sont les technologies de base."
)


@pytest.mark.parametrize(("question", "lang"), QUESTIONS + FORMERLY_MISREAD + SCRIPTS)
def test_short_questions(question: str, lang: str) -> None:
    assert detect_lang(question) == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # The script with the most (weighted) letters decides: a Chinese name in an English
        # question keeps it English, Latin initials in a Chinese question keep it Chinese.
        ("What is 北京's plan?", "en"),
        ("北京的AI计划是什么？", "zh"),
        # Latin-script names after the first word are names, not the language of the words
        # around them.
        ("Huang Zhaoying是谁？", "zh"),
        ("Apple Vision Pro는 어떤 기기인가요?", "ko"),
        ("What does 元宇宙 mean?", "en"),
        # Capitalised names are left out of the Latin model's input: their letters pull
        # towards their own language (Đà Nẵng reads as Vietnamese, Łódź as Polish).
        ("Quel est le PIB de Đà Nẵng ?", "fr"),
        ("How big is Łódź?", "en"),
        # An imperative and its pronoun say the language the name after them does not.
        ("Háblame de Shenzhen", "es"),
        ("Parlami di Shenzhen", "it"),
        ("Fale-me de Shenzhen", "pt"),
        ("Explique-moi le plan", "fr"),
    ],
)
def test_mixed_text(question: str, lang: str) -> None:
    assert detect_lang(question) == lang


@pytest.mark.parametrize(
    "name", ["Shanghai", "Huawei", "Tencent", "Baidu", "Shanghai?", "Kong Rongdu"]
)
def test_a_bare_name_is_too_short_to_tell(name: str) -> None:
    assert detect_lang(name, default="fr") == "fr"
    assert detect_lang(name, default="de") == "de"


@pytest.mark.parametrize(("text", "lang"), [("Y Pekín?", "es"), ("Et Pékin ?", "fr")])
def test_an_opener_before_a_name_names_the_language(text: str, lang: str) -> None:
    # The model alone reads "Y Pekín?" as Hungarian.
    assert detect_lang(text, default="de") == lang


@pytest.mark.parametrize("text", ["E Pechino?", "E Xangai?", "E a Pequim?"])
def test_an_opener_two_languages_share_is_too_short_to_tell(text: str) -> None:
    assert detect_lang(text, default="it") == "it"
    assert detect_lang(text, default="pt") == "pt"


@pytest.mark.parametrize("text", ["", "   ", "2021 ?", "42", "3.14 + 2 = 5,14", "?!", "— 2023 —"])
def test_no_letters_falls_back_to_the_default(text: str) -> None:
    assert detect_lang(text) == "en"
    assert detect_lang(text, default="fr") == "fr"


@pytest.mark.parametrize(
    ("name", "lang"),
    [("tianyige_zh.md", "zh"), ("baikal_ru.txt", "ru"), ("aceite_es.txt", "es")],
)
def test_test_documents(name: str, lang: str) -> None:
    assert detect_lang((DATA / name).read_text(encoding="utf-8")) == lang


def test_the_article_is_french() -> None:
    assert detect_lang(ARTICLE.read_text(encoding="utf-8")) == "fr"


def test_a_french_paragraph_full_of_english_names_is_french() -> None:
    assert detect_lang(FRENCH_PARAGRAPH) == "fr"
    assert detect_lang(FRENCH_PARAGRAPH + " Un lecteur demande : « ¿Y Shanghái? »") == "fr"


def test_the_model_is_not_loaded_at_import() -> None:
    code = "import sys, bot.lang; print('py3langid' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_the_cached_model_ranks_as_the_packaged_one(tmp_path: Path) -> None:
    from bot import identifier

    langs = ["de", "en", "es", "fr", "ru", "uk"]
    packaged = identifier.load(langs, None)
    first = identifier.load(langs, tmp_path)  # unpacks, then keeps it
    (kept,) = tmp_path.glob("langid-*")
    cached = identifier.load(langs, tmp_path)
    for text in ("Combien de modèles à Pékin ?", "Wie viele Modelle?", "А Шанхай?", "Y Shanghái"):
        assert cached.rank(text) == packaged.rank(text) == first.rank(text)
    automaton = kept / "nextmove.npy"
    automaton.write_bytes(automaton.read_bytes()[:1000])  # damaged: unpacked again, replaced
    assert identifier.load(langs, tmp_path).rank("Und Shanghai?") == packaged.rank("Und Shanghai?")
    assert automaton.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [kept.name]  # no staging folder left
