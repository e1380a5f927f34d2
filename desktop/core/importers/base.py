"""Shared pieces of the importers: result type, errors, decoding, story building."""
from __future__ import annotations

import os
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

MAX_ARTICLE_BYTES = 50 * 1024 * 1024     # an article file (.txt .md .docx)
MAX_ARTICLE_CHARS = 2_000_000           # the text a layout can hold in one story (core/io.py)
MAX_PARAGRAPHS = 50_000
MAX_IMAGE_BYTES = 50 * 1024 * 1024      # one image inside or beside an article
MAX_IMAGES_BYTES = 200 * 1024 * 1024    # all of an article's images


def read_source(path_or_bytes) -> tuple[bytes, str]:
    """(bytes, name for messages) — regular files within the size limit only."""
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return bytes(path_or_bytes), "<bytes>"
    import stat as _stat
    p = Path(path_or_bytes)
    try:
        st = p.stat()
        if not _stat.S_ISREG(st.st_mode):
            raise UnreadableFileError(f"{p}: not a regular file (a folder, pipe or device); not read")
        if st.st_size > MAX_ARTICLE_BYTES:
            raise UnreadableFileError(f"{p}: {st.st_size / 2**20:.0f} MB, more than the "
                                      f"{MAX_ARTICLE_BYTES // 2**20} MB an article may be")
        return p.read_bytes(), str(p)
    except OSError as e:
        raise UnreadableFileError(f"{p}: cannot be read ({e.strerror or e})") from None


def check_article_size(name: str, n_paragraphs: int, n_chars: int) -> None:
    if n_paragraphs > MAX_PARAGRAPHS:
        raise UnreadableFileError(f"{name}: {n_paragraphs:,} paragraphs, more than the {MAX_PARAGRAPHS:,} "
                                  f"one article may have")
    if n_chars > MAX_ARTICLE_CHARS:
        raise UnreadableFileError(f"{name}: {n_chars:,} characters, more than the {MAX_ARTICLE_CHARS:,} "
                                  f"a story may hold; split the article")


