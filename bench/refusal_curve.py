"""The refusal's trade-off on the test split: unanswerable questions refused against answerable
ones refused, with and without the signals of what a question asks (bot.asked).

    python bench/refusal_curve.py

The shipped model (bot/abstain.json) is scored as it is; the "similarity" model (the three
signals of what a question asks held constant, so it ignores them) and the model fitted on the
whole dev split are fitted in this run on the questions bot answers as questions. For
each, prints the share of near misses (kinds near_miss, not_given, other_place) and of
off-topic questions refused at the threshold where at most 1, 2, 3, 5 and 10 % of the test
split's answerable questions are refused, then the share the new signals flag on their own
(each flag refuses on its own: a perfect reading of these signals, with no threshold). As bot
decides, a value bound to another city or year refuses at any threshold.

The test split is scored by batch: the questions written with the first dev split (201), the
fresh batch written blind on 2026-12-05 (ids `ho-*`), whose dev twin (`cal-*`) doubled the dev
split, the batch written blind on 2026-12-06 (ids `nb-*`, 110 in the eleven languages), the
one written blind in the eighth session (ids `nc-*`, 107) and the one written blind in the
twelfth (ids `ne-*`, 110: 55 answerable, 55 near misses) and the one written blind in the
fifteenth (ids `ng-*`, 109: 55 answerable, 54 near misses) and the one written blind in the
sixteenth (ids `ni-*`, 104: 51 answerable, 53 near misses), the 90 written blind in the
seventeenth (`nk-*`), the half of the 107 written blind in the eighteenth kept on test (`np-*`,
53: 20 answerable, 33 near misses), the half of the 101 written blind in the nineteenth kept
on test (`nq-*`, 51: 20 answerable, 31 near misses) and the halves of the two written blind in
the twentieth kept on test (`nr-*`, 54, and `ns-*`, 55: 23 answerable each) and the halves of the
two written blind in the twenty-first (`nv-*`, 43, and `nw-*`, 42: 25 and 27 answerable); and
the whole test split at once.
The shipped model is fitted on the first dev split alone (bot.evaluate.fitted_on); the model
fitted on the whole dev split is shown beside it.
"""

from __future__ import annotations

import shlex
import sys

import numpy as np

from bot.abstain import FEATURES
from bot.calibration import fit
from bot.config import Settings
from bot.engine import Engine
from bot.evaluate import fitted_on, read_questions
from bot.followup import Turn

ASKED = ("answer_stated", "value_bound", "names_near")
NEAR = ("near_miss", "not_given", "other_place")
BUDGETS = (0.01, 0.02, 0.03, 0.05, 0.10)


def observe(engine: Engine) -> list[tuple[dict, dict]]:
    """(question item, the refusal's signals) for every question bot treats as a question."""
    rows = []
    for item in read_questions():
        history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
        answer, retrieval, _ = engine.ask_with_evidence(item["question"], history)
        if answer.kind in ("answer", "not_found"):
            rows.append((item, engine.signals(item["question"], retrieval, history)))
    return rows


# The test split's batches, by the prefix of their ids: the earlier questions (every id not
# of a later batch), the fresh batch written blind on 2026-12-05, the ones written blind on
# 2026-12-06 and in the eighth, twelfth, fifteenth, sixteenth, seventeenth, eighteenth,
# nineteenth, twentieth and twenty-first sessions (the other half of the last five is on dev).
BATCHES = (
    ("earlier test", ""),
    ("fresh test batch", "ho-"),
    ("blind batch 2026-12-06", "nb-"),
    ("blind batch, eighth session", "nc-"),
    ("blind batch, twelfth session", "ne-"),
    ("blind batch, fifteenth session", "ng-"),
    ("blind batch, sixteenth session", "ni-"),
    ("blind batch, seventeenth session", "nk-"),
    ("blind batch, eighteenth session (its test half)", "np-"),
    ("blind batch, nineteenth session (its test half, unread)", "nq-"),
    ("first blind batch, twentieth session (its test half, unread)", "nr-"),
    ("second blind batch, twentieth session (its test half, unread)", "ns-"),
    ("first blind batch, twenty-first session (its test half, unread)", "nv-"),
    ("second blind batch, twenty-first session (its test half, unread)", "nw-"),
    ("first blind batch, twenty-second session (its test half, unread)", "ny-"),
    ("second blind batch, twenty-second session (its test half, unread)", "nz-"),
)


def batch(item: dict) -> str:
    """The name of the test batch `item` belongs to."""
    return next((name for name, prefix in BATCHES[1:] if item["id"].startswith(prefix)),
                BATCHES[0][0])  # fmt: skip


def score(model, signals: dict) -> float:  # noqa: ANN001
    """The model's probability, as bot decides with it: 0 (refused at any threshold) when the
    value found is bound to another city or year, a city asked is one the article never names,
    or a date asked is not stated (bot.abstain)."""
    refused = min(signals["value_bound"], signals["places_found"], signals["date_stated"]) < 1
    return 0.0 if refused else model.probability(signals)


