"""Whose fact a sentence is in a comparison, and whether it ranks the two cities."""

from __future__ import annotations

from bot.facts import sentence_text
from bot.sides import is_verdict, sides_of
from bot.target import places


def test_a_sentence_belongs_to_the_city_it_or_its_heading_names(article_sentences) -> None:  # noqa: ANN001
    ((passage, n), *_) = article_sentences("Pékin compte plus de 40 000 talents")
    assert sides_of(passage, n) == {"beijing"}
    ((passage, n), *_) = article_sentences("les brevets numériques de Shanghai représentaient")
    assert sides_of(passage, n) == {"shanghai"}
    # "Le « plan de mise en œuvre » propose 16 tâches clés…" names no city: its part, Beijing's.
    ((passage, n), *_) = article_sentences("propose 16 tâches clés")
    assert sides_of(passage, n) == {"beijing"}
    # Both cities, no figure, no ranking: neither city's fact (the article's opening remark).
    ((passage, n), *_) = article_sentences("ont une force")
    assert places(sentence_text(passage, n)) == {"beijing", "shanghai"}
    assert not sides_of(passage, n)
    # A ranking of both: the first city named leads it.
    ((passage, n), *_) = article_sentences("Part du numérique : n° 1 à Shanghai")
    assert sides_of(passage, n) == {"shanghai"}
    # A list of places ranks each of them; clauses give each city its figure.
    ((passage, n), *_) = article_sentences("Pékin, Shanghai, Shenzhen, Ningbo et Chongqing")
    assert sides_of(passage, n) == {"beijing", "shanghai"}
    ((passage, n), *_) = article_sentences("Pékin compte 596 entreprises")
    assert sides_of(passage, n) == {"beijing", "shanghai"}


def test_a_verdict_names_both_cities_and_ranks_them(article_sentences) -> None:  # noqa: ANN001
    ((passage, n), *_) = article_sentences("Pékin et Shanghai se classent respectivement")
    assert is_verdict(passage, n)
    # Both cities, no ranking: no verdict.
    ((passage, n), *_) = article_sentences("les deux villes sont à égalité")
    assert not is_verdict(passage, n)
