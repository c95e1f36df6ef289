"""What a refusal says, in the reader's language: what the article never mentions, else what
the question asks that the article does not give (a year, an attribute such as a headquarters,
a figure for the city asked, a place in a ranking, a date, a person), else that it does not
say."""

from __future__ import annotations

from bot.abstain import Decision
from bot.phrases import not_mentioned, phrase

# What a refusal says is missing, by the kind of answer the question asks (bot.asked).
MISSING_KIND = {
    "quantity": "no_figure",
    "share": "no_figure",
    "money": "no_figure",
    "date": "no_date",
    "day": "no_date",
    "month": "no_date",
    "person": "no_person",
    "head": "no_person",
    "organisation": "no_organisation",
}


def refusal(decision: Decision, lang: str, first_cited: bool = False) -> str:
    """What a refusal says, in `lang`: the names and numbers the article never mentions
    ("installiere" says less than "Python"); else what the question asks that the article does
    not give (the year asked; a figure, for the city asked; the city's place in a ranking; a
    date; a person), else the other words it never mentions, else that it does not say. When
    the figure found is the other city's and the refusal lists that sentence first
    (`first_cited`), it says so: "… for Shanghai; the one it gives is Beijing's [1]"."""
    terms, how = decision.terms, decision.fit
    names = list(terms.missing[: terms.missing_names])
    # A missing word ("разрабатывать") says less than what the sentence found does not give
    # ("Какие именно компании…?" and no company named): it is said when the fit says nothing.
    if names or terms.missing and how.stated and how.bound and how.year is None:
        return not_mentioned(names or list(terms.missing), lang)
    if how.year:  # "… in 2022?" and a sentence giving 2021's
        return phrase("not_for_year", lang).format(year=how.year)
    if how.attribute:  # "Where is Zero One Think Tank based?" and a sentence citing its report
        return phrase(f"no_{how.attribute}", lang)
    if how.approximate:  # "Exactly how many…?" and "more than 10,000"
        return phrase("only_approximate", lang)
    if how.part:  # "How many of the 38 are multimodal?" and the sentence stating the 38
        return phrase("no_breakdown", lang)
    # A value bound to no city the refusal can name (another place, or years it cannot name):
    # no city's figure is said to be missing.
    of_a_city = how.bound or how.held_by is not None
    if how.expected in ("quantity", "share", "money") and len(how.places) == 1 and of_a_city:
        place = phrase(how.places[0], lang)
        if first_cited and how.held_by:
            other = phrase(how.held_by, lang)
            return phrase("figure_for_other", lang).format(place=place, other=other)
        return phrase("no_figure_for", lang).format(place=place)
    if how.rank and not how.bound and len(how.places) == 1:
        return phrase("no_rank_for", lang).format(place=phrase(how.places[0], lang))
    if how.expected in MISSING_KIND:
        return phrase(MISSING_KIND[how.expected], lang)
    return phrase("not_found", lang)
