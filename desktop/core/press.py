"""Print conditions (印刷条件): what a plant's press needs from Banmian's PDF.

A :class:`PressCondition` names one press and stock and decides everything the
export and the plant's preflight must agree on: the CMYK output profile (the
PDF/X OutputIntent and the profile photos are separated through), the total
ink limit, the rendering intent, the thinnest line and the smallest reversed or
tinted type the press holds, how far outside the bleed the crop marks start,
whether black rules and strokes overprint, and the halftone screen (lpi) that
sets the lowest acceptable image resolution (1.5 × lpi by default).

The OutputIntent's identifier, condition and registry are carried here, per
condition, never guessed from a profile's description (PRINT.md).

No Qt, no reportlab: the CLI, the editor and the export read the same presets.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

ICC_REGISTRY = "http://www.color.org"

INTENTS = ("relative", "perceptual")


class PressError(ValueError):
    """An unknown preset name or an unusable custom condition (one line, for the user)."""


@dataclass(frozen=True)
class PressCondition:
    name: str                         # stable key: --press NAME
    label: str                        # 简体中文, for the export dialog
    profile: str                      # a bundled profile's file name (resources/icc/) or a path
    ink_limit: float                  # total area coverage, %
    intent: str = "relative"          # relative (colorimetric, with black point compensation) | perceptual
    min_line_pt: float = 0.1          # rules and strokes thinner than this vanish on the press
    min_reversed_pt: float = 8.0      # reversed (white) or tinted / multi-ink type below this fills in
    min_reversed_serif_pt: float = 10.0   # … Song/Kai (thin serifs) below this
    marks_offset_mm: float = 1.0      # crop marks start this far outside the bleed (bleed + 1 mm)
    overprint_black_rules: bool = True    # 100 % K rules and box strokes overprint like black text
    lpi: float = 100.0                # halftone screen, lines per inch
    min_ppi_factor: float = 1.5       # images need ≥ factor × lpi at placed size
    safety_mm: float = 3.0            # text this close to the trim is at risk of the knife
    # the OutputIntent (PDF/X): carried with the condition, never guessed
    output_condition_identifier: str = "Custom"
    output_condition: str = ""
    registry_name: str = ICC_REGISTRY
    info: str = ""

    @property
    def min_ppi(self) -> float:
        return self.min_ppi_factor * self.lpi

    def profile_path(self) -> Path:
        """The ICC file: a bundled name resolves in the package's resources/icc/."""
        p = Path(self.profile)
        if p.is_absolute() or len(p.parts) > 1:
            return p
        from .paths import resources_dir
        return resources_dir() / "icc" / p

    def with_overrides(self, *, profile=None, ink_limit=None) -> "PressCondition":
        """This condition with a plant's own profile and/or ink limit (``--profile``/``--ink-limit``).

        A different profile is a different press condition: the OutputIntent then
        names that profile (identifier "Custom", condition and info its description)."""
        cond = self
        if profile:
            path = Path(profile)
            desc = profile_description(path)
            cond = replace(cond, name="custom", label=f"自定义：{desc}", profile=str(path.absolute()),
                           output_condition_identifier="Custom", output_condition=desc,
                           registry_name=ICC_REGISTRY, info=desc)
        if ink_limit is not None and float(ink_limit) != cond.ink_limit:
            cond = replace(cond, ink_limit=float(ink_limit))
        return cond


NEWSPRINT_CONDITION = ("Coldset offset printing on newsprint, ANSI CGATS/SNAP TR 002-2007 "
                       "characterization data")

PRESETS: dict[str, PressCondition] = {p.name: p for p in (
    PressCondition(
        "newsprint-240", "新闻纸 冷固轮转 240%（默认）", "Banmian_Newsprint_TR002_240.icc", 240.0,
        intent="relative", lpi=100.0,
        output_condition_identifier="CGATS TR 002",
        output_condition=NEWSPRINT_CONDITION + ", total ink 240 %",
        info="Banmian Newsprint Coldset TR002 240% GCR, built with ArgyllCMS colprof from CGATS TR 002 "
             "(strong GCR, black limit 95 %)"),
    PressCondition(
        "newsprint-220", "新闻纸 冷固轮转 220%", "Banmian_Newsprint_TR002_220.icc", 220.0,
        intent="relative", lpi=100.0,
        output_condition_identifier="CGATS TR 002",
        output_condition=NEWSPRINT_CONDITION + ", total ink 220 %",
        info="Banmian Newsprint Coldset TR002 220% GCR, built with ArgyllCMS colprof from CGATS TR 002 "
             "(strong GCR, black limit 95 %)"),
    PressCondition(
        "coated-heatset", "铜版纸 热固轮转（ISO Coated v2 300%）", "ISOcoated_v2_300_bas.icc", 300.0,
        intent="perceptual", lpi=150.0, min_reversed_pt=6.0, min_reversed_serif_pt=8.0,
        output_condition_identifier="FOGRA39",
        output_condition="Offset commercial and specialty printing according to ISO 12647-2:2004/Amd 1, "
                         "paper type 1 or 2 (gloss or matte coated), total ink limited to 300 %",
        info="ISO Coated v2 300% (basICColor)"),
)}

DEFAULT_PRESS = "newsprint-240"


def names() -> list[str]:
    return list(PRESETS) + ["custom"]


def get(name: str | None = None) -> PressCondition:
    """A preset by name (None: the default); PressError for an unknown name."""
    name = name or DEFAULT_PRESS
    try:
        return PRESETS[name]
    except KeyError:
        raise PressError(f"unknown print condition {name!r}; choose one of: {', '.join(names())} "
                         "(custom needs --profile and --ink-limit)") from None


def custom(profile, ink_limit: float, *, base: str | None = None, intent: str | None = None) -> PressCondition:
    """A plant's own CMYK profile with its total ink limit; the other rules from ``base``."""
    if not profile:
        raise PressError("custom print condition: give the plant's ICC profile (--profile FILE)")
    cond = get(base).with_overrides(profile=profile, ink_limit=ink_limit)
    if intent:
        if intent not in INTENTS:
            raise PressError(f"rendering intent {intent!r}: choose relative or perceptual")
        cond = replace(cond, intent=intent)
    return cond


def resolve(name: str | None = None, *, profile=None, ink_limit=None) -> PressCondition:
    """What ``--press NAME [--profile ICC] [--ink-limit PCT]`` means."""
    if name == "custom":
        if ink_limit is None:
            raise PressError("custom print condition: give the plant's total ink limit (--ink-limit PCT)")
        return custom(profile, ink_limit)
    return get(name).with_overrides(profile=profile, ink_limit=ink_limit)


def profile_description(path: Path) -> str:
    """A CMYK output profile's description; PressError unless the file is one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise PressError(f"ICC profile {path}: cannot be read ({e.strerror or e})") from None
    if len(data) < 128 or data[36:40] != b"acsp":
        raise PressError(f"ICC profile {path}: not an ICC profile")
    if data[16:20] != b"CMYK":
        raise PressError(f"ICC profile {path}: colour space is {data[16:20].decode('latin-1').strip()}, not CMYK")
    try:
        import io

        from PIL import ImageCms
        desc = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(data))).strip()
    except Exception:  # noqa: BLE001 — an unreadable tag table: the file name still names it
        desc = ""
    return desc or path.name


__all__ = ["PressCondition", "PressError", "PRESETS", "DEFAULT_PRESS", "get", "custom", "resolve", "names",
           "profile_description"]
