"""Numbers as values: one value however a language writes it."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.numbers import numbers


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("Shanghai comptera 813 000 sociétés", "fr", [813000]),
        ("Shanghai had 813,000 companies", "en", [813000]),
        ("上海有软硬件企业81.3万家", "zh", [813000]),
        ("atteindra 300 milliards de yuans", "fr", [300e9]),
        ("will reach 300 billion yuan", "en", [300e9]),
        ("将达到3000亿元", "zh", [300e9]),
        ("plus rapide de 5,72 points", "fr", [5.72]),
        ("faster by 5.72 points", "en", [5.72]),
        ("jusqu'à 11,3 %", "fr", [11.3]),
        ("超过1万亿元", "zh", [1e12]),
        ("(2023-2025)", "fr", [2023, 2025]),
        ("TOP20 des villes", "fr", [20]),
    ],
)
def test_values(text: str, lang: str, values: list[float]) -> None:
    assert numbers(text, lang) == Counter(values)


def test_months_are_not_numbers_in_chinese() -> None:
    # "le 28 mai" has one number; "5月28日" must too, or every date would be a mismatch.
    assert numbers("5月28日发布", "zh") == numbers("publié le 28 mai", "fr") == Counter([28])
    assert numbers("截至2023年3月底", "zh") == Counter([2023])


def test_a_range_reads_alike_in_both_languages() -> None:
    # Only the last number of "1,3 y 1,8 millones" carries the scale word, in every language.
    spanish = numbers("entre 1,3 y 1,8 millones de toneladas", "es")
    assert spanish == numbers("between 1.3 and 1.8 million tonnes", "en")
    assert spanish == Counter([1.3, 1.8e6])


def test_a_word_after_a_scale_is_not_a_scale() -> None:
    assert numbers("1 millionaire", "en") == Counter([1])


def test_changed_digit_is_a_different_value() -> None:
    assert numbers("813 000", "fr") != numbers("831,000", "en")
