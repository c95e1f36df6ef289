"""Tokens: numbers whole, stems per language, CJK and Hangul bigrams, one class per script."""

from __future__ import annotations

import pytest

from bot.tokens import CJK, UNSPACED, normalize_number, tokenize


@pytest.mark.parametrize(
    ("written", "token"),
    [
        ("813 000", "813000"),
        ("813\u00a0000", "813000"),  # no-break space
        ("813\u202f000", "813000"),  # narrow no-break space, as French typography writes it
        ("1 048", "1048"),
        ("5,72", "5.72"),
        ("5.72", "5.72"),
        ("2021", "2021"),
    ],
)
def test_a_number_is_one_token_however_it_is_written(written: str, token: str) -> None:
    assert tokenize(f"environ {written} sociétés", ["fr"])[0] == token
    assert [t for t in tokenize(f"about {written} firms", ["en"]) if t[0].isdigit()] == [token]


def test_normalize_number_gives_one_spelling() -> None:
    assert normalize_number("813 000") == "813000"
    assert normalize_number("5,72") == "5.72"


def test_numbers_in_a_list_stay_apart() -> None:
    tokens = tokenize("en 2021, 813 000 sociétés et 21 fabricants", ["fr"])
    assert [t for t in tokens if t[0].isdigit()] == ["2021", "813000", "21"]


def test_french_words_are_lowercased_stemmed_and_stopwords_dropped() -> None:
    tokens = tokenize("Les Entreprises de logiciels et des sociétés", ["fr"])
    assert not {"les", "de", "et", "des"} & set(tokens)
    assert tokenize("une entreprise", ["fr"]) == tokenize("DES ENTREPRISES", ["fr"])
    assert "logiciel" in tokens


def test_each_language_stems_its_own_words() -> None:
    assert tokenize("глубина Байкала", ["ru"]) == tokenize("глубины Байкал", ["ru"])
    assert tokenize("The companies", ["en"]) == tokenize("company", ["en"])


def test_cjk_runs_become_character_bigrams() -> None:
    assert tokenize("上海有多少", ["zh"]) == ["上海", "海有", "有多", "多少"]
    assert tokenize("书", ["zh"]) == ["书"]
    assert tokenize("上海2021年", ["zh"]) == ["2021", "上海", "年"]
    assert "られ" in tokenize("建てられました", ["ja"])  # kana too


def test_one_letter_words_are_dropped() -> None:
    assert tokenize("a b c", ["en"]) == []


# A character of each script the corpus and its editions write, and what each class says of it.
SCRIPTS = [
    ("北", "zh", True, True), ("京", "zh", True, True), ("の", "ja", True, True),
    ("メ", "ja", True, True), ("상", "ko", True, False), ("ب", "ar", False, False),
    ("П", "ru", False, False), ("é", "fr", False, False), ("1", "digit", False, False),
]  # fmt: skip


@pytest.mark.parametrize(("char", "script", "cjk", "unspaced"), SCRIPTS)
def test_one_class_per_script(char: str, script: str, cjk: bool, unspaced: bool) -> None:
    assert bool(CJK.match(char)) is cjk, script
    assert bool(UNSPACED.match(char)) is unspaced, script


def test_hangul_words_become_bigrams_so_a_particle_does_not_hide_the_word() -> None:
    assert {"베이", "이징"} <= set(tokenize("베이징은", ["ko"])) & set(tokenize("베이징의", ["ko"]))


def test_arabic_marks_are_dropped() -> None:
    # Short vowels and tanwin are written now and then: "شريكاً" is "شريكا".
    assert tokenize("يُستخدم شريكاً", ["ar"]) == tokenize("يستخدم شريكا", ["ar"])
