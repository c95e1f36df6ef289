"""Defensive headers on pages, API and errors; /docs served from this server alone."""

from __future__ import annotations

import re

import pytest

from bot.headers import DOCS_POLICY, POLICY

HTML = {"accept": "text/html"}


@pytest.mark.parametrize(
    ("path", "headers"),
    [("/", HTML), ("/search?q=metaverse", HTML), ("/api/topics", {}), ("/nowhere", {}),
     ("/nowhere", HTML), ("/static/app.js", {})],
)  # fmt: skip
def test_every_response_carries_the_policy(client, path: str, headers: dict) -> None:  # noqa: ANN001
    response = client.get(path, headers=headers)
    assert response.headers["content-security-policy"] == POLICY
    assert "frame-ancestors 'none'" in POLICY and "script-src 'self'" in POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_hold_no_inline_script_or_style_the_policy_would_block(client) -> None:  # noqa: ANN001
    page = client.get("/?q=Combien+de+grands+mod%C3%A8les", headers=HTML).text
    for script in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in script or 'type="application/json"' in script, script
    assert " style=" not in page and "<style" not in page
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers


def test_the_docs_load_nothing_from_another_site(client) -> None:  # noqa: ANN001
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == DOCS_POLICY
    assert "http://" not in response.text and "https://" not in response.text
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', response.text):
        assert client.get(asset).status_code == 200, asset
