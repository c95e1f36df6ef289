"""Labels: distinctive words, phrases and names of groups of texts, readable in each language."""

from __future__ import annotations

import re
import subprocess
import sys

from bot.labels import candidates, key_terms


def test_key_terms_prefer_distinctive_phrases_and_names_over_numbers():
    clusters = [
        [
            'Pékin publie le "Plan de mise en œuvre" en 2023 avec 16 tâches.',
            "Le plan de mise en œuvre soutient l'intelligence artificielle à Pékin.",
        ],
        [
            "Shanghai soutient le métaverse et l'audiovisuel immersif en 2023.",
            "Le métaverse de Shanghai vise 2025 et l'audiovisuel immersif.",
        ],
    ]
    beijing, shanghai = key_terms(clusters, "fr")
    # The name, quoted once and then used bare, beats its pieces ("plan de mise", "œuvre").
    assert beijing[:2] == ("Plan de mise en œuvre", "Pékin")
    assert shanghai[:2] == ("audiovisuel immersif", "Shanghai")
    assert not any(re.search(r"\d", term) for term in beijing + shanghai)


def test_a_capital_says_name_only_inside_a_sentence():
    found = candidates("Selon Pékin, Shanghai avance. Shanghai aussi.", "fr")
    spellings = [surface for key, _, surface in found if key == "shanghai"]
    assert spellings == ["Shanghai", ""]  # the second starts its sentence: its case tells nothing


def test_jieba_loads_quietly_and_without_warnings():
    code = "from bot.labels import key_terms; print(key_terms([['北京人工智能'], ['上海']], 'zh'))"
    run = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    assert run.stderr == ""
    assert "人工智能" in run.stdout


def test_korean_labels_are_words_without_their_particles_and_never_predicates() -> None:
    from bot.commonness import korean_stem

    assert korean_stem("상하이의") == "상하이"  # a word wordfreq knows
    assert korean_stem("총량과") == "총량"  # else the particle is dropped
    assert korean_stem("도시들을") == "도시"  # the plural too
    assert korean_stem("하얼빈에서는") == "하얼빈"  # two particles stacked
    assert korean_stem("베이징에도") == "베이징"
    assert korean_stem("연달아") == korean_stem("있나요") == ""  # predicates name nothing
    texts = [
        ["베이징은 인공지능 생태계를 만들었다. 베이징의 생태계가 성장했다."],
        ["상하이는 메타버스 콘텐츠를 늘렸다. 상하이의 콘텐츠는 많았고 다양했다."],
    ]
    beijing, shanghai = key_terms(texts, "ko")
    assert "생태계" in beijing and "콘텐츠" in shanghai
    assert not any(term.endswith(("다", "고")) for term in (*beijing, *shanghai))
