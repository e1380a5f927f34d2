"""Layout files: versioned JSON ("format": "banmian/1"), validated on load.

A bad file gives one message per problem naming the file, the JSON path, what
was expected and what was found, e.g.

    sample.json: pages[0].frames[3].columns: expected a whole number ≥ 1, found "two"

and never a traceback.  Saving is atomic: a temporary file beside the target,
flushed and fsynced, then renamed over it — a failed save leaves the old file
intact.
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
import tempfile
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from .model.document import (
    ALIGNMENTS, BLOCK_ROLES, Article, Block, BoxFrame, CharacterStyle, CharFormat, Document,
    PLACEHOLDER_KEYS, Grid, Guides, ImageFrame, Margins, Master, Page, ParagraphStyle, RuleFrame,
    Run, Story, Swatch, TextFrame, Wrap,
)
from .model.units import parse_size

FORMAT = "banmian/1"
SUPPORTED_FORMATS = ("banmian/1",)


class LayoutFileError(Exception):
    """Every problem found in one file; str() gives one line per problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


class _Problem(Exception):  # noqa: N818
    def __init__(self, expected: str, found):
        self.expected = expected
        self.found = found


class NonFinite:
    """A number the loader refuses, kept as the text it was written as (NaN, Infinity,
    1e400, a 400-digit integer) so the message can show it and nothing computes with it."""
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self):
        return self.text


SHOW_CHARS = 60          # a bad value longer than this is cut in the message


def _escape_surrogates(s: str) -> str:
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", s)


def _show(v) -> str:
    if isinstance(v, NonFinite):
        t = v.text
        return t if len(t) <= SHOW_CHARS else f"{t[:20]}… (a number of {len(t)} digits)"
    if isinstance(v, str):
        if len(v) > SHOW_CHARS:
            return _escape_surrogates(json.dumps(v[:40], ensure_ascii=False)[:-1]) + f"…\" ({len(v):,} characters)"
        return _escape_surrogates(json.dumps(v, ensure_ascii=False))
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return "an object" if isinstance(v, dict) else "a list"
    if isinstance(v, float) and not math.isfinite(v):
        return repr(v)
    return json.dumps(v)


# ------------------------------------------------------------- limits
# Sane ranges: anything outside is a damaged or hostile file, refused on load.
MAX_MM = 10_000.0            # geometry within ±10 m
MAX_PT = 2_000.0             # type sizes, leading, spacing, rule weights
MAX_EM = 100.0               # indents and tracking in em
MAX_COLUMNS = 64
MAX_PAGES = 1_000
MAX_FRAMES = 10_000          # per page or master
MAX_ID_CHARS = 256           # ids, names, style and swatch names
MAX_META_CHARS = 4_096       # meta values, image paths
MAX_TEXT_CHARS = 2_000_000   # the text of one story (all its runs)
MAX_DEPTH = 10               # the format nests 7 deep (stories[].blocks[].runs[]); 3 to spare
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_INT_DIGITS = 18


# ------------------------------------------------------------- value kinds

def _number(v, *, minimum=None, exclusive=False, what="a number", maximum=None):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _Problem(what, v)
    if not math.isfinite(v):
        raise _Problem(what, v)
    if minimum is not None and (v < minimum or (exclusive and v == minimum)):
        raise _Problem(what, v)
    if maximum is not None and v > maximum:
        raise _Problem(what, v)
    return float(v)


def rng(lo, hi, unit, *, lo_excl=False):
    """A number kind lo ≤ v ≤ hi (lo < v when ``lo_excl``)."""
    lo_s = f"{lo:g}"
    what = (f"a number > {lo_s} and ≤ {hi:g} {unit}" if lo_excl else f"a number {lo_s}–{hi:g} {unit}").strip()

    def check(v):
        return _number(v, minimum=lo, exclusive=lo_excl, maximum=hi, what=what)
    check.__name__ = f"rng_{lo}_{hi}"
    return check


mm = rng(-MAX_MM, MAX_MM, "mm")           # positions
mm_ge0 = rng(0, MAX_MM, "mm")             # sizes, gutters, insets
mm_gt0 = rng(0, MAX_MM, "mm", lo_excl=True)
pt_ge0 = rng(0, MAX_PT, "pt")
pt_gt0 = rng(0, MAX_PT, "pt", lo_excl=True)
em = rng(-MAX_EM, MAX_EM, "em")
scale_kind = rng(0, 1000, "", lo_excl=True)
MAX_GUIDES = 1_000           # per page and direction


def leading_ratio_kind(v):
    """Automatic leading: 0 (fixed) or a ratio of the size 0.5–5."""
    x = _number(v, what="0 (fixed leading) or a ratio of the size 0.5–5")
    if x != 0 and not 0.5 <= x <= 5:
        raise _Problem("0 (fixed leading) or a ratio of the size 0.5–5", v)
    return x