def curve(rows: list[tuple[dict, dict]], model, label: str) -> None:  # noqa: ANN001
    """The trade-off on the whole test split, then on each of its batches."""
    whole = [(item, score(model, signals)) for item, signals in rows if item["split"] == "test"]
    _curve(whole, model, f"{label}: whole test split")
    for name, _ in BATCHES:
        test = [
            (item, score(model, signals))
            for item, signals in rows
            if item["split"] == "test" and batch(item) == name
        ]
        if test:
            _curve(test, model, f"{label}: {name}")


def _curve(test: list[tuple[dict, float]], model, label: str) -> None:  # noqa: ANN001
    answerable = np.sort([p for item, p in test if item["answerable"]])
    shipped = [p < model.threshold for item, p in test if item["kind"] in NEAR]
    false = sum(p < model.threshold for p in answerable)
    print(
        f"\n{label}\n\nAt the threshold fitted on dev ({model.threshold:.3f}): near misses "
        f"refused {sum(shipped)}/{len(shipped)}, answerable refused {false}/{len(answerable)}\n"
    )
    print("| false refusals ≤ | threshold | near misses refused | off-topic refused |")
    print("|---|---|---|---|")
    for budget in BUDGETS:
        threshold = answerable[int(np.floor(budget * len(answerable)))] - 1e-9
        near = [p < threshold for item, p in test if item["kind"] in NEAR]
        off = [p < threshold for item, p in test if item["kind"] == "off_topic"]
        false = sum(p < threshold for p in answerable)
        print(
            f"| {budget:.0%} ({false}/{len(answerable)}) | {threshold:.3f} | "
            f"{sum(near)}/{len(near)} ({np.mean(near):.0%}) | {sum(off)}/{max(len(off), 1)} |"
        )


def flags(rows: list[tuple[dict, dict]]) -> None:
    test = [(item, s) for item, s in rows if item["split"] == "test"]
    print("\nEach signal alone as a rule (refuse when it is below 1), test split:\n")
    print("| signal | near misses flagged | answerable flagged |\n|---|---|---|")
    for name in (*ASKED, "any of them"):
        names = ASKED if name == "any of them" else (name,)
        flagged = [(item, any(s[n] < 1 for n in names)) for item, s in test]
        near = [f for item, f in flagged if item["kind"] in NEAR]
        ok = [f for item, f in flagged if item["answerable"]]
        print(f"| {name} | {sum(near)}/{len(near)} | {sum(ok)}/{len(ok)} |")


def union(rows: list[tuple[dict, dict]], model) -> None:  # noqa: ANN001
    """The flags as rules on top of the similarity model: what trusting them outright gives."""
    test = [(item, s) for item, s in rows if item["split"] == "test"]
    plain = [{**s, **dict.fromkeys(ASKED, 1.0)} for _, s in test]
    answerable = np.sort(
        [
            model.probability(p)
            for (item, _), p in zip(test, plain, strict=True)
            if item["answerable"]
        ]
    )
    print("\nSimilarity model at a threshold, or any flag (an override, for comparison):\n")
    print("| similarity model's false refusals ≤ | near misses refused | answerable refused |")
    print("|---|---|---|")
    for budget in BUDGETS:
        threshold = answerable[int(np.floor(budget * len(answerable)))] - 1e-9
        refused = [
            (item, model.probability(p) < threshold or any(s[n] < 1 for n in ASKED))
            for (item, s), p in zip(test, plain, strict=True)
        ]
        near = [r for item, r in refused if item["kind"] in NEAR]
        ok = [r for item, r in refused if item["answerable"]]
        share = f"{sum(near)}/{len(near)} ({np.mean(near):.0%})"
        print(f"| {budget:.0%} | {share} | {sum(ok)}/{len(ok)} |")


def main() -> int:
    print(f"$ python {shlex.join(['bench/refusal_curve.py', *sys.argv[1:]])}")
    engine = Engine.load(Settings.from_env())
    rows = observe(engine)
    dev = [(item, s) for item, s in rows if item["split"] == "dev"]
    first = [(item, s) for item, s in dev if fitted_on(item)]
    labels = [item["answerable"] for item, _ in first]
    embedder = engine.manifest.embedder
    plain = [{**s, **dict.fromkeys(ASKED, 1.0)} for _, s in first]
    similarity = fit(plain, labels, embedder)
    shipped = engine.abstainer  # bot/abstain.json, as `bot eval --calibrate` fitted it
    full = fit([s for _, s in dev], [item["answerable"] for item, _ in dev], embedder)
    print(f"{len(rows)} questions; signals {', '.join(FEATURES)}")
    curve([(item, {**s, **dict.fromkeys(ASKED, 1.0)}) for item, s in rows], similarity,
          f"Similarity, key terms and background, fitted as shipped ({len(first)})")  # fmt: skip
    curve(rows, shipped, "All signals, the shipped model (fitted on the first dev split)")
    curve(rows, full, f"All signals, fitted on the whole dev split ({len(dev)})")
    flags(rows)
    union(rows, similarity)
    return 0


if __name__ == "__main__":
    sys.exit(main())
