"""The evaluation set's schema and coverage, the scores on hand-made outcomes, and a small run."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from bot.abstain import MODEL_FILE
from bot.errors import BotError
from bot.evaluate import Outcome, evaluate, read_questions, scores, squash

QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"
MAIN_LANGUAGES = {"fr", "en", "zh", "es", "de", "ja", "ru", "ar"}


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return read_questions(QUESTIONS)


def test_the_checker_accepts_the_set() -> None:
    """eval/check_questions.py validates schema, counts and every key against the article."""
    checker = QUESTIONS.parent / "check_questions.py"
    done = subprocess.run([sys.executable, str(checker)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_follow_up_checker_accepts_its_set() -> None:
    """eval/check_followups.py validates the held-out follow-ups against the article."""
    checker = QUESTIONS.parent / "check_followups.py"
    done = subprocess.run([sys.executable, str(checker)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_set_covers_languages_abstentions_and_follow_ups(items: list[dict]) -> None:
    assert len(items) >= 80
    languages = {item["lang"] for item in items}
    assert len(languages) >= 8 and languages >= MAIN_LANGUAGES
    assert sum(not item["answerable"] for item in items) >= 12
    follow_ups = [
        i for i in items if i["answerable"] and i["kind"] == "followup" and i.get("history")
    ]
    assert len(follow_ups) >= 5
    for split in ("dev", "test"):  # calibration needs both kinds on dev; scores on test
        kinds = {item["answerable"] for item in items if item["split"] == split}
        assert kinds == {True, False}, split


def test_every_evidence_string_is_in_the_session_index(engine, items: list[dict]) -> None:
    texts = [squash(p.text) for p in engine.index.passages]
    headings = [squash(" ".join(p.section_path)) for p in engine.index.passages]
    unreachable, nowhere = [], []
    for item in (i for i in items if i["answerable"]):
        keys = [squash(e) for e in item["evidence"]]
        if not any(key in text for key in keys for text in texts):
            unreachable.append(item["id"])  # evaluate() matches passage texts only
        nowhere += [e for e, k in zip(item["evidence"], keys, strict=True)
                    if not any(k in t for t in texts + headings)]  # fmt: skip
    assert unreachable == [], "no gold passage can ever be found for these items"
    assert nowhere == []


def test_squash_ignores_case_and_white_space() -> None:
    assert squash("Shanghai comptera 813\u00a0000\nSociétés") == "shanghaicomptera813000sociétés"


def test_read_questions_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BotError, match="run `bot eval` from the project folder") as error:
        read_questions(tmp_path / "questions.jsonl")
    assert str(tmp_path / "questions.jsonl") in str(error.value)


def test_scores_of_hand_made_outcomes() -> None:
    outcomes = [
        Outcome("fr", answerable=True, rank=1, correct=True, abstained=False, in_language=True),
        Outcome("en", answerable=True, rank=2, correct=True, abstained=False, unsure=True),
        Outcome("zh", answerable=True, rank=None, correct=False, abstained=True),
        Outcome("de", answerable=True, rank=6, correct=False, abstained=False, unsure=True),
        Outcome("fr", answerable=False, rank=None, correct=True, abstained=True),
        Outcome("en", answerable=False, rank=None, correct=False, abstained=False, unsure=True),
        Outcome("it", answerable=False, rank=None, correct=False, abstained=False),
    ]
    assert scores(outcomes) == {
        "questions": 7,
        "R@1": 0.25,  # 1 of 4 answerable
        "R@5": 0.5,  # ranks 1 and 2; 6 is too deep
        "MRR": round((1 + 1 / 2 + 1 / 6) / 4, 3),
        "accuracy": 0.5,
        "abstain_precision": 0.5,  # 2 abstentions, 1 on an unanswerable question
        "abstain_recall": round(1 / 3, 3),  # 1 of 3 unanswerable questions
        "false_abstention": 0.25,  # 1 of 4 answerable questions
        "in_language": round(1 / 3, 3),  # 1 of the 3 answered answerable questions
        "refused_or_unsure": round(2 / 3, 3),  # fr refused, en answered unsure, it neither
        "unsure_right": 0.5,  # en of the 2 right answers (de is unsure, but wrong)
    }


def test_a_score_without_questions_to_count_is_nan() -> None:
    result = scores([Outcome("fr", True, 1, True, False)])
    assert (result["R@1"], result["MRR"], result["accuracy"]) == (1.0, 1.0, 1.0)
    assert math.isnan(result["abstain_precision"]) and math.isnan(result["abstain_recall"])


def test_evaluate_scores_bot_and_the_baseline(engine, items: list[dict]) -> None:
    few = [
        next(i for i in items if i["split"] == "dev" and i["answerable"]),
        next(i for i in items if i["split"] == "test" and i["answerable"] and i["lang"] == "en"),
        next(i for i in items if i["split"] == "test" and i["kind"] == "followup"),
        next(i for i in items if i["split"] == "test" and i["kind"] == "off_topic"),
    ]
    abstainer, saved = engine.abstainer, MODEL_FILE.stat().st_mtime_ns
    report = evaluate(engine, few, "all", calibrate=False)
    assert {"split", "bot", "baseline", "languages", "misses"} <= set(report)
    assert report["split"] == "all"
    assert report["bot"]["questions"] == report["baseline"]["questions"] == 4
    assert set(report["languages"]) == {i["lang"] for i in few}
    assert {m["id"] for m in report["misses"]} <= {i["id"] for i in few}
    assert engine.abstainer is abstainer and MODEL_FILE.stat().st_mtime_ns == saved
    test_only = evaluate(engine, few, "test", calibrate=False)
    assert test_only["bot"]["questions"] == test_only["baseline"]["questions"] == 3
