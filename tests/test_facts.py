"""What a sentence states: content or not, and the facts it carries."""

from __future__ import annotations

import pytest

from bot.facts import fact_tokens, is_content, refers_back
from bot.ingest import Passage


def passage(text: str, spans: list[tuple[int, int]] | None = None) -> Passage:
    return Passage("d-1", "d", 0, "d", (), text, 0, len(text), tuple(spans or [(0, len(text))]))


def test_what_is_not_content():
    assert not is_content(passage("Quelle ville a les compétences numériques les plus fortes ?"), 0)
    assert not is_content(passage("¿Qué significa «virgen extra»?"), 0)
    assert not is_content(passage('[1] "Rapport sur l\'indice (2022)", Zero One Think Tank'), 0)
    reference = '[2] "Pourquoi Pékin ? Quelle ville est la plus forte, selon le rapport. 》'
    assert not is_content(passage(reference, [(0, 16), (17, len(reference))]), 1)
    assert not is_content(passage("Figure 3 : TOP20 Nombre d'entreprises en 2021"), 0)
    assert not is_content(passage("图3：2021年中国城市新兴数字技术企业数量TOP20"), 0)
    assert not is_content(passage("Dans certains segments."), 0)
    assert is_content(passage("Table 1 shows that Beijing leads in digital patents."), 0)
    assert is_content(passage("人工智能核心产业规模将达到3000亿元。"), 0)


def test_what_counts_as_a_fact():
    assert fact_tokens("Pékin compte 1 048 entreprises, soit 29 % du total.") == {
        "#1048",
        "#29%",
    }
    # Chinese magnitudes are numbers too; a lone 一 is a word.
    assert fact_tokens("原有藏书仅剩约一万三千卷，今藏古籍30余万卷，一座楼。") == {
        "#一万三千",
        "#30余万",
    }
    # A quoted title counts; quoted speech and one quoted word do not.
    said = 'Il a lancé le "Plan de mise en œuvre" et dit : "Nous sommes très optimistes."'
    assert fact_tokens(said, frozenset({"il", "nous", "plan"})) == {"«plan de mise en œuvre"}
    assert fact_tokens('Une force "numérique" considérable.') == set()
    # A capitalised word the text also writes in lower case starts a sentence; it names nothing.
    assert fact_tokens("· Le 19 mai, Apple a lancé Vision Pro.", frozenset({"le"})) == {
        "#19",
        "@Apple",
        "@Vision",
        "@Pro",
    }


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Il a déclaré que la couche inférieure du métaverse est l'intégration…", True),
        ("Cette politique est considérée comme un raffinement supplémentaire.", True),
        ("He added that the scenarios are broad.", True),
        ("他表示，元宇宙的底层是所有相关技术的融合。", True),
        ("Он считает, что сценарии очень широки.", True),
        # Impersonal openers and connectives name nothing earlier.
        ("Il existe 147 collèges et universités de première classe.", False),
        ("Il convient de noter que le plan intègre aussi l'IA.", False),
        ("此外，北京还发布了两项政策。", False),
        ("Pékin compte 34 universités.", False),
    ],
)
def test_a_sentence_that_leans_on_the_one_before(sentence: str, leans: bool) -> None:
    assert refers_back(sentence) is leans
