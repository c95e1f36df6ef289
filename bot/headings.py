"""Recognise heading lines (Markdown, numbered, or short plain lines) and assign their levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKDOWN = re.compile(r"#{1,6}[ \t]+(?P<title>\S.*?)(?:[ \t]+#+)?[ \t]*")
CAPTION = re.compile(
    r"(?i)(figure|fig\.|tableau|table|graphique|graph|chart|abbildung|tabla|gráfico|figura"
    r"|рисунок|рис\.|таблица|图|表|図|그림|(?:ال)?شكل|جدول)\s*\d+"
)
BULLET = re.compile(r"([·•▪◦‣*-]|\d{1,2}[.)])\s+\S")
REFERENCE = re.compile(r"\[\d+\]")

# Absolute levels: "01, …" parts; "一、…" parts; "(1) …" / "（一）…" subparts; "2.1 …".
_LEVEL_1 = re.compile(r"(0\d\s*[,，、.]|[一二三四五六七八九十]+\s*[、.．])\s*\S")
_LEVEL_2 = re.compile(r"[(（]([一二三四五六七八九十]+|\d{1,2})[)）]\s*\S")
_DECIMAL = re.compile(r"(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S")
# Relative: "1. …" sits one level below the nearest enclosing heading of another kind.
_RELATIVE = re.compile(r"\d{1,2}[.、]\s*[^\d\s]")
# A heading does not end like a sentence or a clause ("?" and "!" are allowed when numbered),
# looking through closing quotes and brackets: '…。」' ends a sentence, 'Plan (2023)' does not.
_CLAUSE_END = ".;,:…。；，：、"
_SENTENCE_END = _CLAUSE_END + "?!？！"
_CLOSERS = "\"'”’»)]}」』）】〉》"
# CJK characters count double: a 40-character Chinese line is already long for a title.
_WIDE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
_MAX_NUMBERED = 200
# The number a heading or list item starts with ("1. ", "02、", "01, ", "一、", "(3) "): it numbers
# the line, it is not a figure the line states ("1.5 million", "3.7万" are).
_LINE_NUMBER = re.compile(
    r"\s*(?:\d{1,2}\s*[.)、．](?!\d)|\[\d{1,2}\]|0\d\s*[,，]|[一二三四五六七八九十]+\s*[、．]|"
    r"[(（](?:[一二三四五六七八九十]+|\d{1,2})[)）])\s*"
)
_MAX_PLAIN = 80
_MAX_LIST_TITLE = 60


@dataclass(frozen=True)
class Heading:
    """A heading line: its title, and its level (None: one below the enclosing heading)."""

    title: str
    level: int | None
    numbered: bool = False


def parse_heading(line: str, next_line: str = "") -> Heading | None:
    """The heading `line` stands for, if any; `next_line` must exist for a title or list title."""
    line = line.strip()
    markdown = MARKDOWN.fullmatch(line)
    if markdown:
        return Heading(markdown.group("title"), len(line) - len(line.lstrip("#")))
    if not line or "\n" in line:
        return None
    numbered = _numbered_level(line)
    if numbered is not None:
        return numbered
    if (
        len(line) <= _MAX_LIST_TITLE
        and line[-1] in ":："
        and not any(char in line[:-1] for char in ".;?!。；？！")
        and REFERENCE.match(next_line)
    ):
        return Heading(line[:-1].rstrip(), 1)
    if next_line and _is_plain_heading(line):
        return Heading(line, 1)
    return None


def unnumbered(line: str) -> str:
    """`line` without the number it starts with as a heading, list item or reference ("1. Le
    nombre d'entreprises…" → "Le nombre d'entreprises…", "[1] «…», Zero One Think Tank");
    unchanged when it starts with none."""
    number = _LINE_NUMBER.match(line)
    return line[number.end() :] if number else line


def _numbered_level(line: str) -> Heading | None:
    """A numbered heading ("01, …", "(1) …", "1. …", "2.1 …"), or None."""
    if len(line) > _MAX_NUMBERED or _last(line) in _CLAUSE_END:
        return None
    if _LEVEL_1.match(line):
        return Heading(line, 1, numbered=True)
    if _LEVEL_2.match(line):
        return Heading(line, 2, numbered=True)
    decimal = _DECIMAL.match(line)
    if decimal and not line[decimal.end() - 1].islower():  # "2.1 Méthodes", not "1.5 million"
        return Heading(line, decimal.group(1).count(".") + 1, numbered=True)
    if _RELATIVE.match(line):
        return Heading(line, None, numbered=True)
    return None


def _is_plain_heading(line: str) -> bool:
    """A short standalone line that reads like a title rather than a sentence or a label."""
    first = line[0]
    return (
        len(line) + len(_WIDE.findall(line)) <= _MAX_PLAIN
        and _last(line) not in _SENTENCE_END
        and first.isalpha()
        and not first.islower()
        and not CAPTION.match(line)
        and not BULLET.match(line)
        and not re.search(r"\s[:：]|[:：]\s", line)  # "Source : X", "Auteur : X" are labels
        and len(line.split()) <= 12
    )


def _last(line: str) -> str:
    """The last character of `line` before any closing quotes or brackets."""
    return line.rstrip(_CLOSERS)[-1:] or line[-1]


def resolve_levels(headings: list[Heading]) -> list[int]:
    """Absolute levels for headings in document order, resolving the relative ones."""
    stack: list[tuple[int, bool]] = []  # (level, is_relative) of the enclosing headings
    levels = []
    for heading in headings:
        level = heading.level
        if level is None:
            enclosing = [lvl for lvl, relative in stack if not relative]
            level = enclosing[-1] + 1 if enclosing else 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, heading.level is None))
        levels.append(min(level, 6))
    return levels
