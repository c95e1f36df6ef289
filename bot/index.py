"""The index on disk: the manifest a build wrote, and loading it back once it is shown to be whole,
fresh and of the configured embedder (`bot.build` writes it)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.align import Link
from bot.commonness import lowercase_words
from bot.config import Settings
from bot.corpus import Document
from bot.coverage import Vocabulary
from bot.editions import Editions
from bot.embed import embedder_id
from bot.errors import IndexMissing, IndexStale
from bot.ingest import Passage
from bot.intent_examples import EXAMPLES, IntentExamples
from bot.lexical import LexicalIndex
from bot.sentence_words import SentenceWords
from bot.tokens import tokenize
from bot.topics import Topic
from bot.vector_files import approximate_files, read_vectors

FORMAT_VERSION = 11
# Everyday sentences in many languages, off the corpus's topics: the yardstick for "off-topic".
BACKGROUND = Path(__file__).with_name("background.txt")
CORPUS_SUFFIXES = (".txt", ".md", ".json")


@dataclass(frozen=True)
class Manifest:
    """What `index/manifest.json` records about a build."""

    format_version: int
    embedder: str
    dim: int
    documents: int
    editions: int
    passages: int
    sentences: int
    background: int
    background_hash: str  # of bot/background.txt: the abstention model is fitted against it
    intents_hash: str  # of bot/intents.jsonl: the message classifier is fitted on it
    corpus_hash: str
    built_at: str
    # Every file the build wrote (path in the index folder → [bytes, sha256]): a loader checks
    # them, so a truncated, deleted or altered file is refused, not served.
    files: dict[str, list] = field(default_factory=dict)
    # The FAISS files written as HNSW (approximate search) rather than exact: Settings.exact_below.
    approximate: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Index:
    """Everything a question needs, loaded once: passages (of sources and their editions), their
    sentences, vectors, BM25, and the links between editions and sources."""

    manifest: Manifest
    documents: tuple[Document, ...]
    passages: tuple[Passage, ...]
    passage_vectors: object  # faiss.IndexFlatIP
    sentence_vectors: object  # faiss.IndexFlatIP
    background_vectors: object  # faiss.IndexFlatIP
    sentence_passage: np.ndarray  # sentence row → passage row
    passage_first_sentence: np.ndarray  # passage row → row of its first sentence
    lexical: LexicalIndex
    # sentence row → its BM25 tokens and those of its translations, for overlap
    sentence_words: SentenceWords  # each sentence's search words, its translations' too
    editions: Editions
    links: dict[str, list[Link]]  # edition id → its sentence links to its source
    alignment: dict[str, dict]  # edition id → its alignment report (editions.report)
    summaries: dict[str, dict]  # scope id → its chosen sentences (summarize.choose_all)
    intents: IntentExamples  # labelled example messages and their vectors (bot/intents.jsonl)
    topics: tuple[Topic, ...]  # clusters of each document's passages, labelled per language
    rows_by_id: dict[str, int]  # passage id → row
    vocabulary: Vocabulary  # what the corpus's editions write, for the question's key terms
    # Words the English texts write in lowercase: capitalised ("the Shanghai "Metaverse" …"),
    # they name no one (bot.reading). Read at load from the passages.
    lowercase_english: frozenset[str] = frozenset()


def corpus_hash(folder: Path) -> str:
    """A digest of every corpus file's name and bytes: any edit makes the index stale."""
    digest = hashlib.sha256()
    files = (p for p in folder.rglob("*") if p.suffix.lower() in CORPUS_SUFFIXES and p.is_file())
    for path in sorted(files):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(data: bytes) -> str:
    """SHA-256 of `data`, in hex."""
    return hashlib.sha256(data).hexdigest()


def sentence_texts(passages: tuple[Passage, ...] | list[Passage]) -> list[tuple[int, int, str]]:
    """(passage row, sentence number, text) for every sentence, in index order."""
    return [
        (row, n, p.text[start:end])
        for row, p in enumerate(passages)
        for n, (start, end) in enumerate(p.sentences)
    ]


def sentence_words(passages: tuple[Passage, ...], editions: Editions) -> SentenceWords:
    """Each sentence's BM25 tokens, a source sentence's with those of its translations (for the
    index folder: tokenizing at load took half a second)."""
    langs = sorted(set(editions.passage_lang.tolist()))
    words = [set(tokenize(text, langs)) for _, _, text in sentence_texts(passages)]
    for translated, source in zip(*editions.sentence_pairs, strict=True):
        if translated != source:
            words[source] |= words[translated]
    return SentenceWords.build(words)


def file_digest(path: Path) -> str:
    """SHA-256 of the file at `path`, in hex."""
    with path.open("rb") as data:
        return hashlib.file_digest(data, "sha256").hexdigest()


def damage(folder: Path, manifest: Manifest) -> str | None:
    """Which file of the index in `folder` is not the one the build wrote, or None."""
    if not manifest.files:
        return f"{folder}/manifest.json lists no files — run `bot index`."
    for name, (size, digest) in manifest.files.items():
        path = folder / name
        try:
            found = path.stat().st_size
            if found != size:
                return (
                    f"{path} has {found} bytes, not the {size} the build wrote — run `bot index`."
                )
            if file_digest(path) != digest:
                return f"{path} is not the file the build wrote — run `bot index`."
        except OSError:
            return f"{path} is missing or unreadable — run `bot index`."
    return None


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a built index, or IndexMissing saying how to build one."""
    path = folder / "manifest.json"
    if not path.is_file():
        raise IndexMissing(f"No index in {folder}/ — run `bot index` first.")
    try:
        return Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (TypeError, ValueError):
        raise IndexStale(f"{path} is from another version of bot — run `bot index`.") from None


def read_alignment(folder: Path) -> dict[str, dict]:
    """Each edition's alignment report, as the last build wrote it."""
    stored = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
    return {doc_id: entry["report"] for doc_id, entry in stored.items()}


