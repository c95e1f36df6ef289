"""Word frequencies read from wordfreq's files, and which words are common."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.commonness import frequencies, is_common, zipf


@pytest.mark.parametrize("lang", ["en", "fr", "zh", "ar", "ko", "no"])
def test_the_lists_read_are_wordfreqs_own(lang: str) -> None:
    import wordfreq

    assert frequencies(lang) == wordfreq.get_frequency_dict({"no": "nb"}.get(lang, lang), "small")


def test_a_language_without_a_list_has_none() -> None:
    assert frequencies("tlh") == {} and zipf("qapla", "tlh") == 0.0


def test_common_families_and_salient_words() -> None:
    # The module's own examples: a family among the 2,000 commonest is common.
    assert not any(is_common(w, "en") for w in ("mayor", "headset", "patent"))
    assert all(is_common(w, "en") for w in ("population", "receive", "commented", "the"))
    assert zipf("the", "en") > 7 > zipf("headset", "en") > 0


def test_reading_a_list_does_not_import_wordfreq() -> None:
    code = (
        "import sys, bot.commonness as c; c.zipf('patent', 'en'); print('wordfreq' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_an_imperative_with_its_pronouns_is_as_common_as_its_verb() -> None:
    # "Mettili a confronto" was refused as "L'articolo non menziona «mettili»".
    assert all(is_common(w, "it") for w in ("mettili", "spiegami", "confrontali"))
    assert all(is_common(w, "es") for w in ("explícame", "muéstrame", "resúmelo"))
    # Nouns with a pronoun's ending stay salient: no accent in Spanish, no common verb in Italian.
    assert not any(is_common(w, "es") for w in ("patentes", "cápsulas"))
    assert not any(is_common(w, "it") for w in ("brevetti", "pechinesi", "aeroporti"))
