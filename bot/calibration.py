"""Calibration: fitting the abstention model (bot.abstain) on the dev split's signals, as
`bot eval --calibrate` does, one model per embedder."""

from __future__ import annotations

import math

import numpy as np

from bot.abstain import FEATURES, Abstainer


def fit(
    rows: list[dict[str, float]],
    answerable: list[bool],
    embedder: str,
    max_false_abstention: float = 0.02,
    l2: float = 1.0,
) -> Abstainer:
    """Fit the logistic model, then the highest threshold that keeps false abstentions in bound."""
    x = np.array([[r[f] for f in FEATURES] for r in rows], dtype=np.float64)
    y = np.array(answerable, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    # Balance the classes: unanswerable questions are the rarer, costlier mistake to learn.
    weight = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(5000):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        grad = weight * (p - y)
        w -= 0.1 * (z.T @ grad / len(y) + l2 * w / len(y))
        # Every signal measures evidence: more of it must never make bot abstain. Without this
        # bound a small dev split teaches spurious negative weights (e.g. on word overlap).
        w = np.maximum(w, 0.0)
        b -= 0.1 * grad.mean()
    p = 1 / (1 + np.exp(-(z @ w + b)))
    positives = np.sort(p[y == 1])
    allowed = int(math.floor(max_false_abstention * len(positives)))
    threshold = float(positives[allowed]) - 1e-9 if len(positives) else 0.5
    return Abstainer(
        tuple(float(v) for v in w), float(b), threshold,
        tuple(float(v) for v in mean), tuple(float(v) for v in scale), embedder,
    )  # fmt: skip
