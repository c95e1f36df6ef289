"""Heading recognition and level resolution."""

from __future__ import annotations

import pytest

from bot.headings import Heading, parse_heading, resolve_levels, unnumbered

NEXT = "A paragraph follows."


@pytest.mark.parametrize(
    ("line", "title", "level"),
    [
        ("## Sous-titre", "Sous-titre", 2),
        ("# 天一阁 #", "天一阁", 1),
        ("01, fortes explosions politiques", "01, fortes explosions politiques", 1),
        ("(1) Industrialisation numérique : Shanghai a plus d'atouts ?", None, 2),
        ("（二）发展现状", None, 2),
        ("一、发展现状", None, 1),
        ("2.1 Méthodes", None, 2),
        ("3. Part du numérique : n° 1 à Shanghai", None, None),
        ("География", None, 1),
        ("Plan d'action (2023-2025)", None, 1),
    ],
)
def test_headings(line: str, title: str | None, level: int | None) -> None:
    heading = parse_heading(line, NEXT)
    assert heading is not None
    assert heading.title == (title or line)
    assert heading.level == level


@pytest.mark.parametrize(
    "line",
    [
        "Une phrase courte.",
        "1. Acheter du lait.",
        "1.5 million people",
        "Figure 3 : TOP20 Nombre d'entreprises",
        "Source : Zero One Finance",
        "Auteur : Jean Dupont",
        "[1] Un rapport",
        "· Le 19 mai",
        "le texte continue sans majuscule",
        "他说：“今天很好。”",
        "Vraiment ?",
        "A title that goes on far too long to be a heading because it has many many words in it",
    ],
)
def test_not_headings(line: str) -> None:
    assert parse_heading(line, NEXT) is None


def test_a_list_title_needs_a_list_after_it() -> None:
    assert parse_heading("Matériel de référence:", "[1] Rapport") == Heading(
        "Matériel de référence", 1
    )
    assert parse_heading("Il faut :", "- du pain") is None  # the intro of a list is text
    assert parse_heading("Matériel de référence:", NEXT) is None


def test_a_plain_heading_needs_something_after_it() -> None:
    assert parse_heading("География", "") is None


def test_relative_levels_sit_below_the_enclosing_heading() -> None:
    headings = [
        Heading("01", 1),
        Heading("1.", None),
        Heading("2.", None),
        Heading("03", 1),
        Heading("(1)", 2),
        Heading("1.", None),
        Heading("2.", None),
        Heading("(2)", 2),
        Heading("1.", None),
        Heading("Références", 1),
        Heading("1.", None),
    ]
    assert resolve_levels(headings) == [1, 2, 2, 1, 2, 3, 3, 2, 3, 1, 2]
    assert resolve_levels([Heading("1.", None), Heading("2.", None)]) == [1, 1]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("1. Le nombre d'entreprises", "Le nombre d'entreprises"),
        ("02、进一步细化", "进一步细化"),
        ("01, fortes explosions", "fortes explosions"),
        ("（二）发展现状", "发展现状"),
        ("3) trois", "trois"),
        # A reference's number is no figure either.
        ("[1] «Informe (2022)», Zero One Think Tank", "«Informe (2022)», Zero One Think Tank"),
        # Figures stay: decimals, a list of numbers, a count at the start.
        ("1.5 million de personnes", "1.5 million de personnes"),
        ("3.7万家企业", "3.7万家企业"),
        ("1, 2 et 3", "1, 2 et 3"),
        ("5 villes", "5 villes"),
    ],
)
def test_the_number_of_a_heading_or_item_is_not_its_text(line: str, text: str) -> None:
    assert unnumbered(line) == text