def num(v):
    return _number(v)


def num_ge0(v):
    return _number(v, minimum=0, what="a number ≥ 0")


def num_gt0(v):
    return _number(v, minimum=0, exclusive=True, what="a number > 0")


def whole(lo, hi):
    what = f"a whole number {lo}–{hi}"

    def check(v):
        x = int(v) if isinstance(v, float) and math.isfinite(v) and v.is_integer() else v
        if isinstance(x, bool) or not isinstance(x, int) or not lo <= x <= hi:
            raise _Problem(what, v)
        return x
    return check


columns_kind = whole(1, MAX_COLUMNS)


def whole_ge1(v):
    return whole(1, 10_000)(v)


def whole_ge0(v):
    return whole(0, 10_000)(v)


def _check_string(v, limit, what="a string"):
    if not isinstance(v, str):
        raise _Problem(what, v)
    if len(v) > limit:
        raise _Problem(f"{what} of at most {limit:,} characters", v)
    if _has_surrogate(v):
        raise _Problem(what, v)
    return v


def text(v):
    return _check_string(v, MAX_ID_CHARS)


def long_text(v):
    return _check_string(v, MAX_TEXT_CHARS)


def path_text(v):
    return _check_string(v, MAX_META_CHARS, "a file path")


def ident(v):
    if not isinstance(v, str) or not v.strip():
        raise _Problem("a non-empty id string", v)
    return _check_string(v, MAX_ID_CHARS, "a non-empty id string")


def opt_ident(v):
    return None if v is None else ident(v)


def opt_text(v):
    return None if v is None else text(v)


def font_id(v):
    from .typeset.fonts import TEXT_FACES
    if not isinstance(v, str) or v not in TEXT_FACES:
        raise _Problem("a font id (" + ", ".join(TEXT_FACES) + ")", v)
    return v


def opt_font_id(v):
    return None if v is None else font_id(v)


def boolean(v):
    if not isinstance(v, bool):
        raise _Problem("true or false", v)
    return v


def opt_boolean(v):
    return None if v is None else boolean(v)


def opt_em(v):
    return None if v is None else em(v)


def size(v):
    what = f"a size in pt (> 0, ≤ {MAX_PT:g}) or a 号 name (小五, 五号 …)"
    if isinstance(v, NonFinite) or (isinstance(v, str) and len(v) > 32):
        raise _Problem(what, v)
    try:
        x = parse_size(v)
    except ValueError:
        raise _Problem(what, v) from None
    if not (math.isfinite(x) and 0 < x <= MAX_PT):
        raise _Problem(what, v)
    return x


def opt_size(v):
    return None if v is None else size(v)


def percent(v):
    return _check_percent(_number(v, what="a percentage 0–100"), v)


def _check_percent(x, v):
    if not 0 <= x <= 100:
        raise _Problem("a percentage 0–100", v)
    return x


def one_of(*choices):
    def check(v):
        if v not in choices:
            raise _Problem("one of " + ", ".join(choices), v)
        return v
    return check


# ------------------------------------------------------------- schemas
# (json key, kind, default) — a default of REQUIRED means the key must be present.
REQUIRED = object()

