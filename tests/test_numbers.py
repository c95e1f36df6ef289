"""Numbers as values: one value however a language writes it."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.numbers import numbers, numbers_in_characters, numbers_written


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
        # The editions' languages: scale words, separators, digits.
        ("erreichen 300 Milliarden Yuan und 813.000 Unternehmen", "de", [300e9, 813000]),
        ("alcanzará 300 mil millones de yuanes", "es", [300e9]),
        ("raggiungerà 300 miliardi di yuan, 5,72 punti", "it", [300e9, 5.72]),
        ("atingirá 300 bilhões de yuans e 813 mil empresas", "pt", [300e9, 813000]),
        ("достигнет 300 млрд юаней, а затем 1000 млрд", "ru", [300e9, 1e12]),
        ("3000億元に達し、企業は81.3万社", "ja", [300e9, 813000]),
        ("3000억 위안, 기업 81.3만 개, 1조 위안", "ko", [300e9, 813000, 1e12]),
        ("٣٠٠ مليار يوان و٥٫٧٢ نقطة", "ar", [300e9, 5.72]),
        ("300 مليار يوان و813,000 شركة", "ar", [300e9, 813000]),
        # A reader's shorthand: "683k", "300bn".
        ("who has 683k firms, or 300bn yuan?", "en", [683000, 300e9]),
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


def test_korean_months_and_five_year_plans_are_not_compared() -> None:
    # "5월 28일" is a date (the day stays, as in "May 28"); "5개년" is "quinquennal", a word.
    assert numbers("5월 28일 발표된 제14차 5개년 계획", "ko") == Counter([28, 14])


def test_chinese_and_japanese_numbers_written_in_characters() -> None:
    # "十億を超える" in the Japanese edition is the "10億" a question writes.
    assert numbers_in_characters("パラメータ規模が十億を超える") == Counter({1e9: 1})
    assert numbers_in_characters("三千億元、二十五万、两亿、三万亿") == Counter(
        {3e11: 1, 2.5e5: 1, 2e8: 1, 3e12: 1}
    )
    assert numbers_in_characters("千万不要") == Counter()  # "by no means", no number
    assert numbers_written("十亿参数，79个", "zh") == Counter({1e9: 1, 79.0: 1})
    # The editions' number check reads digits only: the source writes "un milliard" in words.
    assert numbers("十亿参数", "zh") == Counter()
