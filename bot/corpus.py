"""The corpus folder → clean documents: each file read, cleaned and described by its metadata,
editions checked against their sources (bot.ingest then splits them into passages)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bot.clean import clean_document
from bot.errors import CorpusError
from bot.lang import detect_lang

SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
META_FIELDS = ("title", "lang", "source", "note", "edition_of")
_MAX_TITLE = 120
# ISO 639-1: what a document's "lang" may be.
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da "
    "de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy "
    "hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg "
    "li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or "
    "os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta "
    "te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
LANGUAGE_CODES = frozenset(_ISO_639_1.split())


@dataclass(frozen=True)
class Document:
    """One cleaned source document."""

    id: str
    path: str
    title: str
    lang: str
    source: str
    note: str
    text: str
    # (start, end, level) of each heading title in `text`: Markdown levels cannot be re-read
    # from plain titles, so cleaning records them.
    headings: tuple[tuple[int, int, int], ...] = ()
    # Id of the document this one translates ("" for a source document): see README, "Editions".
    edition_of: str = ""


def read_corpus(folder: Path) -> list[Document]:
    """Every .txt/.md file in `folder` (sorted by name), read as strict UTF-8 and cleaned."""
    if not folder.is_dir():
        raise CorpusError(
            f"Corpus folder {folder} does not exist; create it and put .txt or .md files in it "
            "(or point BOT_CORPUS at the folder that has them)."
        )
    named = [
        path
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
    ]
    broken = [path.name for path in named if path.is_symlink() and not path.exists()]
    if broken:
        raise CorpusError(
            f"{', '.join(broken)} in {folder} link to nothing; fix or remove the links and run "
            "`bot index` again."
        )
    paths = [path for path in named if path.is_file()]  # a folder named "x.txt" is no document
    if not paths:
        raise CorpusError(f"No .txt or .md files in {folder}; add the documents to answer from.")
    _check_names(folder, paths)
    texts, unreadable = {}, []
    for path in paths:
        try:
            texts[path] = path.read_bytes().decode("utf-8-sig")  # strict: no silent Latin-1
        except UnicodeDecodeError as exc:
            unreadable.append(f"{path.name} (byte 0x{exc.object[exc.start]:02x} at {exc.start})")
        except OSError as exc:
            raise CorpusError(
                f"Cannot read {path}: {exc.strerror}; make it readable or remove it."
            ) from None
    if unreadable:
        raise CorpusError(
            f"Not valid UTF-8 in {folder}: {', '.join(unreadable)}; re-save each file as UTF-8 "
            "and run `bot index` again."
        )
    documents = [_document(path, texts[path]) for path in paths]
    empty = [Path(doc.path).name for doc in documents if not doc.text]
    if empty:
        raise CorpusError(
            f"No text in {', '.join(empty)} (in {folder}); add text or remove the file."
        )
    _check_editions(folder, documents)
    # Sources first, in name order, then editions: a source's passages keep their rows whatever
    # translations are added.
    return sorted(documents, key=lambda doc: bool(doc.edition_of))


def _check_editions(folder: Path, documents: list[Document]) -> None:
    """Refuse an edition of a missing document, of another edition, or in an unknown language."""
    by_id = {doc.id: doc for doc in documents}
    problems = []
    for doc in documents:
        meta = f"{doc.id}{META_SUFFIX}"
        if doc.lang not in LANGUAGE_CODES:
            problems.append(f"{meta} gives lang {doc.lang!r}, not an ISO 639-1 code such as 'en'")
        if not doc.edition_of:
            continue
        source = by_id.get(doc.edition_of)
        if source is None:
            problems.append(f"{meta} is an edition of {doc.edition_of!r}, which is not in {folder}")
        elif source.edition_of:
            problems.append(
                f"{meta} is an edition of {source.id!r}, itself an edition; "
                f"name the source instead ({source.edition_of!r})"
            )
        elif source.lang == doc.lang:
            problems.append(f"{meta} is in {doc.lang!r}, the language of its source {source.id!r}")
    if problems:
        raise CorpusError("; ".join(problems) + ". Fix the metadata and run `bot index` again.")


def _check_names(folder: Path, paths: list[Path]) -> None:
    """Refuse two documents with one id, and metadata that belongs to no document."""
    stems = [path.stem for path in paths]
    twins = sorted({stem for stem in stems if stems.count(stem) > 1})
    if twins:
        raise CorpusError(
            f"Several files share the name {', '.join(twins)} in {folder}; "
            "rename them so each document has its own id."
        )
    orphans = sorted(
        meta.name
        for meta in folder.glob(f"*{META_SUFFIX}")
        if meta.name[: -len(META_SUFFIX)] not in stems
    )
    if orphans:
        raise CorpusError(
            f"{', '.join(orphans)} in {folder} match no .txt or .md file; "
            "rename them after their document (<name>.meta.json) or remove them."
        )


def _document(path: Path, raw: str) -> Document:
    """A Document from a file's text and its optional <stem>.meta.json."""
    text, headings = clean_document(raw)
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    if meta.get("edition_of") and not meta.get("lang"):
        raise CorpusError(
            f'{path.stem}{META_SUFFIX} declares an edition but no lang; add "lang": "en" '
            "(its ISO 639-1 code) and run `bot index` again."
        )
    return Document(
        id=path.stem,
        path=str(path),
        title=meta.get("title") or _first_title(text, headings),
        lang=meta.get("lang") or detect_lang(text),
        source=meta.get("source", ""),
        note=meta.get("note", ""),
        text=text,
        headings=headings,
        edition_of=meta.get("edition_of", ""),
    )


def _read_meta(path: Path) -> dict[str, str]:
    """The metadata fields of `path`, or {} when there is no such file."""
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"Cannot read {path}: {exc}; fix it as a UTF-8 JSON object.") from None
    if not isinstance(meta, dict) or not all(
        isinstance(meta.get(key, ""), str) for key in META_FIELDS
    ):
        raise CorpusError(
            f"{path} must be a JSON object whose {', '.join(META_FIELDS)} are strings; fix it."
        )
    return {key: meta[key] for key in META_FIELDS if key in meta}


def _first_title(text: str, headings: tuple[tuple[int, int, int], ...]) -> str:
    """The first heading, or else the first line, shortened to a title's length."""
    title = text[headings[0][0] : headings[0][1]] if headings else text.split("\n", 1)[0]
    if len(title) > _MAX_TITLE:
        title = title[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return title
