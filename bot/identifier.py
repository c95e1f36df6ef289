"""py3langid's model, restricted to the languages bot tells apart, unpacked once into a cache.

The model ships xz-compressed: unpacking it takes half a second at every start, longer than a
whole `bot ask` should. Unpacked, restricted to the columns of the languages kept and saved as
.npy files, it loads in tens of milliseconds; its byte automaton (39 MB) is memory-mapped, so
a process holds only the pages its texts walk through, and processes share them. The cache is
derived from the installed py3langid alone: deleting it costs one slow start.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from array import array
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LOG = logging.getLogger(__name__)


def load(langs: Iterable[str], cache: Path | None) -> LanguageIdentifier:
    """The identifier restricted to `langs`, from `cache` (a folder) when it holds it, else
    unpacked from py3langid and, when `cache` is given, kept there for the next start."""
    langs = sorted(langs)
    folder = cache / _name(langs) if cache else None
    if folder and folder.is_dir():
        try:
            return _read(folder)
        except (OSError, ValueError, KeyError) as error:
            LOG.warning("%s is damaged (%s); unpacking py3langid's model again.", folder, error)
    identifier = _unpacked(langs)
    if folder and _save(identifier, folder):
        try:
            return _read(folder)  # memory-mapped: shared with the next processes
        except (OSError, ValueError, KeyError):
            pass  # another process starting at once replaced it meanwhile
    return identifier


def _name(langs: list[str]) -> str:
    key = hashlib.sha256(" ".join(langs).encode()).hexdigest()[:12]
    return f"langid-{version('py3langid')}-{key}"


def _unpacked(langs: list[str]) -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # norm_probs: probabilities calibrated across text lengths, so one threshold fits all.
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(langs)
    return identifier


def _read(folder: Path) -> LanguageIdentifier:
    from py3langid.langid import LanguageIdentifier

    def array(name: str, mmap: bool = False) -> np.ndarray:
        return np.load(folder / f"{name}.npy", allow_pickle=False, mmap_mode="r" if mmap else None)

    return LanguageIdentifier(
        array("ptc"),
        array("pc"),
        array("classes").tolist(),
        array("nextmove", mmap=True),  # indexed one byte of text at a time, like py3langid's own
        array("output").tolist(),
        norm_probs=True,
        tk_row=array("row").tolist(),
    )


def _save(identifier: LanguageIdentifier, folder: Path) -> bool:
    """Write the restricted model as the folder `folder`, in one rename; False when it cannot
    (a cache that cannot be written is only a slower start)."""
    arrays = {
        "ptc": np.ascontiguousarray(identifier.nb_ptc),
        "pc": identifier.nb_pc,
        "classes": np.array(identifier.nb_classes),
        "nextmove": _unsigned(identifier.tk_nextmove),
        "row": _unsigned(identifier.tk_row),
        "output": np.array(identifier.tk_output, dtype=np.int32),
    }
    staging = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}-", dir=folder.parent))
        for name, values in arrays.items():
            np.save(staging / f"{name}.npy", values, allow_pickle=False)
        staging.chmod(0o755)  # readable by a server running as another user, like the index
        if folder.exists():  # damaged: replaced
            shutil.rmtree(folder)
        staging.rename(folder)
        return True
    except OSError as error:
        LOG.warning("Cannot keep the language model in %s (%s): each start unpacks it.",
                    folder, error)  # fmt: skip
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
        return False


def _unsigned(values: array) -> np.ndarray:
    """A stdlib array of unsigned integers as a NumPy one (py3langid keeps its automaton so)."""
    return np.frombuffer(values, dtype=f"u{values.itemsize}")
