"""The interface language: its strings are complete, and Accept-Language is read by q-value."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from starlette.requests import Request

from bot.ui import accepted, load_strings, ui_context

STRINGS = Path(__file__).resolve().parent.parent / "web" / "strings.json"


def test_strings_are_complete_in_every_language():
    strings = load_strings(STRINGS)
    assert {"en", "fr", "zh", "es", "de"} <= set(strings)
    for lang, table in strings.items():
        assert set(table) == set(strings["en"]), lang
        assert set(table["languages"]) == set(strings["en"]["languages"]), lang
        assert all(value for value in table.values()), lang
        assert "{lang}" in table["original"] and "{n}" in table["results"], lang
        assert set(table["lengths"]) == {"short", "medium", "long"}, lang
        assert "{n}" in table["passages_n"] and "{title}" in table["within"], lang


def test_language_links_keep_the_page_but_not_a_fresh_start():
    """?new=1 (the logo, Chat, "New conversation") clears the chat once; the links to the page
    in another language keep the rest of the address and the conversation."""
    app = SimpleNamespace(state=SimpleNamespace(strings=load_strings(STRINGS)))
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"new=1&length=short",
             "headers": [], "app": app}  # fmt: skip
    links = {code: href for code, _, href in ui_context(Request(scope))["ui_switch"]}
    assert links["fr"] == "/?length=short&ui=fr"


def test_a_missing_string_names_its_language_and_key(tmp_path: Path):
    path = tmp_path / "strings.json"
    path.write_text(json.dumps({"en": {"ask": "Ask", "retry": "Retry"}, "fr": {"ask": "Demander"}}))
    with pytest.raises(ValueError, match="'fr' lacks retry"):
        load_strings(path)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", ["fr", "fr", "en", "de"]),
        ("en;q=0.2, zh-Hans-CN", ["zh", "en"]),
        ("de;q=0, es", ["es"]),
        ("EN-us;q=bad, fr", ["fr"]),
        ("", []),
        (" , ;q=1", []),
    ],
)
def test_accept_language_by_preference(header, expected):
    assert accepted(header) == expected
