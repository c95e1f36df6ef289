"""Build the index: embed every text once, align the editions, choose the summaries and topics,
write the files in a new folder and switch the `index` link to it in one atomic rename."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.coverage import Vocabulary
from bot.editions import Editions, align_editions, report
from bot.embed import Embedder, make_embedder
from bot.errors import BotError
from bot.index import (
    BACKGROUND,
    FORMAT_VERSION,
    Manifest,
    corpus_hash,
    digest,
    file_digest,
    sentence_texts,
    sentence_words,
)
from bot.ingest import Passage, load_passages
from bot.intent_examples import EXAMPLES, IntentExamples, read_examples
from bot.lexical import LexicalIndex
from bot.summarize import choose_all
from bot.topics import find_topics
from bot.vector_files import approximate_files, searchable
from bot.vectors import Vectors, build_workers, cached


def passage_for_embedding(passage: Passage) -> str:
    """The passage under its headings, so context such as "Shanghai" is in its vector."""
    headings = " › ".join(passage.section_path)
    return f"{headings}\n{passage.text}" if headings else passage.text


def build(settings: Settings, progress: Callable[[int, int], None] | None = None) -> Manifest:
    """Build the index in a new folder beside the current one, then point `index` at it."""
    import faiss

    documents, passages = load_passages(settings.corpus)
    corpus_digest = corpus_hash(settings.corpus)
    embedder = make_embedder(settings)
    sentences = sentence_texts(passages)
    background = BACKGROUND.read_text(encoding="utf-8").splitlines()
    texts = [passage_for_embedding(p) for p in passages] + [s for _, _, s in sentences]
    examples = read_examples()
    queries = [row["text"] for row in examples]
    vectors = _embed_all(settings, embedder, texts + background, queries, progress)
    passage_matrix = vectors[: len(passages)]
    sentence_matrix = vectors[len(passages) : len(texts)]
    background_matrix = vectors[len(texts) : len(texts) + len(background)]
    doc_lang = {d.id: d.lang for d in documents}
    lexical = LexicalIndex.build([p.text for p in passages], [doc_lang[p.doc_id] for p in passages])
    intents = IntentExamples.from_arrays(vectors[len(texts) + len(background) :], examples)
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
        background_hash=digest(BACKGROUND.read_bytes()),
        intents_hash=digest(EXAMPLES.read_bytes()),
        corpus_hash=corpus_digest,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        approximate=approximate_files(len(passages), len(sentences), settings.exact_below),
    )
    target = Path(os.path.abspath(settings.index))  # not resolve(): it is a link to swap
    versions = _versions(target)
    versions.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=f"building-{os.getpid()}-", dir=versions))
    try:
        _write_jsonl(staging / "documents.jsonl", [asdict(d) for d in documents])
        _write_jsonl(staging / "passages.jsonl", [asdict(p) for p in passages])
        for name, matrix in (
            ("passages.faiss", passage_matrix),
            ("sentences.faiss", sentence_matrix),
            ("background.faiss", background_matrix),
        ):
            vectors = searchable(matrix, name in manifest.approximate)
            # Written by Python, so a full disk is an OSError like every other write here.
            (staging / name).write_bytes(faiss.serialize_index(vectors).tobytes())
        lexical.save(staging / "lexical")
        _write_json(staging / "alignment.json", alignment)
        _write_json(staging / "summaries.json", choose_all(documents, passages, sentence_matrix))
        editions = Editions.build(documents, passages, links)
        sentence_words(passages, editions).save(staging)
        vocabulary = Vocabulary.build([p.text for p in passages], editions.passage_lang.tolist())
        _write_json(staging / "vocabulary.json", vocabulary.to_json())
        topics = find_topics(
            passages, passage_matrix, editions.source_rows, editions.passage_pairs,
            editions.passage_lang,
        )  # fmt: skip
        _write_json(staging / "topics.json", [asdict(topic) for topic in topics])
        intent_vectors, intent_rows = intents.to_arrays()
        np.save(staging / "intents.npy", intent_vectors, allow_pickle=False)
        _write_json(staging / "intents.json", intent_rows)
        # The manifest is written last: a folder without one is never mistaken for an index.
        manifest = replace(manifest, files=_inventory(staging))
        (staging / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2) + "\n")
        _swap(staging, target)
    except OSError as error:
        raise BotError(
            f"Cannot write the index in {versions}: {error.strerror or error}; free some disk "
            "space (or fix the folder's permissions) and run `bot index` again."
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _embed_all(
    settings: Settings,
    embedder: Embedder,
    passages: list[str],
    queries: list[str],
    progress: Callable[[int, int], None] | None,
) -> np.ndarray:
    """The vectors of `passages` then `queries`: from the vector store when an earlier build
    embedded them, else embedded one text at a time on every core (bot/vectors.py)."""
    texts = [("passage", t) for t in passages] + [("query", t) for t in queries]
    with Vectors(settings.vectors) as store:
        return cached(embedder, store, texts, progress, build_workers(settings))


def _inventory(folder: Path) -> dict[str, list]:
    """Each file under `folder` with its size and SHA-256, by its path in the folder."""
    return {
        path.relative_to(folder).as_posix(): [path.stat().st_size, file_digest(path)]
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _versions(target: Path) -> Path:
    """Where the builds of the index `target` live: `target` is a link to one of them."""
    return target.with_name(f".{target.name}.d")


def _swap(staging: Path, target: Path) -> None:
    """Point the link `target` at the finished build `staging`, in one atomic rename."""
    version = staging.with_name(f"v-{time.time_ns()}")
    staging.rename(version)
    if target.is_dir() and not target.is_symlink():  # an index from before links: move it once
        target.rename(version.with_name(f"old-{time.time_ns()}"))
    link = version.with_name(f"link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(version.relative_to(target.parent))
    os.replace(link, target)
    _remove_leftovers(target)


def _remove_leftovers(target: Path) -> None:
    """Remove the builds `target` no longer points at, and the staging folders of builds that
    died (a live build's staging folder names its process)."""
    current = target.resolve() if target.is_symlink() else None
    for entry in _versions(target).iterdir():
        if entry == current:
            continue
        if entry.name.startswith("building-"):
            pid = int(entry.name.split("-")[1])
            if pid == os.getpid() or _alive(pid):
                continue
        if entry.name.startswith(("building-", "v-", "old-")):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