_FRAME_COMMON = [
    ("id", ident, REQUIRED), ("x", mm, REQUIRED), ("y", mm, REQUIRED),
    ("w", mm_ge0, REQUIRED), ("h", mm_ge0, REQUIRED), ("article", opt_ident, None),
    ("locked", boolean, False),
]
SCHEMAS: dict[type, list] = {
    Swatch: [("name", ident, REQUIRED), ("c", percent, 0.0), ("m", percent, 0.0),
             ("y", percent, 0.0), ("k", percent, 0.0)],
    ParagraphStyle: [("name", ident, REQUIRED), ("label", text, ""), ("font", font_id, "song"),
                     ("size", size, 9.0), ("leading", pt_ge0, 0.0), ("indent", em, 0.0),
                     ("align", one_of(*ALIGNMENTS), "justify"), ("space_before", pt_ge0, 0.0),
                     ("space_after", pt_ge0, 0.0), ("color", ident, "Black"),
                     ("tracking", em, 0.0), ("grid", boolean, True), ("span", boolean, False),
                     ("border", pt_ge0, 0.0), ("keep_with_next", boolean, False),
                     ("leading_ratio", leading_ratio_kind, 0.0)],
    CharacterStyle: [("name", ident, REQUIRED), ("label", text, ""), ("font", opt_font_id, None),
                     ("size", opt_size, None), ("color", opt_ident, None), ("bold", opt_boolean, None),
                     ("emphasis", opt_boolean, None), ("tracking", opt_em, None), ("shift", opt_em, None)],
    CharFormat: [("font", opt_font_id, None), ("size", opt_size, None), ("color", opt_ident, None),
                 ("bold", opt_boolean, None), ("emphasis", opt_boolean, None), ("tracking", opt_em, None),
                 ("shift", opt_em, None)],
    Run: [("text", long_text, REQUIRED), ("style", opt_ident, None)],
    Wrap: [("mode", one_of("none", "box"), "none"), ("offset", mm_ge0, 2.0)],
    TextFrame: _FRAME_COMMON + [("columns", columns_kind, 1), ("gutter", mm_ge0, 4.0),
                                ("inset", mm_ge0, 0.0), ("story", opt_ident, None),
                                ("next", opt_ident, None), ("valign", one_of("top", "center"), "top"),
                                ("balance", boolean, False), ("caption_of", opt_ident, None),
                                ("caption_gap", mm, 1.0),
                                ("direction", one_of("horizontal", "vertical"), "horizontal")],
    ImageFrame: _FRAME_COMMON + [("path", path_text, ""), ("fit", one_of("fit", "fill", "none"), "fill"),
                                 ("scale", scale_kind, 1.0), ("offset_x", mm, 0.0), ("offset_y", mm, 0.0)],
    RuleFrame: _FRAME_COMMON[:1] + [("x", mm, REQUIRED), ("y", mm, REQUIRED), ("w", mm, 0.0),
                                    ("h", mm, 0.0), ("article", opt_ident, None),
                                    ("locked", boolean, False), ("weight", pt_gt0, 0.5), ("color", ident, "Black")],
    BoxFrame: _FRAME_COMMON + [("stroke", opt_ident, "Black"), ("stroke_weight", pt_ge0, 0.5),
                               ("fill", opt_ident, None), ("tint", percent, 100.0)],
    Margins: [("top", mm_ge0, 20.0), ("bottom", mm_ge0, 20.0), ("left", mm_ge0, 20.0),
              ("right", mm_ge0, 20.0)],
    Grid: [("columns", columns_kind, 8), ("column_chars", whole(1, 1000), 13), ("gutter_chars", whole(0, 100), 1),
           ("body_size", size, 9.0), ("leading", pt_gt0, 15.0), ("first_baseline", mm_ge0, 0.0)],
    Article: [("id", ident, REQUIRED), ("name", lambda v: meta_text(v), "")],
}
# keys a frame object may hold besides its schema's
_FRAME_EXTRA_KEYS = ("kind", "wrap")
_FRAME_KINDS = {"text": TextFrame, "image": ImageFrame, "rule": RuleFrame, "box": BoxFrame}


def _has_surrogate(v: str) -> bool:
    return _SURROGATE.search(v) is not None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _key_name(key: str) -> str:
    k = _escape_surrogates(key)
    return k if len(k) <= SHOW_CHARS else k[:40] + f"… ({len(key):,} characters)"


_TOP_KEYS = ("format", "meta", "swatches", "paragraph_styles", "character_styles", "articles",
             "stories", "masters", "pages")
_PAGE_KEYS = ("id", "name", "width", "height", "bleed", "master", "margins", "grid", "frames", "guides",
              "fields")
_GUIDE_KEYS = ("x", "y")
_STORY_KEYS = ("id", "name", "blocks")
_BLOCK_KEYS = ("role", "style", "runs", "text")
_MASTER_KEYS = ("name", "frames")
MAX_BLOCKS = 200_000         # paragraphs in one story
MAX_ITEMS = 10_000           # swatches, styles, stories, articles, masters


