"""Generic scrape cleaning on small synthetic pages (the real article is in test_ingest)."""

from __future__ import annotations

from bot.clean import clean_document, clean_text

PROSE = "Paragraph {} is a long line of prose that goes on long enough to pass eighty characters."


def test_a_repeated_page_is_cut_with_the_furniture_before_it() -> None:
    first = [PROSE.format(n) for n in range(5)]
    furniture = ["Share this article", "Some Title", "Source : Example News"]
    second = [*first[:4], first[4] + " References: [1] A report."]  # folded, near-duplicate
    assert clean_text("\n".join([*first, *furniture, *second])) == "\n\n".join(first)


def test_a_paragraph_quoted_twice_is_not_a_repeated_page() -> None:
    quote = PROSE.format("quoted")
    lines = [
        quote,
        *(PROSE.format(n) for n in range(4)),
        quote,
        *(PROSE.format(n + 9) for n in range(4)),
    ]
    assert clean_text("\n".join(lines)) == "\n\n".join(lines)


def test_caption_credits_go_and_captions_stay() -> None:
    raw = (
        "Figure 3 : TOP20 cities in 2021\nSource des données : Think Tank\nText.\nSource : Reuters"
    )
    assert clean_text(raw) == "Figure 3 : TOP20 cities in 2021\n\nText.\n\nSource : Reuters"


def test_a_byline_holding_the_lead_becomes_the_lead() -> None:
    lead = "Il n'y a pas si longtemps, Pékin a publié deux politiques d'intelligence artificielle."
    assert clean_text(f"Auteur : {lead}") == lead
    assert clean_text("Auteur : Jean Dupont\nUn texte.") == "Auteur : Jean Dupont\n\nUn texte."


def test_machine_translation_artefacts() -> None:
    raw = 'Une pile complète.La technologie ""Plusieurs mesures"" : n°1, n° 2 et N°3 ; U.S.A.'
    assert clean_text(raw) == (
        'Une pile complète. La technologie "Plusieurs mesures" : n° 1, n° 2 et N° 3 ; U.S.A.'
    )
    assert clean_text("Voir Baidu.com et e.Coli.") == "Voir Baidu.com et e.Coli."


def test_invisible_characters_spaces_and_line_breaks() -> None:
    raw = "\ufeffUn\u200b texte\u00a0de 813\u202f000 mots.\r\nDeuxième\tligne."
    assert clean_text(raw) == "Un texte de 813 000 mots.\n\nDeuxième ligne."


def titles(raw: str) -> list[tuple[str, int]]:
    """The (title, level) of each heading `clean_document` finds in `raw`."""
    text, headings = clean_document(raw)
    return [(text[start:end], level) for start, end, level in headings]


def test_scraped_headings_get_plain_titles_and_levels() -> None:
    raw = "\n".join([
        "**01, Première partie **",
        "Texte de la partie un.",
        "1. Un point de la partie un",
        "Texte du point.",
        "**02, Deuxième partie ? **",
        "**(1) Sous-partie **",
        "Texte de la sous-partie.",
        "1. Un point de la sous-partie",
        "Texte du point.",
        "Matériel de référence:",
        "[1] Un rapport, 2022",
        "[2] Un autre rapport",
    ])  # fmt: skip
    assert clean_text(raw).split("\n\n") == [
        "01, Première partie",
        "Texte de la partie un.",
        "1. Un point de la partie un",
        "Texte du point.",
        "02, Deuxième partie ?",
        "(1) Sous-partie",
        "Texte de la sous-partie.",
        "1. Un point de la sous-partie",
        "Texte du point.",
        "Matériel de référence",
        "[1] Un rapport, 2022",
        "[2] Un autre rapport",
    ]
    assert titles(raw) == [
        ("01, Première partie", 1),
        ("1. Un point de la partie un", 2),
        ("02, Deuxième partie ?", 1),
        ("(1) Sous-partie", 2),
        ("1. Un point de la sous-partie", 3),
        ("Matériel de référence", 1),
    ]


def test_markdown_levels_are_kept_as_spans() -> None:
    raw = "# 天一阁\n\n简介。\n\n## 历史\n\n正文。\n\n### 七阁\n\n正文。\n\n## 今天\n\n正文。"
    assert (
        clean_text(raw) == "天一阁\n\n简介。\n\n历史\n\n正文。\n\n七阁\n\n正文。\n\n今天\n\n正文。"
    )
    assert titles(raw) == [("天一阁", 1), ("历史", 2), ("七阁", 3), ("今天", 2)]


def test_numbered_lines_without_text_between_are_a_list() -> None:
    raw = "Il faut :\n1. Des pommes\n2. Des poires\nEt c'est tout."
    assert clean_text(raw) == "Il faut :\n\n1. Des pommes\n2. Des poires\n\nEt c'est tout."


def test_bullets_stay_one_per_line_in_one_paragraph() -> None:
    raw = "Trois dates :\n· Le 19 mai, un plan ;\n· Le 30 mai, des mesures.\nFin du texte."
    assert (
        clean_text(raw)
        == "Trois dates :\n\n· Le 19 mai, un plan ;\n· Le 30 mai, des mesures.\n\nFin du texte."
    )


def test_soft_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "Titre\n\nUne phrase coupée\nen deux lignes.\n\n"
        + "天一阁位于宁波，是中国\n现存最古老的藏书楼。"
    )
    assert clean_text(raw) == (
        "Titre\n\nUne phrase coupée en deux lignes.\n\n天一阁位于宁波，是中国现存最古老的藏书楼。"
    )


def test_clean_markdown_loses_only_its_markers_and_cleaning_is_idempotent() -> None:
    text = (
        "# Titre\n\nUn paragraphe, ici.\n\n## Sous-titre\n\n- un\n- deux\n\n### Fin\n\nDernier mot."
    )
    cleaned = clean_text(text)
    assert cleaned == text.replace("# ", "").replace("#", "")
    assert clean_text(cleaned) == cleaned
    once = clean_text("**01, Partie **\nTexte.\nFigure 1 : x\nSource : y")
    assert once == "01, Partie\n\nTexte.\n\nFigure 1 : x"
    assert clean_text(once) == once


def test_a_last_short_line_is_text_not_a_heading() -> None:
    assert (
        clean_text("他说：“今天很好。”\n第二段没有句号") == "他说：“今天很好。”\n\n第二段没有句号"
    )
