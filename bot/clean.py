"""Scrape cleaning: drop a repeated copy and page furniture, fix MT artefacts, find headings."""

from __future__ import annotations

import re
import unicodedata

from bot.headings import (
    BULLET,
    CAPTION,
    MARKDOWN,
    REFERENCE,
    Heading,
    parse_heading,
    resolve_levels,
)

# A line this long is prose; a run of them seen twice means the page repeated the article.
_LONG_LINE = 80
_MIN_REPEATED = 3
_REPEATED_SHARE = 0.6
_MAX_TRIES = 5
# Page furniture between two copies is a few short lines (link, disclaimer, title, source).
_MAX_FURNITURE_LINES = 8
_MAX_FURNITURE_CHARS = 400

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\t"), " ")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Aggregator boilerplate: a "view original" link and the third-party-content disclaimer.
_BOILERPLATE = re.compile(
    r"(?i)^(voir l'original|view (the )?original|read (the )?original( article)?"
    r"|lire l'article original|查看原文|阅读原文)$"
    r"|third[- ]party content|not be considered as an endorsement|see disclaimer for details"
)
# A credit line under a figure caption ("Source des données : Zero One Think Tank").
_CREDIT = re.compile(
    r"(?i)^(sources? des données|sources?|data sources?|fuente|quelle|источник"
    r"|数据来源|资料来源|来源)\s*[:：]"
)
_MAX_CREDIT = 100
# A byline label in front of what is really the lead paragraph.
_BYLINE = re.compile(r"(?i)^(auteur|author|autor|autore|автор|作者|著者)\s*[:：]\s*")
_MIN_LEAD = 80

# "complète.La": a word of two letters or more, a full stop, then a capitalised word.
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_])([^\W\d_])\.([^\W\d_])([^\W\d_])")
_NUMERO = re.compile(r"\b([nN])[°º]\s*(?=\d)")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")

Block = tuple[str, Heading | None]  # a paragraph (None) or a heading line
HeadingSpan = tuple[int, int, int]  # (start, end, level) of a heading title in the cleaned text


def clean_text(raw: str) -> str:
    """Clean scraped text: paragraphs and headings (as plain titles) separated by blank lines."""
    return clean_document(raw)[0]


def clean_document(raw: str) -> tuple[str, tuple[HeadingSpan, ...]]:
    """The cleaned text and its headings as (start, end, level) spans of that text."""
    lines = [line.strip() for line in _normalize(raw).split("\n")]
    lines = _drop_furniture(_drop_repeat(lines))
    lines = [_fix_line(line) for line in lines]
    return _render(_blocks(lines))


def _normalize(raw: str) -> str:
    """Unicode NFC, one kind of line break and space, no invisible characters."""
    text = _LINE_BREAKS.sub("\n", raw).translate(_INVISIBLE).translate(_SPACES)
    return unicodedata.normalize("NFC", text)


def _key(line: str) -> str:
    """A line reduced to its words, to spot copies despite markup and case."""
    return " ".join(line.replace("**", " ").casefold().split())


def _drop_repeat(lines: list[str]) -> list[str]:
    """Cut a second copy of the article, and the page furniture just before it."""
    keys = [_key(line) for line in lines]
    first_seen: set[str] = set()
    tries = 0
    for start, key in enumerate(keys):
        if len(key) >= _LONG_LINE and key in first_seen:
            if _rest_is_copy(keys, start):
                return lines[: _copy_end(keys, start)]
            tries += 1
            if tries == _MAX_TRIES:  # a document quoting itself often is no repeated page
                break
        first_seen.add(key)
    return lines


def _rest_is_copy(keys: list[str], start: int) -> bool:
    """Whether the long lines from `start` on mostly repeat (or extend) earlier ones."""
    earlier = [key for key in keys[:start] if len(key) >= _LONG_LINE]
    earlier_set = set(earlier)
    rest = [key for key in keys[start:] if len(key) >= _LONG_LINE]
    repeated = sum(
        key in earlier_set or any(key.startswith(old) or old.startswith(key) for old in earlier)
        for key in rest
    )
    return repeated >= _MIN_REPEATED and repeated >= _REPEATED_SHARE * len(rest)


def _copy_end(keys: list[str], start: int) -> int:
    """Where the first copy ends: after its last line that the second copy also contains."""
    rest = "\n".join(keys[start:])
    end = start
    while end > 0 and (not keys[end - 1] or keys[end - 1] not in rest):
        end -= 1
    furniture = [key for key in keys[end:start] if key]
    if len(furniture) > _MAX_FURNITURE_LINES or any(
        len(key) > _MAX_FURNITURE_CHARS for key in furniture
    ):
        return start  # too much in between to call it furniture: keep it
    return end