class _Reader:
    def __init__(self):
        self.problems: list[str] = []

    def problem(self, path: str, expected: str, found) -> None:
        self.problems.append(f"{path}: expected {expected}, found {_show(found)}")

    def unknown_keys(self, data: dict, path: str, known) -> None:
        """Unknown keys are refused (docs/contracts.md): a key Banmian would drop on save."""
        for key in data:
            if key not in known:
                where = f"{path}.{_key_name(key)}" if path else _key_name(key)
                self.problems.append(f"{where}: expected one of the known keys ({', '.join(known)}), "
                                     f"found an unknown key")

    def obj(self, cls, data, path, extra=None, allowed=()):
        """Build a dataclass from a JSON object by its schema; None if unusable."""
        if not isinstance(data, dict):
            self.problem(path, "an object", data)
            return None
        kwargs = dict(extra or {})
        ok = True
        known = []
        for key, kind, default in SCHEMAS[cls]:
            known.append(key)
            if key not in data:
                if default is REQUIRED:
                    self.problems.append(f"{path}.{key}: expected a value, found nothing (the key is missing)")
                    ok = False
                else:
                    kwargs[key] = default
                continue
            try:
                kwargs[key] = kind(data[key])
            except _Problem as p:
                self.problem(f"{path}.{key}", _unicode_expected(p), p.found)
                ok = False
        self.unknown_keys(data, path, list(dict.fromkeys(known + list(allowed))))
        return cls(**kwargs) if ok else None

    def list_of(self, data, path, item, limit=MAX_ITEMS):
        if data is None:
            return []
        if not isinstance(data, list):
            self.problem(path, "a list", data)
            return []
        if len(data) > limit:
            self.problems.append(f"{path}: expected at most {limit:,} entries, found {len(data):,}")
            return []
        out = []
        for i, d in enumerate(data):
            v = item(d, f"{path}[{i}]")
            if v is not None:
                out.append(v)
        return out

    def string(self, d, key, path, kind, default):
        """A string-valued key of a hand-read object; (value, ok)."""
        if key not in d:
            return default, True
        try:
            v = kind(d[key])
        except _Problem as p:
            self.problem(f"{path}.{key}", _unicode_expected(p), p.found)
            return default, False
        return v, True

    # -- composite objects
    def run(self, d, path):
        local = None
        if isinstance(d, dict) and "local" in d:
            local = self.obj(CharFormat, d["local"], f"{path}.local")
            if local is None:
                return None
        r = self.obj(Run, d, path, allowed=("local",))
        if r is not None:
            r.local = local
        return r

    def block(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        self.unknown_keys(d, path, _BLOCK_KEYS)
        role = d.get("role")
        ok = True
        if not isinstance(role, str) or role not in BLOCK_ROLES:
            self.problem(f"{path}.role", "one of " + ", ".join(BLOCK_ROLES), role)
            ok = False
        style, good = self.string(d, "style", path, ident, role if isinstance(role, str) else "")
        ok = ok and good
        if "runs" in d:
            runs = self.list_of(d["runs"], f"{path}.runs", self.run, limit=MAX_BLOCKS)
        elif "text" in d:
            t, good = self.string(d, "text", path, long_text, "")
            ok = ok and good
            runs = [Run(t)] if good else []
        else:
            runs = []
        return Block(role, style, runs) if ok else None

    def story(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        self.unknown_keys(d, path, _STORY_KEYS)
        ok = True
        sid = d.get("id")
        try:
            ident(sid)
        except _Problem as p:
            self.problem(f"{path}.id", _unicode_expected(p), sid)
            ok = False
        name, good = self.string(d, "name", path, meta_text, "")
        ok = ok and good
        blocks = self.list_of(d.get("blocks", []), f"{path}.blocks", self.block, limit=MAX_BLOCKS)
        total = sum(len(r.text) for b in blocks for r in b.runs)
        if total > MAX_TEXT_CHARS:
            self.problems.append(f"{path}.blocks: expected at most {MAX_TEXT_CHARS:,} characters of text, "
                                 f"found {total:,}")
            ok = False
        return Story(sid, name, blocks) if ok else None

    def frame(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        kind = d.get("kind", "text")
        cls = _FRAME_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            self.problem(f"{path}.kind", "one of text, image, rule, box", kind)
            return None
        wrap = Wrap()
        if "wrap" in d:
            w = self.obj(Wrap, d["wrap"], f"{path}.wrap")
            if w is None:
                return None
            wrap = w
        return self.obj(cls, d, path, extra={"wrap": wrap}, allowed=_FRAME_EXTRA_KEYS)

    def page(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        self.unknown_keys(d, path, _PAGE_KEYS)
        ok = True
        pid = d.get("id")
        try:
            ident(pid)
        except _Problem as p:
            self.problem(f"{path}.id", _unicode_expected(p), pid)
            ok = False
        kw = {}
        for key, kind, default in (("name", text, ""), ("width", mm_gt0, 390.0), ("height", mm_gt0, 540.0),
                                   ("bleed", rng(0, 100, "mm"), 3.0), ("master", opt_text, None)):
            if key in d:
                try:
                    kw[key] = kind(d[key])
                except _Problem as p:
                    self.problem(f"{path}.{key}", _unicode_expected(p), p.found)
                    ok = False
            else:
                kw[key] = default
        margins = self.obj(Margins, d.get("margins", {}), f"{path}.margins")
        grid = self.obj(Grid, d.get("grid", {}), f"{path}.grid")
        frames = self.list_of(d.get("frames", []), f"{path}.frames", self.frame)
        guides = self.guides(d.get("guides", {}), f"{path}.guides")
        page_fields = self.page_fields(d.get("fields", {}), f"{path}.fields")
        if margins is None or grid is None or guides is None or page_fields is None or not ok:
            return None
        return Page(pid, margins=margins, grid=grid, frames=frames, guides=guides, fields=page_fields, **kw)

    def page_fields(self, d, path):
        """{"section": "工会动态", "editor": "李四"}: the page's own 报眉 fields (strings; only
        the placeholder keys, PLACEHOLDER_KEYS)."""
        if not isinstance(d, dict):
            self.problem(path, "an object of 报眉 fields (" + ", ".join(PLACEHOLDER_KEYS) + ")", d)
            return None
        self.unknown_keys(d, path, PLACEHOLDER_KEYS)
        out, ok = {}, True
        for key in PLACEHOLDER_KEYS:
            if key in d:
                v, good = self.string(d, key, path, meta_text, "")
                if good:
                    out[key] = v
                ok = ok and good
        return out if ok and all(k in PLACEHOLDER_KEYS for k in d) else None

    def guides(self, d, path):
        """{"x": [mm …], "y": [mm …]}: the page's ruler guides."""
        if not isinstance(d, dict):
            self.problem(path, "an object with lists x and y", d)
            return None
        self.unknown_keys(d, path, _GUIDE_KEYS)
        out = Guides()
        ok = True
        for key in _GUIDE_KEYS:
            vals = d.get(key, [])
            if not isinstance(vals, list):
                self.problem(f"{path}.{key}", "a list of positions in mm", vals)
                ok = False
                continue
            if len(vals) > MAX_GUIDES:
                self.problems.append(f"{path}.{key}: expected at most {MAX_GUIDES:,} entries, found {len(vals):,}")
                ok = False
                continue
            for i, v in enumerate(vals):
                try:
                    getattr(out, key).append(mm(v))
                except _Problem as p:
                    self.problem(f"{path}.{key}[{i}]", p.expected, p.found)
                    ok = False
        return out if ok else None

    def master(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        self.unknown_keys(d, path, _MASTER_KEYS)
        name = d.get("name")
        try:
            ident(name)
        except _Problem as p:
            self.problem(f"{path}.name", "a non-empty name" if "surrogate" not in _unicode_expected(p)
                         else _unicode_expected(p), name)
            return None
        return Master(name, self.list_of(d.get("frames", []), f"{path}.frames", self.frame))


def meta_text(v):
    return _check_string(v, MAX_META_CHARS)


def _unicode_expected(p: "_Problem") -> str:
    """The expectation, or the Unicode one when the value is a string with a lone surrogate."""
    if isinstance(p.found, str) and _has_surrogate(p.found):
        return "valid Unicode text (a lone surrogate such as \\ud800 cannot be stored or printed)"
    return p.expected


def document_from_dict(data, source: str = "<document>") -> Document:
    """Validate and build a Document; raises LayoutFileError listing every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise LayoutFileError(source, [f"(top level): expected an object, found {_show(data)}"])
    fmt = data.get("format")
    if not isinstance(fmt, str) or fmt not in SUPPORTED_FORMATS:
        raise LayoutFileError(source, [f"format: expected \"{FORMAT}\", found {_show(fmt)}"])
    r.unknown_keys(data, "", _TOP_KEYS)
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        r.problem("meta", "an object of strings", meta)
        meta = {}
    else:
        good = {}
        for k, v in meta.items():
            kp = f"meta.{_key_name(k)}"
            if _has_surrogate(k):
                r.problem(kp, "a key of valid Unicode text (no lone surrogate)", k)
            elif len(k) > MAX_ID_CHARS:
                r.problem(kp, f"a key of at most {MAX_ID_CHARS} characters", k)
            elif k == "link_folders" and isinstance(v, list):
                # the folders image links may point into besides the layout's own (core/imagefile.py)
                try:
                    good[k] = "\n".join(path_text(x) for x in v)
                except _Problem as p:
                    r.problem(kp, "a list of folder paths" if "surrogate" not in _unicode_expected(p)
                              else _unicode_expected(p), p.found)
            else:
                try:
                    good[k] = meta_text(v)
                except _Problem as p:
                    r.problem(kp, _unicode_expected(p), v)
        meta = good
    doc = Document(
        meta=dict(meta),
        swatches=r.list_of(data.get("swatches"), "swatches", lambda d, p: r.obj(Swatch, d, p)),
        paragraph_styles=r.list_of(data.get("paragraph_styles"), "paragraph_styles",
                                   lambda d, p: r.obj(ParagraphStyle, d, p)),
        character_styles=r.list_of(data.get("character_styles"), "character_styles",
                                   lambda d, p: r.obj(CharacterStyle, d, p)),
        stories=r.list_of(data.get("stories"), "stories", r.story),
        articles=r.list_of(data.get("articles"), "articles", lambda d, p: r.obj(Article, d, p)),
        masters=r.list_of(data.get("masters"), "masters", r.master),
        pages=r.list_of(data.get("pages"), "pages", r.page, limit=MAX_PAGES),
    )
    _check_references(doc, data, r)
    if r.problems:
        raise LayoutFileError(source, r.problems)
    return doc


def _check_references(doc: Document, data: dict, r: _Reader) -> None:
    """Cross-references: styles, swatches, stories, masters, next links, unique ids."""
    # names come from the raw JSON too, so one bad style does not cascade into "unknown style" errors
    def raw_names(key, field="name"):
        items = data.get(key)
        if not isinstance(items, list):
            return set()
        return {d.get(field) for d in items if isinstance(d, dict) and isinstance(d.get(field), str)}
    pstyles = {s.name for s in doc.paragraph_styles} | raw_names("paragraph_styles")
    cstyles = {s.name for s in doc.character_styles} | raw_names("character_styles")
    swatches = {s.name for s in doc.swatches} | {"Registration"} | raw_names("swatches")
    masters = {m.name for m in doc.masters} | raw_names("masters")
    for i, s in enumerate(doc.paragraph_styles):
        if s.color not in swatches:
            r.problem(f"paragraph_styles[{i}].color", "a swatch name", s.color)
    for i, s in enumerate(doc.character_styles):
        if s.color is not None and s.color not in swatches:
            r.problem(f"character_styles[{i}].color", "a swatch name", s.color)
    story_ids = set()
    for si, st in enumerate(doc.stories):
        if st.id in story_ids:
            r.problem(f"stories[{si}].id", "an id used once", st.id)
        story_ids.add(st.id)
        for bi, b in enumerate(st.blocks):
            if b.style not in pstyles:
                r.problem(f"stories[{si}].blocks[{bi}].style", "a paragraph style name", b.style)
            for ri, run in enumerate(b.runs):
                if run.style is not None and run.style not in cstyles:
                    r.problem(f"stories[{si}].blocks[{bi}].runs[{ri}].style", "a character style name", run.style)
                if run.local is not None and run.local.color is not None and run.local.color not in swatches:
                    r.problem(f"stories[{si}].blocks[{bi}].runs[{ri}].local.color", "a swatch name", run.local.color)
    for pi, p in enumerate(doc.pages):
        if p.master is not None and p.master not in masters:
            r.problem(f"pages[{pi}].master", "the name of a master" + (f" ({', '.join(sorted(masters))})"
                                                                       if masters else " (the file has none)"),
                      p.master)
    frame_ids: dict[str, str] = {}
    frame_by_id: dict[str, object] = {}
    articles = {a.id for a in doc.articles} | raw_names("articles", "id")
    all_story_ids = story_ids | raw_names("stories", "id")
    places = [(f"pages[{pi}]", p.frames) for pi, p in enumerate(doc.pages)]
    places += [(f"masters[{mi}]", m.frames) for mi, m in enumerate(doc.masters)]
    story_at: dict[str, str] = {}
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            path = f"{prefix}.frames[{fi}]"
            if f.id in frame_ids:
                r.problem(f"{path}.id", f"an id used once (also at {frame_ids[f.id]})", f.id)
            frame_ids[f.id] = path
            frame_by_id.setdefault(f.id, f)
            if f.article is not None and f.article not in articles:
                r.problem(f"{path}.article", "an article id", f.article)
            if isinstance(f, TextFrame) and f.story is not None:
                if f.story not in all_story_ids:
                    r.problem(f"{path}.story", "a story id", f.story)
                elif f.story in story_at and prefix.startswith("pages"):
                    r.problem(f"{path}.story", f"a story placed in one frame only (also at {story_at[f.story]}; "
                                               f"link the frames with next instead)", f.story)
                elif prefix.startswith("pages"):
                    story_at[f.story] = path
            if isinstance(f, RuleFrame) and f.color not in swatches:
                r.problem(f"{path}.color", "a swatch name", f.color)
            if isinstance(f, BoxFrame):
                for key in ("stroke", "fill"):
                    v = getattr(f, key)
                    if v is not None and v not in swatches:
                        r.problem(f"{path}.{key}", "a swatch name", v)
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            if isinstance(f, TextFrame) and f.caption_of is not None \
                    and not isinstance(frame_by_id.get(f.caption_of), ImageFrame):
                r.problem(f"{prefix}.frames[{fi}].caption_of", "the id of an image frame", f.caption_of)
    # threads: each next names another text frame that starts no story of its own and that no
    # other frame links to; following the links never comes back to a frame
    target_of: dict[str, str] = {}
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            if not isinstance(f, TextFrame) or f.next is None:
                continue
            path = f"{prefix}.frames[{fi}].next"
            t = frame_by_id.get(f.next)
            if not isinstance(t, TextFrame):
                r.problem(path, "the id of a text frame", f.next)
            elif f.next == f.id:
                r.problem(path, "another frame's id", f.next)
            elif t.story is not None:
                r.problem(path, f"a frame that starts no story of its own ({frame_ids[f.next]} starts "
                                f"{_show(t.story)})", f.next)
            elif f.next in target_of:
                r.problem(path, f"a frame no other frame links to (also linked from {target_of[f.next]})", f.next)
            else:
                target_of[f.next] = f"{prefix}.frames[{fi}]"
    reported = set()
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            if not isinstance(f, TextFrame) or f.next is None or f.id in reported:
                continue
            seen = [f.id]
            cur = frame_by_id.get(f.next)
            while isinstance(cur, TextFrame) and cur.id not in seen and len(seen) <= len(frame_by_id):
                seen.append(cur.id)
                cur = frame_by_id.get(cur.next) if cur.next is not None else None
            if isinstance(cur, TextFrame) and cur.id == f.id and len(seen) > 1:
                reported.update(seen)
                r.problem(f"{prefix}.frames[{fi}].next", "a thread that ends (the links go round: "
                          + " → ".join(seen + [f.id]) + ")", f.next)
    # a text frame that takes text needs room for it
    threaded = set(target_of)
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            if not isinstance(f, TextFrame) or not (f.story or f.next or f.id in threaded):
                continue
            if f.direction == "vertical":     # its columns are bands stacked top to bottom
                col_h = (f.h - 2 * f.inset - (f.columns - 1) * f.gutter) / f.columns
                if col_h <= 0.5 or f.w - 2 * f.inset <= 0:
                    r.problem(f"{prefix}.frames[{fi}].h", "a vertical text frame taller and wider than its "
                              "insets and gutters (bands ≥ 0.5 mm tall)", f.h)
                continue
            col_w = (f.w - 2 * f.inset - (f.columns - 1) * f.gutter) / f.columns
            if col_w <= 0.5 or f.h - 2 * f.inset <= 0:
                r.problem(f"{prefix}.frames[{fi}].w", "a text frame wider and taller than its insets and "
                          "gutters (columns ≥ 0.5 mm wide)", f.w)


# ------------------------------------------------------------- writing

def _obj_to_dict(o) -> dict:
    out = {}
    for key, _kind, default in SCHEMAS[type(o)]:
        v = getattr(o, key)
        if default is REQUIRED or v != default:
            out[key] = v
    return out


def _frame_to_dict(f) -> dict:
    d = {"kind": f.kind}
    d.update(_obj_to_dict(f))
    if f.wrap.mode != "none":
        d["wrap"] = {"mode": f.wrap.mode, "offset": f.wrap.offset}
    return d


def _block_to_dict(b: Block) -> dict:
    d = {"role": b.role}
    if b.style != b.role:
        d["style"] = b.style
    if all(r.style is None and r.local is None for r in b.runs):
        d["text"] = b.text
    else:
        d["runs"] = [_run_to_dict(r) for r in b.runs]
    return d


def _run_to_dict(r: Run) -> dict:
    d = _obj_to_dict(r)
    if r.local is not None:
        d["local"] = _obj_to_dict(r.local)
    return d


def document_to_dict(doc: Document) -> dict:
    """The JSON object, keys in a stable order, defaults left out."""
    return {
        "format": FORMAT,
        "meta": {k: (doc.meta[k].split("\n") if k == "link_folders" else doc.meta[k]) for k in sorted(doc.meta)},
        "swatches": [_obj_to_dict(s) for s in doc.swatches],
        "paragraph_styles": [_obj_to_dict(s) for s in doc.paragraph_styles],
        "character_styles": [_obj_to_dict(s) for s in doc.character_styles],
        "articles": [_obj_to_dict(a) for a in doc.articles],
        "stories": [{"id": s.id, "name": s.name, "blocks": [_block_to_dict(b) for b in s.blocks]}
                    for s in doc.stories],
        "masters": [{"name": m.name, "frames": [_frame_to_dict(f) for f in m.frames]} for m in doc.masters],
        "pages": [{
            "id": p.id, "name": p.name, "width": p.width, "height": p.height, "bleed": p.bleed,
            **({"master": p.master} if p.master else {}),
            "margins": {k: getattr(p.margins, k) for k in ("top", "bottom", "left", "right")},
            "grid": {f.name: getattr(p.grid, f.name) for f in fields(Grid)},
            "frames": [_frame_to_dict(f) for f in p.frames],
            **({"guides": {k: list(getattr(p.guides, k)) for k in _GUIDE_KEYS if getattr(p.guides, k)}}
               if p.guides.x or p.guides.y else {}),
            **({"fields": {k: p.fields[k] for k in PLACEHOLDER_KEYS if k in p.fields}} if p.fields else {}),
        } for p in doc.pages],
    }


def _tidy(v):
    """Numbers as a person writes them: 100 not 100.0, 0.3 not 0.30000000000000004."""
    if isinstance(v, float):
        r = round(v, 4)
        return int(r) if r.is_integer() else r
    if isinstance(v, dict):
        return {k: _tidy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_tidy(x) for x in v]
    return v


def dumps(doc: Document) -> str:
    return json.dumps(_tidy(document_to_dict(doc)), ensure_ascii=False, indent=2) + "\n"


_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _nesting_problem(s: str) -> str | None:
    """Refuse nesting deeper than the format's before json parses it (json recurses per level)."""
    depth = 0
    for m in _TOKENS.finditer(s):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = s.count("\n", 0, m.start()) + 1
                return (f"line {line}: expected objects and lists nested at most {MAX_DEPTH} deep, "
                        f"found deeper nesting")
        elif c in "]}":
            depth -= 1
    return None


def _parse_float(t: str):
    v = float(t)
    return v if math.isfinite(v) else NonFinite(t)


def _parse_int(t: str):
    return int(t) if len(t) <= MAX_INT_DIGITS else NonFinite(t)


def loads(s: str, source: str = "<document>") -> Document:
    deep = _nesting_problem(s)
    if deep:
        raise LayoutFileError(source, [deep])
    try:
        data = json.loads(s, parse_constant=NonFinite, parse_float=_parse_float, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        raise LayoutFileError(source, [f"line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"]) from None
    except (RecursionError, ValueError) as e:
        raise LayoutFileError(source, [f"not a readable layout ({type(e).__name__})"]) from None
    return document_from_dict(data, source)


def load_document(path) -> Document:
    path = Path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise LayoutFileError(str(path), ["expected a regular file, found "
                                              + ("a folder" if stat.S_ISDIR(st.st_mode) else "a special file")])
        if st.st_size > MAX_FILE_BYTES:
            raise LayoutFileError(str(path), [f"expected a layout of at most {MAX_FILE_BYTES // 2**20} MB, "
                                              f"found {st.st_size / 2**20:.0f} MB"])
        raw = path.read_bytes()
    except OSError as e:
        raise LayoutFileError(str(path), [f"cannot be read ({e.strerror or e})"]) from None
    try:
        s = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LayoutFileError(str(path), [f"byte {e.start}: not UTF-8 text"]) from None
    return loads(s, str(path))


class ReadOnlyTargetError(PermissionError):
    """The file to be replaced is read-only (0444 …): it is not overwritten."""


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


@contextmanager
def atomic_target(path, *, durable: bool = True):
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends
    without an error, removed when it fails — so the old file survives any failure.
    ``durable`` fsyncs the file and its folder (saves); caches skip that.

    The new file keeps the replaced file's permission bits (and owner and group where the
    platform and our rights allow); a new file gets the mode the user's umask gives, as
    ``open()`` would.  A read-only target is refused (:class:`ReadOnlyTargetError`), and a
    symlink is written through to the file it names.  Errors name ``path``, never the
    temporary file."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OSError(e.errno, e.strerror, str(path)) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(21, "not a regular file", str(path)) if stat.S_ISDIR(st.st_mode) \
                else OSError(22, "not a regular file", str(path))
        if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
            raise ReadOnlyTargetError(13, "the file is read-only; it was not overwritten "
                                          "(save under another name or make it writable)", str(path))
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    except OSError as e:
        raise type(e)(e.errno, e.strerror, str(path)) from None
    os.close(fd)
    try:
        yield tmp
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        if st is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                try:
                    os.chown(tmp, -1, st.st_gid)   # the group at least, when we belong to it
                except OSError:
                    pass
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError) and getattr(e, "filename", None) == tmp:
            raise type(e)(e.errno, e.strerror, str(path)) from None
        raise
    if durable:
        # make the rename durable where the platform allows: POSIX fsyncs the folder;
        # Windows cannot open a folder with os.open (PermissionError) and needs none
        try:
            dfd = os.open(str(path.parent), os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass


def atomic_write_bytes(path, data: bytes, *, durable: bool = True) -> None:
    """Write beside the target, (fsync,) rename over it. The old file survives any failure."""
    with atomic_target(path, durable=durable) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)


def save_document(doc: Document, path) -> None:
    atomic_write_bytes(path, dumps(doc).encode("utf-8"))