def staleness(settings: Settings) -> str | None:
    """Why the index on disk cannot serve these settings, or None when it can."""
    try:
        manifest = read_manifest(settings.index)
    except (IndexMissing, IndexStale) as error:
        return str(error)
    return _mismatch(settings, manifest)


def _mismatch(settings: Settings, manifest: Manifest) -> str | None:
    """Why an index with this manifest cannot serve these settings, or None when it can."""
    if manifest.format_version != FORMAT_VERSION:
        return f"The index in {settings.index}/ has an old format — run `bot index`."
    wanted = embedder_id(settings)
    if manifest.embedder != wanted:
        return (
            f"The index in {settings.index}/ was built with {manifest.embedder}, "
            f"not {wanted} — run `bot index`."
        )
    if manifest.background_hash != digest(BACKGROUND.read_bytes()):
        return f"bot/background.txt changed since {settings.index}/ was built — run `bot index`."
    if manifest.intents_hash != digest(EXAMPLES.read_bytes()):
        return f"bot/intents.jsonl changed since {settings.index}/ was built — run `bot index`."
    if manifest.corpus_hash != corpus_hash(settings.corpus):
        return f"{settings.corpus}/ changed since the index was built — run `bot index`."
    if manifest.approximate != approximate_files(
        manifest.passages, manifest.sentences, settings.exact_below
    ):
        return (
            f"The index in {settings.index}/ was built for another BOT_EXACT_BELOW "
            f"(approximate: {manifest.approximate or 'none'}) — run `bot index`."
        )
    return damage(settings.index, manifest)


def load(settings: Settings) -> Index:
    """Load the index, refusing one built from another corpus or with another embedder."""
    import faiss

    # One query is searched at a time: FAISS's OpenMP threads only contend with the embedder
    # (measured: 16 ms vs 1.4 ms per search of 10k vectors on 2 busy cores).
    faiss.omp_set_num_threads(1)
    manifest = read_manifest(settings.index)
    problem = _mismatch(settings, manifest)
    if problem:
        raise IndexStale(problem)
    try:
        return _read(settings.index, manifest)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
        # Checked whole a moment ago: a rebuild swapped it meanwhile, or the disk failed.
        raise IndexStale(
            f"{settings.index}/ could not be read ({error}) — run `bot index`."
        ) from None


def _read(folder: Path, manifest: Manifest) -> Index:
    """The index files of `folder`, as the build described them in `manifest`."""
    documents = tuple(
        Document(**{**row, "headings": tuple(tuple(h) for h in row.get("headings", ()))})
        for row in _read_jsonl(folder / "documents.jsonl")
    )
    passages = tuple(
        Passage(
            **{
                **row,
                "section_path": tuple(row["section_path"]),
                "sentences": tuple(tuple(span) for span in row["sentences"]),
            }
        )
        for row in _read_jsonl(folder / "passages.jsonl")
    )
    sentence_counts = [len(p.sentences) for p in passages]
    langs = sorted({d.lang for d in documents})
    alignment = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
    links = {
        doc_id: [Link(tuple(src), tuple(ed), score) for src, ed, score in entry["links"]]
        for doc_id, entry in alignment.items()
    }
    editions = Editions.build(documents, passages, links)
    langs_of = zip(passages, editions.passage_lang, strict=True)
    english = (p.text for p, lang in langs_of if lang == "en")
    return Index(
        manifest=manifest,
        documents=documents,
        passages=passages,
        passage_vectors=read_vectors(folder / "passages.faiss"),
        sentence_vectors=read_vectors(folder / "sentences.faiss"),
        background_vectors=read_vectors(folder / "background.faiss"),
        sentence_passage=np.repeat(np.arange(len(passages)), sentence_counts),
        passage_first_sentence=np.cumsum([0, *sentence_counts[:-1]]),
        lexical=LexicalIndex.load(folder / "lexical", langs),
        sentence_words=SentenceWords.load(folder),
        editions=editions,
        links=links,
        alignment={doc_id: entry["report"] for doc_id, entry in alignment.items()},
        summaries=json.loads((folder / "summaries.json").read_text(encoding="utf-8")),
        topics=tuple(
            Topic(
                t["id"],
                t["doc_id"],
                t["labels"],
                {lang: tuple(terms) for lang, terms in t["terms"].items()},
                tuple(t["passage_ids"]),
            )
            for t in json.loads((folder / "topics.json").read_text(encoding="utf-8"))
        ),  # fmt: skip
        intents=IntentExamples.from_arrays(
            np.load(folder / "intents.npy", allow_pickle=False),
            json.loads((folder / "intents.json").read_text(encoding="utf-8")),
        ),
        rows_by_id={p.id: row for row, p in enumerate(passages)},
        vocabulary=Vocabulary.from_json(
            json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
        ),
        lowercase_english=lowercase_words(english),
    )