def _drop_furniture(lines: list[str]) -> list[str]:
    """Drop boilerplate and figure credits; turn a byline that holds the lead into the lead."""
    kept: list[str] = []
    previous = ""  # the last non-blank line read, kept or not
    for line in lines:
        after_caption = bool(CAPTION.match(previous))
        previous = line or previous
        if _BOILERPLATE.search(line):
            continue
        if after_caption and _CREDIT.match(line) and len(line) <= _MAX_CREDIT:
            continue
        byline = _BYLINE.match(line)
        if byline and len(line) - byline.end() >= _MIN_LEAD:
            line = line[byline.end() :]
        kept.append(line)
    return kept


def _fix_line(line: str) -> str:
    """Repair machine-translation and markup artefacts within one line."""
    line = line.replace("**", "")
    line = re.sub(r'"{2,}', '"', line)
    line = _GLUED_SENTENCE.sub(_unglue, line)
    line = _NUMERO.sub(r"\1° ", line)
    return " ".join(line.split())


def _unglue(match: re.Match[str]) -> str:
    """'complète.La' → 'complète. La', but leave 'Baidu.com', 'U.S.A.' and 'e.Coli' alone."""
    left, capital, after = match.groups()
    if left.islower() and capital.isupper() and after.islower():
        return f"{left}. {capital}{after}"
    return match.group()


def _blocks(lines: list[str]) -> list[Block]:
    """Group lines into headings and paragraphs: one per line, or per blank-line block."""
    content = "\n".join(lines).strip("\n")
    per_line = "\n\n" not in content  # no blank lines: the scrape put one paragraph per line
    groups = [lines] if per_line else [group.split("\n") for group in content.split("\n\n")]
    groups = [[line for line in group if line] for group in groups]
    groups = [group for group in groups if group]
    blocks: list[Block] = []
    for n, group in enumerate(groups):
        after = groups[n + 1][0] if n + 1 < len(groups) else ""
        _add_group(group, after, blocks, per_line)
    return _demote_lists(blocks)


def _add_group(group: list[str], after: str, blocks: list[Block], per_line: bool) -> None:
    """Append one group's headings and paragraphs to `blocks`; `after` is the next group's line."""
    paragraph: list[str] = []
    alone = per_line or len(group) == 1
    for n, line in enumerate(group):
        following = group[n + 1] if n + 1 < len(group) else after
        heading = None
        if alone or MARKDOWN.fullmatch(line):
            heading = parse_heading(line, following)
        if heading:
            _flush(paragraph, blocks)
            blocks.append((line, heading))
            continue
        if REFERENCE.match(line):  # "[1] …": each reference is a passage of its own
            _flush(paragraph, blocks)
            blocks.append((line, None))
            continue
        if BULLET.match(line) or not paragraph:
            paragraph.append(line)
        else:
            glue = "" if _CJK.match(paragraph[-1][-1]) and _CJK.match(line[0]) else " "
            paragraph[-1] = paragraph[-1] + glue + line  # a soft-wrapped line
        if per_line and not (BULLET.match(line) and n + 1 < len(group) and BULLET.match(following)):
            _flush(paragraph, blocks)
    _flush(paragraph, blocks)


def _flush(paragraph: list[str], blocks: list[Block]) -> None:
    """Move a finished paragraph (bullet lines kept on their own lines) into `blocks`."""
    if paragraph:
        blocks.append(("\n".join(paragraph), None))
        paragraph.clear()


def _demote_lists(blocks: list[Block]) -> list[Block]:
    """Turn runs of numbered "headings" with nothing between them, or a last line, into text."""
    result: list[Block] = []
    start = 0
    while start < len(blocks):
        heading = blocks[start][1]
        end = start + 1
        while (
            heading
            and heading.numbered
            and end < len(blocks)
            and (other := blocks[end][1])
            and other.numbered
            and other.level == heading.level
        ):
            end += 1
        if end - start > 1:  # "1. Pommes" then "2. Poires": a list, not two empty sections
            result.append(("\n".join(text for text, _ in blocks[start:end]), None))
        elif end == len(blocks) and heading and not MARKDOWN.fullmatch(blocks[start][0]):
            result.append((blocks[start][0], None))  # a last line heads nothing: keep its text
        else:
            result.append(blocks[start])
        start = end
    return result


def _render(blocks: list[Block]) -> tuple[str, tuple[HeadingSpan, ...]]:
    """Join blocks with blank lines, noting where each heading's title lands and its level."""
    levels = iter(resolve_levels([heading for _, heading in blocks if heading]))
    parts: list[str] = []
    spans: list[HeadingSpan] = []
    offset = 0
    for text, heading in blocks:
        if heading:
            text = heading.title
            spans.append((offset, offset + len(text), next(levels)))
        parts.append(text)
        offset += len(text) + 2  # the blank line after it
    return "\n\n".join(parts), tuple(spans)