def write_unique(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as a new file in ``folder`` — never over an existing file, never through a
    symlink (the folder itself must not be one), mode from the user's umask; returns its path."""
    folder = Path(folder)
    if folder.is_symlink():
        raise UnreadableFileError(f"{folder}: is a symlink; images are not written through it")
    folder.mkdir(parents=True, exist_ok=True)
    if folder.is_symlink() or not folder.is_dir():
        raise UnreadableFileError(f"{folder}: not a folder images can be written to")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for n in range(1, 10_000):
        cand = folder / (name if n == 1 else f"{stem}-{n}{dot}{ext}")
        try:
            fd = os.open(cand, flags, 0o666)     # 0666 & ~umask, as any new file
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            try:
                os.unlink(cand)
            except OSError:
                pass
            raise
        return cand
    raise UnreadableFileError(f"{folder}: no free name for {name}")


def check_image_bytes(data: bytes, label: str) -> str | None:
    """None if ``data`` is an image Pillow reads within the pixel budget, else why not."""
    import io as _io
    if len(data) > MAX_IMAGE_BYTES:
        return f"{label}: {len(data) / 2**20:.0f} MB, more than the {MAX_IMAGE_BYTES // 2**20} MB an image may be"
    from PIL import Image
    from ..imagefile import MAX_PIXELS
    import warnings as _w
    try:
        with _w.catch_warnings():
            _w.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(_io.BytesIO(data)) as im:
                w, h = im.size
                fmt = im.format
                im.verify()
    except Exception as e:  # noqa: BLE001 — anything Pillow cannot read is "not an image"
        return f"{label}: not an image file ({type(e).__name__})"
    if w * h > MAX_PIXELS:
        return f"{label}: {w} × {h} = {w * h / 1e6:.0f} Mpx, more than the {MAX_PIXELS / 1e6:.0f} Mpx limit"
    if fmt not in ("JPEG", "PNG", "TIFF", "GIF", "BMP", "WEBP"):
        return f"{label}: a {fmt} image; Banmian places JPEG, PNG and TIFF"
    return None


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


def decode_text(raw: bytes, name: str = "<bytes>", encoding: str | None = None,
                warnings: list[str] | None = None) -> tuple[str, str]:
    """(text, encoding name). Order: BOM, UTF-8 strict, UTF-16 by NUL pattern, then
    charset-normalizer's detection: GB18030/GBK when it is among the best candidates,
    Big5 (traditional Chinese) with a warning, anything else refused — never mojibake."""
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
    where = f" (byte {utf8_err.start} is not UTF-8)" if utf8_err else ""
    return _detect(raw, name, where, warnings)


_GB = ("gb18030", "gbk", "gb2312", "hz", "cp936")
_BIG5 = ("big5", "big5hkscs", "cp950")


def _detect(raw: bytes, name: str, where: str, warnings) -> tuple[str, str]:
    """Not Unicode: ask charset-normalizer, accept only what it is sure of."""
    from charset_normalizer import from_bytes
    gb_text = None
    try:
        s = raw.decode("gb18030")
        gb_text = s if _clean(s) else None
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(raw))
    if not matches:
        raise EncodingError(f"{name}: unreadable text — not UTF-8, UTF-16, GB18030/GBK or Big5{where}, "
                            f"nor any encoding it could be detected as; give the encoding with --encoding")
    best_chaos = min(m.chaos for m in matches)
    gb = [m for m in matches if m.encoding in _GB and m.chaos <= best_chaos + 0.02]
    if gb_text is not None and gb:
        return gb_text, "gb18030"
    best = matches[0]
    if best.encoding in _BIG5 and best.chaos <= 0.1:
        if warnings is not None:
            warnings.append(f"{name}: read as Big5 (traditional Chinese, detected); not GB18030/GBK or "
                            f"UTF-8 — check the characters, or give the encoding with --encoding")
        return raw.decode(best.encoding, errors="strict"), best.encoding
    lang = f", {best.language}" if getattr(best, "language", "") and best.language != "Unknown" else ""
    raise EncodingError(f"{name}: not UTF-8, UTF-16, GB18030/GBK or Big5 text{where} — it looks like "
                        f"{best.encoding}{lang}; give the encoding with --encoding if that is right")


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
        one_style = len({r.style for r in runs}) <= 1
        if not one_style:
            styles: list = []
            for r in runs:
                styles.extend([r.style] * len(r.text))
        if normalize:
            s, ch, w, src = normalize_with_map(raw, line)
            changes.extend(ch)
            warnings.extend(w)
            if not one_style:
                st = [styles[i] if i < len(styles) else None for i in src]
        else:
            lead = len(raw) - len(raw.lstrip())
            s = raw.strip()
            if not one_style:
                st = styles[lead:lead + len(s)]
        if one_style:      # the common case: one run, no per-character work
            out = [Run(s, runs[0].style if runs else None)] if s else []
        else:
            out = _group_runs(s, st)
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
    if len(name) > 80:
        name = name[:80] + "…"
    return Story(story_id, name or story_id, blocks), changes, warnings


def _group_runs(s: str, styles) -> list[Run]:
    """Runs of equal style, in one pass (slices, not a string grown per character)."""
    out: list[Run] = []
    n = min(len(s), len(styles))
    start = 0
    for i in range(1, n + 1):
        if i == n or styles[i] != styles[start]:
            out.append(Run(s[start:i], styles[start]))
            start = i
    return out


def _cut_runs(runs: list[Run], start: int, end: int) -> list[Run]:
    out, pos = [], 0
    for r in runs:
        a, b = pos, pos + len(r.text)
        pos = b
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            out.append(Run(r.text[lo - a:hi - a], r.style))
    return out or [Run("")]
