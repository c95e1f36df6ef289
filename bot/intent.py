"""What a chat message asks (a summary, small talk or a question), from its one query vector."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.embed import Embedder
from bot.tokens import UNSPACED

KINDS = ("summary", "smalltalk", "question")
# What small talk does, so the reply fits: "Merci" is not answered with "Bonjour".
ACTS = ("greeting", "thanks", "farewell", "help")
# Small talk takes the act most of its nearest labelled examples have (bench/intent_quality.py).
ACT_NEIGHBOURS = 5
EXAMPLES = Path(__file__).with_name("intents.jsonl")

# Ridge penalty of the linear classifier, and how far (in its ±1 target units) summary or small
# talk must score above both other kinds to win: unsure means question. Chosen by cross-validation
# on the examples, phrasings held out with their translations, never on eval/intents.jsonl
# (`python bench/intent_quality.py --sweep`).
RIDGE = 2.0
MARGIN = 0.4
# Small talk is short: "Thanks, that's very clear." Longer messages ask something.
SMALLTALK_MAX_WORDS = 12
SMALLTALK_MAX_CJK = 20

# Names and words the article's part titles use, across languages and scripts. Entries in
# Chinese, Japanese or Arabic script match anywhere (no spaces; Arabic attaches prepositions:
# "ببكين"); others match whole words, or word starts when they end in "*" ("compar*": comparison,
# comparaison; "пекин*": Пекина; "상하이*": 상하이는).
ALIASES: dict[str, tuple[str, ...]] = {
    "beijing": (
        "beijing", "pékin", "pekin", "peking*", "pekín", "pechino", "pequim", "北京", "пекин*",
        "بكين", "ペキン", "베이징*",
    ),
    "shanghai": (
        "shanghai*", "shanghái", "xangai", "schanghai*", "上海", "шанха*", "شنغهاي", "シャンハイ",
        "상하이*",
    ),
    "comparison": (
        "vs", "versus", "compar*", "vergleich*", "confront*", "contro", "contra", "gegen",
        "对比", "比较", "相比", "比較", "сравн*", "против", "قارن", "비교*",
    ),
    "metaverse": (
        "metavers*", "métavers*", "元宇宙", "метавселен*", "ميتافيرس", "メタバース", "메타버스*",
    ),
    "ai": (
        "ai", "ia", "ki", "ии", "intelligence artificielle", "artificial intelligence",
        "人工智能", "人工知能", "인공지능*", "الذكاء الاصطناعي",
    ),
}  # fmt: skip
# Words that ask for a quantity ("how many", "combien", "多少", "几条"): a fact question. Chinese
# and Japanese match anywhere (no spaces), the others as whole words.
_COUNTING = re.compile(
    r"\b(how many|how much|combien|cuánt[oa]s?|wie viele?|quant[ieoa]s?|сколько|kaç|"
    r"hoeveel|كم)\b|多少|几[个条家项位次年]|幾つ|いくつ|何[個件社人つ]|몇"
)
# Names the article is about: a message naming one is never small talk.
NAMES = ("beijing", "shanghai")
# "Part 2", "la troisième partie", "第二部分", "الجزء الأول": a part word, then a number or ordinal.
PART_WORDS = (
    "part", "parts", "section", "chapter", "partie", "chapitre", "parte", "sección", "sezione",
    "seção", "secção", "capítulo", "capitolo", "teil", "abschnitt", "kapitel", "част*", "раздел*",
    "جزء", "قسم", "部分", "部", "节", "章", "パート", "부분*", "섹션*",
)  # fmt: skip
ORDINALS: dict[int, tuple[str, ...]] = {
    1: ("first", "1st", "premi*", "primer*", "prima", "primeira", "erste*", "перв*", "الأول",
        "첫*", "第一"),
    2: ("second*", "2nd", "deuxi*", "segund*", "zweite*", "втор*", "الثاني", "두 번째", "둘째",
        "第二"),
    3: ("third", "3rd", "troisi*", "tercer*", "terz*", "terceir*", "dritte*", "трет*", "الثالث",
        "세 번째", "셋째", "第三"),
}  # fmt: skip
_LEADING_NUMBER = re.compile(r"\W*0*([1-9]|[一二三四五六七八九])\s*[,，、.．:：]")
_CJK_NUMERALS = "一二三四五六七八九"
# Scripts written without spaces between words, or with prepositions attached (Arabic).
_UNSPACED = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff]")
_LETTER = r"[a-zß-öø-ÿа-яё가-힣]"


@dataclass(frozen=True, eq=False)
class IntentExamples:
    """Example messages, their kinds and query vectors, and the classifier fitted on them."""

    vectors: np.ndarray
    kinds: tuple[str, ...]
    texts: tuple[str, ...]
    acts: tuple[str, ...] = ()  # of each small-talk example (ACTS); "" for the others
    ridge: float = RIDGE
    margin: float = MARGIN
    _weights: np.ndarray = field(init=False, repr=False)
    _mean: np.ndarray = field(init=False, repr=False)
    _exact: dict[str, str] = field(init=False, repr=False)
    _exact_act: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.vectors.ndim != 2 or not len(self.kinds) == len(self.texts) == len(self.vectors):
            raise ValueError("Intent examples need one vector, one kind and one text each.")
        if set(self.kinds) != set(KINDS):
            raise ValueError(f"Intent examples need each of the kinds {KINDS} and no other.")
        mean, weights = _fit(self.vectors, self.kinds, self.ridge)
        object.__setattr__(self, "_mean", mean)
        object.__setattr__(self, "_weights", weights)
        exact: dict[str, str] = {}
        for text, kind in zip(self.texts, self.kinds, strict=True):
            key = _normalise(text)
            # A text given two kinds is no evidence for either.
            exact[key] = kind if exact.get(key, kind) == kind else ""
        object.__setattr__(self, "_exact", {k: v for k, v in exact.items() if v})
        acts = {_normalise(t): a for t, a in zip(self.texts, self.acts, strict=False) if a}
        object.__setattr__(self, "_exact_act", acts)

    def to_arrays(self) -> tuple[np.ndarray, list[dict[str, str]]]:
        """The vectors (for a .npy file) and the labelled texts (for a JSON list)."""
        acts = self.acts or ("",) * len(self.texts)
        rows = [
            {"kind": k, "text": t, **({"act": a} if a else {})}
            for k, t, a in zip(self.kinds, self.texts, acts, strict=True)
        ]
        return self.vectors, rows

    @classmethod
    def from_arrays(cls, vectors: np.ndarray, rows: Sequence[Mapping[str, str]]) -> IntentExamples:
        """Rebuild from what `to_arrays` gave (the classifier is refitted: about 0.1 s)."""
        return cls(
            np.asarray(vectors, dtype=np.float32),
            tuple(r["kind"] for r in rows),
            tuple(r["text"] for r in rows),
            tuple(r.get("act", "") for r in rows),
        )

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """The classifier's score for each of KINDS (targets were +1 for the kind, -1 otherwise)."""
        centred = np.asarray(vector, dtype=np.float64).reshape(-1) - self._mean
        return centred @ self._weights[:-1] + self._weights[-1]


