"""The index folder: its manifest, readable files (never a pickle), stable ids, staleness checks
and atomic builds. The session index is inspected; tests that change things use a tiny corpus."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.build import build, passage_for_embedding
from bot.config import Settings
from bot.corpus import read_corpus
from bot.embed import embedder_id
from bot.errors import CorpusError, IndexMissing, IndexStale
from bot.index import (
    BACKGROUND,
    FORMAT_VERSION,
    Manifest,
    corpus_hash,
    load,
    read_manifest,
    staleness,
)

TINY = {
    "baikal.txt": "Le lac Baïkal\n\n"
    "Le Baïkal est le lac le plus profond du monde : 1 642 mètres.\n\n"
    "Il contient environ 20 % de l'eau douce liquide de la planète.\n",
    "tianyige.md": "# 天一阁\n\n天一阁位于浙江省宁波市，是中国现存最古老的私家藏书楼。\n",
    "tianyige.meta.json": '{"title": "天一阁", "lang": "zh"}\n',
}
MANIFEST_FIELDS = {
    "format_version",
    "embedder",
    "dim",
    "documents",
    "editions",
    "passages",
    "sentences",
    "background",
    "background_hash",
    "intents_hash",
    "corpus_hash",
    "built_at",
    "files",
    "approximate",
}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(settings: Settings) -> list[str]:
    """Staging folders or old builds left beside the one the index links to."""
    versions = settings.index.with_name(f".{settings.index.name}.d")
    current = settings.index.resolve()
    return sorted(p.name for p in versions.iterdir() if p != current) if versions.is_dir() else []


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Settings:
    """A two-document corpus (French, Chinese) and its index, built once for this module."""
    root = tmp_path_factory.mktemp("tiny")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in TINY.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus=corpus, index=root / "index", cache=cache)
    build(settings)
    return settings


@pytest.fixture
def scratch(tiny: Settings, tmp_path: Path) -> Settings:
    """A copy of the tiny corpus and its index, free to change (the vector store is shared)."""
    shutil.copytree(tiny.corpus, tmp_path / "corpus")
    shutil.copytree(tiny.index, tmp_path / "index")
    return replace(tiny, corpus=tmp_path / "corpus", index=tmp_path / "index")


def test_the_manifest_describes_the_build(settings: Settings) -> None:
    import faiss

    manifest = json.loads((settings.index / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == MANIFEST_FIELDS
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["embedder"] == embedder_id(settings)
    assert manifest["dim"] == 384
    files = [p for p in settings.corpus.iterdir() if p.suffix in (".txt", ".md")]
    documents = rows(settings.index / "documents.jsonl")
    assert len(files) == len(documents) == manifest["documents"] + manifest["editions"]
    assert manifest["editions"] == sum(bool(d["edition_of"]) for d in documents) == 11
    passages = rows(settings.index / "passages.jsonl")
    assert manifest["passages"] == len(passages)
    assert manifest["sentences"] == sum(len(p["sentences"]) for p in passages)
    assert manifest["background"] == len(BACKGROUND.read_text(encoding="utf-8").splitlines())
    for name in ("passages", "sentences", "background"):
        count = manifest[name]
        vectors = faiss.read_index(str(settings.index / f"{name}.faiss"))
        assert (vectors.ntotal, vectors.d) == (count, 384)
    assert manifest["corpus_hash"] == corpus_hash(settings.corpus)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["built_at"])
    assert read_manifest(settings.index) == Manifest(**manifest)
    on_disk = {
        p.relative_to(settings.index).as_posix(): p.stat().st_size
        for p in settings.index.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    assert {name: size for name, (size, _) in manifest["files"].items()} == on_disk


def test_passages_are_utf8_json_lines_with_the_text_readable(settings: Settings) -> None:
    raw = (settings.index / "passages.jsonl").read_bytes()
    raw.decode("utf-8")  # strict
    for word in ("天一阁", "Байкал", "Pékin", "aceite de oliva"):
        assert word.encode("utf-8") in raw  # ensure_ascii=False: no \\uXXXX escapes
    assert b"\\u" not in raw
    documents = {d["id"]: d for d in rows(settings.index / "documents.jsonl")}
    for passage in rows(settings.index / "passages.jsonl"):
        text = documents[passage["doc_id"]]["text"]
        assert text[passage["start"] : passage["end"]] == passage["text"]
        assert all(0 <= s < e <= len(passage["text"]) for s, e in passage["sentences"])


def test_no_file_of_the_index_is_a_pickle(settings: Settings) -> None:
    import faiss

    files = [p for p in settings.index.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"manifest.json", "passages.jsonl", "documents.jsonl"}
    for path in files:
        assert path.suffix not in (".pkl", ".pickle", ".joblib", ".pt")
        assert not re.match(rb"\x80[\x02-\x05]", path.read_bytes()[:2]), f"{path} is a pickle"
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".faiss":
            faiss.read_index(str(path))


def test_load_gives_back_the_build_with_vectors_in_passage_order(
    settings: Settings, engine
) -> None:
    index = load(settings)
    stored = rows(settings.index / "passages.jsonl")
    assert [p.id for p in index.passages] == [p["id"] for p in stored]
    assert index.passage_vectors.ntotal == len(index.passages) == index.manifest.passages
    assert index.sentence_vectors.ntotal == len(index.sentence_passage)
    assert sorted(index.lexical.langs) == sorted({d.lang for d in index.documents})
    for row, passage in enumerate(index.passages):
        first = int(index.passage_first_sentence[row])
        block = index.sentence_passage[first : first + len(passage.sentences)]
        assert list(block) == [row] * len(passage.sentences)
    row = next(r for r, p in enumerate(index.passages) if p.doc_id == "baikal_ru")
    fresh = engine.embedder.embed_passages([passage_for_embedding(index.passages[row])])[0]
    np.testing.assert_allclose(index.passage_vectors.reconstruct(row), fresh, atol=1e-4)


def test_two_builds_of_one_corpus_give_the_same_ids(tiny: Settings, scratch: Settings) -> None:
    calls: list[tuple[int, int]] = []
    manifest = build(scratch, lambda done, total: calls.append((done, total)))
    before, after = rows(tiny.index / "passages.jsonl"), rows(scratch.index / "passages.jsonl")
    assert [p["id"] for p in after] == [p["id"] for p in before]
    assert {p["id"].split("-")[0] for p in after} == {"baikal", "tianyige"}
    assert all(p["id"].startswith(p["doc_id"] + "-") for p in after)
    first = read_manifest(tiny.index)
    assert manifest.corpus_hash == first.corpus_hash and manifest.passages == first.passages
    assert calls == []  # every vector came from the store the first build filled
    assert leftovers(scratch) == []  # the old index was swapped out and removed


def test_a_fresh_index_is_not_stale(settings: Settings, tiny: Settings) -> None:
    assert staleness(settings) is None
    assert staleness(tiny) is None


@pytest.mark.parametrize("change", ["edit", "add", "remove", "metadata"])
def test_a_changed_corpus_makes_the_index_stale(scratch: Settings, change: str) -> None:
    corpus = scratch.corpus
    if change == "edit":
        (corpus / "baikal.txt").write_text(TINY["baikal.txt"] + "\nUn ajout.\n", encoding="utf-8")
    elif change == "add":
        (corpus / "nouveau.txt").write_text("Un nouveau document.\n", encoding="utf-8")
    elif change == "remove":
        (corpus / "tianyige.md").unlink()
        (corpus / "tianyige.meta.json").unlink()
    else:
        (corpus / "tianyige.meta.json").write_text('{"title": "Tianyi Ge"}', encoding="utf-8")
    problem = staleness(scratch)
    assert problem and "run `bot index`" in problem and str(corpus) in problem
    with pytest.raises(IndexStale) as error:
        load(scratch)
    assert str(error.value) == problem


def test_an_index_built_with_another_embedder_is_stale(tiny: Settings) -> None:
    other = Settings(
        corpus=tiny.corpus, index=tiny.index, embedder="sentence-transformers", model="x/y"
    )
    problem = staleness(other)
    assert problem and "run `bot index`" in problem
    assert embedder_id(tiny) in problem and "sentence-transformers/x/y" in problem
    with pytest.raises(IndexStale, match="run `bot index`"):
        load(other)


def test_a_missing_index_says_to_run_bot_index(tiny: Settings, tmp_path: Path) -> None:
    missing = Settings(corpus=tiny.corpus, index=tmp_path / "nowhere")
    with pytest.raises(IndexMissing, match=r"No index in .*nowhere/ — run `bot index`"):
        load(missing)
    assert "run `bot index`" in (staleness(missing) or "")


def test_a_folder_without_a_manifest_is_no_index(scratch: Settings) -> None:
    (scratch.index / "manifest.json").unlink()  # as a build interrupted before its last write
    with pytest.raises(IndexMissing, match="run `bot index`"):
        load(scratch)


def test_a_manifest_from_another_version_asks_for_a_rebuild(scratch: Settings) -> None:
    path = scratch.index / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**manifest, "tokenizer": "new"}), encoding="utf-8")
    with pytest.raises(IndexStale, match="run `bot index`"):
        load(scratch)
    path.write_text(json.dumps({**manifest, "format_version": 0}), encoding="utf-8")
    problem = staleness(scratch)
    assert problem and "old format" in problem and "run `bot index`" in problem


def test_a_changed_background_set_makes_the_index_stale(scratch: Settings) -> None:
    # The abstention model is fitted against bot/background.txt: an index embedding another
    # version of it must be rebuilt (as an upgrade of bot that changes the file would need).
    path = scratch.index / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert staleness(scratch) is None
    path.write_text(json.dumps({**manifest, "background_hash": "0" * 64}), encoding="utf-8")
    problem = staleness(scratch)
    assert problem and "background.txt changed" in problem and "run `bot index`" in problem


def test_an_unreadable_corpus_leaves_the_old_index_intact(scratch: Settings) -> None:
    before = snapshot(scratch.index)
    (scratch.corpus / "latin1.txt").write_bytes("Le lac Baïkal est profond.".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin1\.txt"):
        build(scratch)
    assert snapshot(scratch.index) == before
    assert leftovers(scratch) == []


def test_a_build_failing_while_embedding_leaves_the_old_index_intact(
    scratch: Settings, tmp_path: Path
) -> None:
    before = snapshot(scratch.index)
    (scratch.corpus / "baikal.txt").write_text(TINY["baikal.txt"] + "\nUn ajout.\n", "utf-8")

    def fail_after_two(done: int, total: int) -> None:
        if done == 2:
            raise RuntimeError("embedding failed")

    empty = replace(scratch, cache=tmp_path / "empty")  # so that it embeds
    with pytest.raises(RuntimeError, match="embedding failed"):
        build(empty, fail_after_two)
    assert snapshot(scratch.index) == before
    assert leftovers(scratch) == []
    assert "run `bot index`" in (staleness(scratch) or "")  # the old index is kept, not trusted


def test_every_indexed_file_counts_in_the_corpus_hash(tmp_path: Path) -> None:
    notes = tmp_path / "notes.TXT"
    notes.write_text("Le Baïkal est profond.\n", encoding="utf-8")
    assert [doc.id for doc in read_corpus(tmp_path)] == ["notes"]  # indexed…
    before = corpus_hash(tmp_path)
    notes.write_text("Le Baïkal est très profond.\n", encoding="utf-8")
    assert corpus_hash(tmp_path) != before  # …so an edit must make the index stale


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda i: (i / "passages.faiss").write_bytes((i / "passages.faiss").read_bytes()[:64]),
         "passages.faiss has 64 bytes"),
        (lambda i: (i / "passages.jsonl").unlink(), "passages.jsonl is missing"),
        (lambda i: (i / "summaries.json").write_text("{}\n", encoding="utf-8"),
         "summaries.json"),
        (lambda i: next((i / "lexical").rglob("*.npy")).write_bytes(b"\x93NUMPY"), "lexical/"),
    ],
)  # fmt: skip
def test_a_damaged_index_is_refused_naming_the_file(scratch: Settings, damage, said: str) -> None:  # noqa: ANN001
    damage(scratch.index)
    problem = staleness(scratch)
    assert problem and said in problem and problem.endswith("run `bot index`.")
    with pytest.raises(IndexStale, match=re.escape(said)):
        load(scratch)


def test_the_swap_is_one_link_and_a_dead_builds_staging_goes(scratch: Settings) -> None:
    build(scratch)  # the copied folder becomes a link to a build
    assert scratch.index.is_symlink() and leftovers(scratch) == []
    versions = scratch.index.with_name(f".{scratch.index.name}.d")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (versions / f"building-{dead.pid}-x").mkdir()  # a build killed half-way
    (versions / f"building-{os.getpid()}-y").mkdir()  # this process's own: still at work
    build(scratch)
    assert leftovers(scratch) == [f"building-{os.getpid()}-y"]
    assert staleness(scratch) is None


def test_the_corpus_hash_skips_folders_named_like_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le lac Baïkal est profond.\n", encoding="utf-8")
    before = corpus_hash(tmp_path)
    (tmp_path / "old.txt").mkdir()
    assert corpus_hash(tmp_path) == before


def test_a_corpus_past_exact_below_is_searched_by_hnsw_with_the_same_retrieval(
    settings: Settings,
    engine,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    import faiss

    from bot.evaluate import read_questions
    from bot.lang import detect_lang
    from bot.retrieve import retrieve

    graph = replace(settings, index=tmp_path / "index", exact_below=0)
    build(graph)
    manifest = read_manifest(graph.index)
    assert manifest.approximate == ["passages.faiss", "sentences.faiss"]
    index = load(graph)
    assert isinstance(index.passage_vectors, faiss.IndexHNSWFlat)
    assert isinstance(index.sentence_vectors, faiss.IndexHNSWFlat)
    assert isinstance(index.background_vectors, faiss.IndexFlatIP)  # a fixed 462 sentences
    # The same index read with the default threshold is stale, and says why.
    problem = staleness(replace(graph, exact_below=Settings().exact_below))
    assert problem and "BOT_EXACT_BELOW" in problem and "run `bot index`" in problem
    # Every question finds the same five passages. At this size HNSW, asked for the retrieval's
    # whole pool (256), reaches nearly every node: this checks the wiring; its recall at scale is
    # measured by bench/corpus_scale.py.
    questions = [item["question"] for item in read_questions()]
    same = 0
    for question, vector in zip(questions, engine.embedder.embed_queries(questions), strict=True):
        exact, approximate = (
            retrieve(searched, vector, question, detect_lang(question), 5)
            for searched in (engine.index, index)
        )
        same += [h.passage.id for h in exact.hits] == [h.passage.id for h in approximate.hits]
    assert same >= 0.99 * len(questions)
