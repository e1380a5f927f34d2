"""Shared pieces of the importers: result type, errors, decoding, story building."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.document import Block, Run, Story
from .normalize import Change, normalize_with_map
from .roles import detect_roles, headline_insert_index, split_credit

# block role → paragraph style name in the templates
ROLE_STYLES = {
    "kicker": "kicker", "headline": "headline", "subtitle": "subtitle", "byline": "byline",
    "lead": "lead", "paragraph": "body", "subhead": "subhead", "note": "note", "list": "list",
    "caption": "caption", "credit": "credit", "title": "title", "header": "header",
}
STRONG = "strong"   # character style for bold runs


class ArticleImportError(ImportError):
    """An article could not be imported; str() names the file and the reason."""


class UnreadableFileError(ArticleImportError):
    pass


class EncodingError(ArticleImportError):
    pass


class UnsupportedFormatError(ArticleImportError):
    pass


@dataclass
class ImportResult:
    story: Story
    encoding: str
    changes: list[Change] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def roles(self) -> list[tuple[str, str]]:
        return [(b.role, b.text) for b in self.story.blocks]

    def role_lines(self, width: int = 20) -> list[str]:
        """One line per block: role and its first `width` characters."""
        out = []
        for b in self.story.blocks:
            t = b.text.replace("\n", " ")
            out.append(f"{b.role:<9} {t[:width]}{'…' if len(t) > width else ''}"
                       if t else f"{b.role:<9} (empty — to be written)")
        return out

    def report_lines(self) -> list[str]:
        counts: dict[str, int] = {}
        for c in self.changes:
            counts[c.rule] = counts.get(c.rule, 0) + 1
        head = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no changes"
        return [f"normalisation: {head}"] + [f"  {c}" for c in self.changes]


# ------------------------------------------------------------------ input

def read_source(path_or_bytes) -> tuple[bytes, str]:
    """(bytes, name for messages)."""
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return bytes(path_or_bytes), "<bytes>"
    p = Path(path_or_bytes)
    try:
        return p.read_bytes(), str(p)
    except OSError as e:
        raise UnreadableFileError(f"{p}: cannot be read ({e.strerror or e})") from None


def _clean(s: str) -> bool:
    """No control characters except tab/newline/CR/form feed."""
    return not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", s)


def _utf16_guess(raw: bytes) -> str | None:
    """UTF-16 without a BOM, told by where the NUL bytes fall."""
    if len(raw) < 2 or len(raw) % 2:
        return None
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    pairs = len(raw) // 2
    # ASCII (newlines, digits, commas) gives a NUL in the high byte; a few Han
    # characters (U+4E00 一 …) give one in the low byte — the high side must dominate
    if odd >= max(1, pairs // 50) and even <= odd // 4:
        cand = "utf-16-le"
    elif even >= max(1, pairs // 50) and odd <= even // 4:
        cand = "utf-16-be"
    else:
        return None
    try:
        s = raw.decode(cand)
    except UnicodeDecodeError:
        return None
    return cand if _clean(s) else None


def decode_text(raw: bytes, name: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding name). Order: BOM, UTF-8 strict, UTF-16 by NUL pattern, GB18030 strict."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise EncodingError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise EncodingError(f"{name}: not {encoding} text (byte {e.start}: {e.reason})") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise EncodingError(f"{name}: starts with a UTF-8 BOM but byte {e.start + 3} is not UTF-8") from None
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[2:].decode(enc), enc + " (BOM)"
            except UnicodeDecodeError as e:
                raise EncodingError(f"{name}: has a {enc} BOM but is not {enc} text "
                                    f"(byte {e.start + 2})") from None
    utf8_err = None
    try:
        s = raw.decode("utf-8")
        if _clean(s):
            return s, "utf-8"
    except UnicodeDecodeError as e:
        utf8_err = e
    enc = _utf16_guess(raw)
    if enc:
        return raw.decode(enc), enc
    try:
        s = raw.decode("gb18030")
        if _clean(s):
            return s, "gb18030"
    except UnicodeDecodeError:
        pass
    where = f" (byte {utf8_err.start} is not UTF-8)" if utf8_err else ""
    raise EncodingError(f"{name}: unreadable text — not UTF-8, UTF-16 or GB18030/GBK{where}; "
                        f"give the encoding with --encoding")


# ------------------------------------------------------------------ story

def slug(name: str) -> str:
    s = re.sub(r"[^\w]+", "-", name).strip("-")
    return s or "story"


def build_story(paragraphs: list[tuple[int, list[Run]]], *, story_id: str, normalize: bool = True,
                hints: list[str | None] | None = None):
    """Paragraphs [(source line, runs)] → (Story, changes, warnings).

    Normalises (keeping run styles), detects roles, splits photo credits off
    captions, adds an empty headline after a kicker when the copy has none.
    """
    changes: list[Change] = []
    warnings: list[str] = []
    texts: list[str] = []
    runs_out: list[list[Run]] = []
    for line, runs in paragraphs:
        raw = "".join(r.text for r in runs)
        styles = [r.style for r in runs for _ in r.text]
        if normalize:
            s, ch, w, src = normalize_with_map(raw, line)
            changes.extend(ch)
            warnings.extend(w)
            st = [styles[i] if i < len(styles) else None for i in src]
        else:
            lead = len(raw) - len(raw.lstrip())
            s = raw.strip()
            st = styles[lead:lead + len(s)]
        out: list[Run] = []
        for ch_, sty in zip(s, st):
            if out and out[-1].style == sty:
                out[-1].text += ch_
            else:
                out.append(Run(ch_, sty))
        texts.append(s)
        runs_out.append(out)
    keep = [i for i, t in enumerate(texts) if t]
    texts = [texts[i] for i in keep]
    runs_out = [runs_out[i] for i in keep]
    if hints is not None:
        hints = [hints[i] for i in keep]
    roles = detect_roles(texts, hints)
    blocks: list[Block] = []
    for role, text, runs in zip(roles, texts, runs_out):
        if role == "caption":
            sp = split_credit(text)
            if sp is not None:
                head, credit = sp
                cap_runs = _cut_runs(runs, 0, len(head))
                if head.strip():
                    blocks.append(Block("caption", ROLE_STYLES["caption"], cap_runs))
                blocks.append(Block("credit", ROLE_STYLES["credit"], [Run(credit)]))
                continue
        blocks.append(Block(role, ROLE_STYLES.get(role, "body"), runs or [Run("")]))
    at = headline_insert_index([b.role for b in blocks])
    if at is not None:
        blocks.insert(at, Block("headline", ROLE_STYLES["headline"], [Run("")]))
        warnings.append("no headline in the copy: an empty headline block was added for the editor to write")
    name = next((b.text for b in blocks if b.role in ("headline", "title") and b.text), "")
    return Story(story_id, name or story_id, blocks), changes, warnings


def _cut_runs(runs: list[Run], start: int, end: int) -> list[Run]:
    out, pos = [], 0
    for r in runs:
        a, b = pos, pos + len(r.text)
        pos = b
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            out.append(Run(r.text[lo - a:hi - a], r.style))
    return out or [Run("")]