def read_examples(path: Path = EXAMPLES) -> list[dict[str, str]]:
    """The labelled example messages: {"kind", "lang", "text"} per line."""
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise ValueError(f"{path} is not UTF-8 ({error}); save it as UTF-8.") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number} is not JSON ({error}); fix that line.") from None
        if not isinstance(row, dict) or row.get("kind") not in KINDS or not row.get("text"):
            raise ValueError(f'{path}:{number} needs a "kind" in {KINDS} and a "text".')
        if row["kind"] == "smalltalk" and row.get("act") not in ACTS:
            raise ValueError(f'{path}:{number} is small talk: give it an "act" in {ACTS}.')
        rows.append(row)
    return rows


def embed_examples(embedder: Embedder, path: Path = EXAMPLES) -> IntentExamples:
    """Embed the examples as queries, as chat messages are (done once, at index time)."""
    rows = read_examples(path)
    vectors = embedder.embed_queries([r["text"] for r in rows])
    return IntentExamples.from_arrays(vectors, rows)


def classify(text: str, vector: np.ndarray, examples: IntentExamples) -> str:
    """What the message asks, "summary", "smalltalk" or "question", from its text and vector."""
    # `vector` must be the query vector of `text` alone. A follow-up joined to the previous
    # question ("Merci bien ! Combien de …") embeds as a question and small talk is lost.
    exact = examples._exact.get(_normalise(text))
    if exact:
        return exact
    scores = examples.scores(vector)
    if not _may_be_smalltalk(text):
        scores[KINDS.index("smalltalk")] = -np.inf
    if _COUNTING.search(text.casefold()):
        # "How many measures…?" asks for a figure: never a summary, never small talk.
        return "question"
    runner_up, best = np.argsort(scores)[-2:]
    if scores[best] - scores[runner_up] < examples.margin:
        return "question"  # unsure, even between summary and small talk
    return KINDS[best]


