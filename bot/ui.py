"""The interface language of the pages: its strings (web/strings.json) and how it is chosen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from markupsafe import Markup, escape

from bot.lang import direction

COOKIE = "ui"  # set by a ?ui=xx link in the page header; wins over Accept-Language
DEFAULT = "en"
COOKIE_AGE = 365 * 24 * 3600


def load_strings(path: Path) -> dict[str, dict[str, Any]]:
    """Interface strings by language; every language must have every key English has."""
    strings = json.loads(path.read_text(encoding="utf-8"))
    for lang, table in strings.items():
        missing = sorted(set(strings[DEFAULT]) - set(table))
        if missing:
            raise ValueError(f"{path}: {lang!r} lacks {', '.join(missing)}; add them.")
    return strings


def lang_attrs(lang: str) -> Markup:
    """`lang="ar" dir="rtl"`: the attributes of an element holding text in `lang`."""
    return Markup('lang="{}" dir="{}"').format(escape(lang), direction(lang))


def accepted(header: str) -> list[str]:
    """The primary language subtags of an Accept-Language header, most wanted first."""
    ranked = []
    for n, part in enumerate(header.split(",")):
        tag, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag and tag != "*" and q > 0:
            ranked.append((-q, n, tag.split("-")[0].lower()))
    return [tag for *_, tag in sorted(ranked)]


def ui_lang(request: Request) -> str:
    """?ui=, else the cookie a ?ui= link set, else the browser's Accept-Language, else English."""
    known = request.app.state.strings
    for choice in (request.query_params.get("ui"), request.cookies.get(COOKIE)):
        if choice in known:
            return choice
    wanted = accepted(request.headers.get("accept-language", ""))
    return next((lang for lang in wanted if lang in known), DEFAULT)


def ui_context(request: Request) -> dict[str, Any]:
    """What every template gets: the interface language, its strings, links to switch it."""
    lang = ui_lang(request)
    strings = request.app.state.strings
    url = request.url
    here = url.remove_query_params("new")  # another language keeps the conversation
    switch = [
        (code, table["name"], f"{url.path}?{here.include_query_params(ui=code).query}")
        for code, table in strings.items()
    ]
    return {"ui": lang, "ui_dir": direction(lang), "t": strings[lang], "ui_switch": switch}


def remember(request: Request, response: Response) -> None:
    """Keep a ?ui= choice in a cookie, so later pages (and links without it) use it too."""
    choice = request.query_params.get("ui")
    if choice in request.app.state.strings and choice != request.cookies.get(COOKIE):
        response.set_cookie(COOKIE, choice, max_age=COOKIE_AGE, samesite="lax")
    response.headers["Vary"] = "Accept-Language, Cookie"
