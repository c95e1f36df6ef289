"""Closed classes of words: question words, summary verbs, thanks."""

from __future__ import annotations

import pytest

from bot.closed_words import asks_which, has_summary_verb, is_interrogative, opens_with_thanks


def test_an_arabic_question_word_with_its_clitics() -> None:
    # "and to which", "and how many", "so who"; a word that starts alike is no question word.
    assert all(is_interrogative(w, "ar") for w in ("ولأي", "وكم", "فمن", "لماذا"))
    assert not any(is_interrogative(w, "ar") for w in ("بكين", "لكن", "بتصريحاته"))


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Summarise the part on Shanghai", True),
        ("帮我总结一下北京的政策", True),
        ("北京のAI政策を要約して", True),
        ("Que dit le résumé du plan ?", False),  # the noun: a report's summary
        ("谢谢你的总结", False),  # after 的, 总结 is the noun
        ("Wie arbeiten Peking und Shanghai zusammen?", False),  # "zusammen" alone is "together"
    ],
)
def test_a_summary_is_asked_with_a_verb(text: str, asks: bool) -> None:
    assert has_summary_verb(text) is asks


@pytest.mark.parametrize(
    ("text", "thanks"),
    [
        ("Thanks for the summary!", True),
        ("谢谢你的总结", True),
        ("要約ありがとう", True),
        ("요약 고마워요", True),  # Korean and Japanese thank last
        ("Sintesi, grazie.", False),  # a thanks that is a please
        ("Ok, grazie", False),
    ],
)
def test_a_message_opens_with_thanks(text: str, thanks: bool) -> None:
    assert opens_with_thanks(text) is thanks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Which Apple device does the article cite?", True),
        ("Qual foi o primeiro dispositivo que a Apple lançou, segundo o texto?", True),
        ("Welches Gerät nennt der Artikel?", True),
        ("《实施方案》提到，哪些产品的市场占有率要提升？", True),
        ("記事で触れられているデバイスは何という製品ですか", True),
        # What is said, or what the article is about, asks no one thing.
        ("What does the article say about Web3?", False),
        ("Что в статье про AIGC?", False),
        ("한마디로 무슨 기사야?", False),
    ],
)
def test_a_message_asks_which_one(text: str, asks: bool) -> None:
    assert asks_which(text) is asks