def smalltalk_act(text: str, vector: np.ndarray, examples: IntentExamples) -> str:
    """What small talk does ("greeting", "thanks", "farewell" or "help"): the act of the same
    text among the examples, else the most common act of its nearest small-talk examples."""
    exact = examples._exact_act.get(_normalise(text))
    if exact:
        return exact
    labelled = [n for n, act in enumerate(examples.acts) if act]
    if not labelled:
        return ACTS[0]
    similarity = examples.vectors[labelled] @ np.asarray(vector, dtype=np.float32).reshape(-1)
    nearest = np.argsort(similarity)[::-1][:ACT_NEIGHBOURS]
    votes: dict[str, float] = {}
    for rank in nearest:
        act = examples.acts[labelled[rank]]
        votes[act] = votes.get(act, 0.0) + float(similarity[rank])
    return max(votes, key=votes.__getitem__)


def summary_target(text: str, part_titles: Mapping[str, Sequence[str]]) -> str | None:
    """The part a summary request names (by number or by shared names), or None: the whole."""
    message = text.casefold()
    number = _part_number(message)
    if number is not None:
        for part, titles in part_titles.items():
            if number in {_title_number(t) for t in titles}:
                return part
    asked = _concepts(message)
    if not asked:
        return None
    ranked = []
    for part, titles in part_titles.items():
        offered = set().union(*(_concepts(t.casefold()) for t in titles)) if titles else set()
        # Most shared names first; then the part that names least besides (Beijing alone: part 1,
        # not "Beijing VS Shanghai").
        ranked.append((len(asked & offered), -len(offered - asked), part))
    ranked.sort(reverse=True)
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None
    return ranked[0][2]


def _fit(vectors: np.ndarray, kinds: Sequence[str], ridge: float) -> tuple[np.ndarray, np.ndarray]:
    """Ridge regression from centred vectors to ±1 per kind, in closed form (deterministic)."""
    data = np.asarray(vectors, dtype=np.float64)
    mean = data.mean(axis=0)
    design = np.hstack([data - mean, np.ones((len(data), 1))])
    targets = np.where(np.array(kinds)[:, None] == np.array(KINDS)[None, :], 1.0, -1.0)
    penalty = ridge * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    weights = np.linalg.solve(design.T @ design + penalty, design.T @ targets)
    return mean, weights


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _may_be_smalltalk(text: str) -> bool:
    """False when the message is long, holds a number or names what the article is about."""
    if any(char.isdigit() for char in text):
        return False
    if len(re.findall(r"\w+", text)) > SMALLTALK_MAX_WORDS:
        return False
    if len(UNSPACED.findall(text)) > SMALLTALK_MAX_CJK:
        return False
    return not _concepts(text.casefold()) & set(NAMES)


def _concepts(text: str) -> set[str]:
    """The ALIASES keys whose names occur in casefolded `text`."""
    return {concept for concept, names in ALIASES.items() if any(has_name(text, n) for n in names)}


def has_name(text: str, name: str) -> bool:
    """Whether casefolded `text` holds `name`, an ALIASES entry (as a word, a word start when it
    ends in "*", anywhere when it is in an unspaced script)."""
    if _UNSPACED.search(name):
        return name in text
    stem = name.endswith("*")
    name = re.escape(name.rstrip("*"))
    pattern = rf"(?<!{_LETTER}){name}" + ("" if stem else f"(?!{_LETTER})")
    return re.search(pattern, text) is not None


def _part_number(message: str) -> int | None:
    """The part number a message names ("partie 2", "第二部分", "the third part"), if any."""
    if not any(has_name(message, word) for word in PART_WORDS):
        return None
    digits = re.findall(r"(?<!\d)([1-9])(?!\d)", message)
    if len(set(digits)) == 1:
        return int(digits[0])
    found = {n for n, words in ORDINALS.items() if any(has_name(message, w) for w in words)}
    return found.pop() if len(found) == 1 else None


def _title_number(title: str) -> int | None:
    match = _LEADING_NUMBER.match(title)
    if not match:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else _CJK_NUMERALS.index(value) + 1
