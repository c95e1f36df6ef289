"""The HTTP contract's own rules, as the OpenAPI document states them."""

from __future__ import annotations

import re
import sys

from bot.schema import NOT_BLANK, Question


def test_the_not_blank_pattern_agrees_with_the_validator_on_every_character():
    # Otherwise a client that checks its request against /openapi.json sends text we refuse.
    pattern = re.compile(NOT_BLANK)
    disagree = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if (pattern.search(chr(code)) is None) != chr(code).isspace()
    ]
    assert disagree == []


def test_k_takes_integral_numbers_only():
    k = Question.model_validate({"question": "x", "k": 2.0}).k
    assert k == 2 and type(k) is int
