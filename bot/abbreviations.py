"""Abbreviations a reader writes for a post or a thing the editions spell out ("HTC's global VP",
where the article writes "global vice president"; "IC"): a key term written so is looked for
spelled out too (bot.coverage). A post the article never names stays missing ("the CEO of
HTC")."""

from __future__ import annotations

# Each abbreviation, casefolded, and the ways the editions may spell it out.
SPELLED_OUT: dict[str, tuple[str, ...]] = {
    "vp": (
        "vice president", "vice-president", "vice-président", "vicepresidente", "vizepräsident",
        "vice-presidente", "вице-президент",
    ),
    "ceo": (
        "chief executive", "directeur général", "director ejecutivo", "consejero delegado",
        "geschäftsführer", "vorstandschef", "amministratore delegato", "diretor executivo",
        "генеральный директор",
    ),
    "cto": ("chief technology officer", "directeur technique", "director de tecnología"),
    "pdg": ("président-directeur général",),
    # Not a post: the chips' industry ("Chip- bzw. IC-Industrie", "集成电路").
    "ic": ("integrated circuit", "integrierte schaltkreise", "circuito integrado", "集成电路"),
}  # fmt: skip


def spelled_out(surface: str) -> tuple[str, ...]:
    """The spelled-out forms of the abbreviation `surface`, none when it is no known one."""
    return SPELLED_OUT.get(surface.casefold(), ())
