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
import os
import tempfile
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from .model.document import (
    ALIGNMENTS, BLOCK_ROLES, Article, Block, BoxFrame, CharacterStyle, CharFormat, Document,
    Grid, ImageFrame, Margins, Master, Page, ParagraphStyle, RuleFrame, Run,
    Story, Swatch, TextFrame, Wrap,
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


class _Problem(Exception):
    def __init__(self, expected: str, found):
        self.expected = expected
        self.found = found


def _show(v) -> str:
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return "an object" if isinstance(v, dict) else "a list"
    return json.dumps(v)


# ------------------------------------------------------------- value kinds

def _number(v, *, minimum=None, exclusive=False, what="a number"):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _Problem(what, v)
    if minimum is not None and (v < minimum or (exclusive and v == minimum)):
        raise _Problem(what, v)
    return float(v)


def num(v):
    return _number(v)


def num_ge0(v):
    return _number(v, minimum=0, what="a number ≥ 0")


def num_gt0(v):
    return _number(v, minimum=0, exclusive=True, what="a number > 0")


def whole_ge1(v):
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        if isinstance(v, float) and v.is_integer() and v >= 1:
            return int(v)
        raise _Problem("a whole number ≥ 1", v)
    return v


def whole_ge0(v):
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise _Problem("a whole number ≥ 0", v)
    return v


def text(v):
    if not isinstance(v, str):
        raise _Problem("a string", v)
    return v


def ident(v):
    if not isinstance(v, str) or not v.strip():
        raise _Problem("a non-empty id string", v)
    return v


def opt_ident(v):
    return None if v is None else ident(v)


def opt_text(v):
    return None if v is None else text(v)


def boolean(v):
    if not isinstance(v, bool):
        raise _Problem("true or false", v)
    return v


def size(v):
    try:
        return parse_size(v)
    except ValueError:
        raise _Problem("a size in pt or a 号 name (小五, 五号 …)", v) from None


def opt_size(v):
    return None if v is None else size(v)


def opt_boolean(v):
    return None if v is None else boolean(v)


def opt_num(v):
    return None if v is None else num(v)


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
    ("id", ident, REQUIRED), ("x", num, REQUIRED), ("y", num, REQUIRED),
    ("w", num_ge0, REQUIRED), ("h", num_ge0, REQUIRED), ("article", opt_ident, None),
]
SCHEMAS: dict[type, list] = {
    Swatch: [("name", ident, REQUIRED), ("c", percent, 0.0), ("m", percent, 0.0),
             ("y", percent, 0.0), ("k", percent, 0.0)],
    ParagraphStyle: [("name", ident, REQUIRED), ("label", text, ""), ("font", ident, "song"),
                     ("size", size, 9.0), ("leading", num_ge0, 0.0), ("indent", num, 0.0),
                     ("align", one_of(*ALIGNMENTS), "justify"), ("space_before", num_ge0, 0.0),
                     ("space_after", num_ge0, 0.0), ("color", ident, "Black"),
                     ("tracking", num, 0.0), ("grid", boolean, True), ("span", boolean, False),
                     ("border", num_ge0, 0.0), ("keep_with_next", boolean, False)],
    CharacterStyle: [("name", ident, REQUIRED), ("label", text, ""), ("font", opt_ident, None),
                     ("size", opt_size, None), ("color", opt_ident, None), ("bold", opt_boolean, None),
                     ("emphasis", opt_boolean, None), ("tracking", opt_num, None), ("shift", opt_num, None)],
    CharFormat: [("font", opt_ident, None), ("size", opt_size, None), ("color", opt_ident, None),
                 ("bold", opt_boolean, None), ("emphasis", opt_boolean, None), ("tracking", opt_num, None),
                 ("shift", opt_num, None)],
    Run: [("text", text, REQUIRED), ("style", opt_ident, None)],
    Wrap: [("mode", one_of("none", "box"), "none"), ("offset", num_ge0, 2.0)],
    TextFrame: _FRAME_COMMON + [("columns", whole_ge1, 1), ("gutter", num_ge0, 4.0),
                                ("inset", num_ge0, 0.0), ("story", opt_ident, None),
                                ("next", opt_ident, None), ("valign", one_of("top", "center"), "top"),
                                ("balance", boolean, False), ("caption_of", opt_ident, None),
                                ("caption_gap", num, 1.0)],
    ImageFrame: _FRAME_COMMON + [("path", text, ""), ("fit", one_of("fit", "fill", "none"), "fill"),
                                 ("scale", num_gt0, 1.0), ("offset_x", num, 0.0), ("offset_y", num, 0.0)],
    RuleFrame: _FRAME_COMMON[:1] + [("x", num, REQUIRED), ("y", num, REQUIRED), ("w", num, 0.0),
                                    ("h", num, 0.0), ("article", opt_ident, None),
                                    ("weight", num_gt0, 0.5), ("color", ident, "Black")],
    BoxFrame: _FRAME_COMMON + [("stroke", opt_ident, "Black"), ("stroke_weight", num_ge0, 0.5),
                               ("fill", opt_ident, None), ("tint", percent, 100.0)],
    Margins: [("top", num_ge0, 20.0), ("bottom", num_ge0, 20.0), ("left", num_ge0, 20.0),
              ("right", num_ge0, 20.0)],
    Grid: [("columns", whole_ge1, 8), ("column_chars", whole_ge1, 13), ("gutter_chars", whole_ge0, 1),
           ("body_size", size, 9.0), ("leading", num_gt0, 15.0), ("first_baseline", num_ge0, 0.0)],
    Article: [("id", ident, REQUIRED), ("name", text, "")],
}
_FRAME_KINDS = {"text": TextFrame, "image": ImageFrame, "rule": RuleFrame, "box": BoxFrame}


class _Reader:
    def __init__(self):
        self.problems: list[str] = []

    def problem(self, path: str, expected: str, found) -> None:
        self.problems.append(f"{path}: expected {expected}, found {_show(found)}")

    def obj(self, cls, data, path, extra=None):
        """Build a dataclass from a JSON object by its schema; None if unusable."""
        if not isinstance(data, dict):
            self.problem(path, "an object", data)
            return None
        kwargs = dict(extra or {})
        ok = True
        known = set()
        for key, kind, default in SCHEMAS[cls]:
            known.add(key)
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
                self.problem(f"{path}.{key}", p.expected, p.found)
                ok = False
        return cls(**kwargs) if ok else None

    def list_of(self, data, path, item):
        if data is None:
            return []
        if not isinstance(data, list):
            self.problem(path, "a list", data)
            return []
        out = []
        for i, d in enumerate(data):
            v = item(d, f"{path}[{i}]")
            if v is not None:
                out.append(v)
        return out

    # -- composite objects
    def run(self, d, path):
        local = None
        if isinstance(d, dict) and "local" in d:
            local = self.obj(CharFormat, d["local"], f"{path}.local")
            if local is None:
                return None
            d = {k: v for k, v in d.items() if k != "local"}
        r = self.obj(Run, d, path)
        if r is not None:
            r.local = local
        return r

    def block(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        role = d.get("role")
        ok = True
        if role not in BLOCK_ROLES:
            self.problem(f"{path}.role", "one of " + ", ".join(BLOCK_ROLES), role)
            ok = False
        style = d.get("style", role if isinstance(role, str) else "")
        if not isinstance(style, str):
            self.problem(f"{path}.style", "a paragraph style name", style)
            ok = False
        if "runs" in d:
            runs = self.list_of(d["runs"], f"{path}.runs", self.run)
        elif "text" in d:
            if not isinstance(d["text"], str):
                self.problem(f"{path}.text", "a string", d["text"])
                ok = False
                runs = []
            else:
                runs = [Run(d["text"])]
        else:
            runs = []
        return Block(role, style, runs) if ok else None

    def story(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        ok = True
        sid = d.get("id")
        if not isinstance(sid, str) or not sid:
            self.problem(f"{path}.id", "a non-empty id string", sid)
            ok = False
        name = d.get("name", "")
        if not isinstance(name, str):
            self.problem(f"{path}.name", "a string", name)
            ok = False
        blocks = self.list_of(d.get("blocks", []), f"{path}.blocks", self.block)
        return Story(sid, name, blocks) if ok else None

    def frame(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        kind = d.get("kind", "text")
        cls = _FRAME_KINDS.get(kind)
        if cls is None:
            self.problem(f"{path}.kind", "one of text, image, rule, box", kind)
            return None
        wrap = Wrap()
        if "wrap" in d:
            w = self.obj(Wrap, d["wrap"], f"{path}.wrap")
            if w is None:
                return None
            wrap = w
        return self.obj(cls, d, path, extra={"wrap": wrap})

    def page(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        ok = True
        pid = d.get("id")
        if not isinstance(pid, str) or not pid:
            self.problem(f"{path}.id", "a non-empty id string", pid)
            ok = False
        kw = {}
        for key, kind, default in (("name", text, ""), ("width", num_gt0, 390.0), ("height", num_gt0, 540.0),
                                   ("bleed", num_ge0, 3.0), ("master", opt_text, None)):
            if key in d:
                try:
                    kw[key] = kind(d[key])
                except _Problem as p:
                    self.problem(f"{path}.{key}", p.expected, p.found)
                    ok = False
            else:
                kw[key] = default
        margins = self.obj(Margins, d.get("margins", {}), f"{path}.margins")
        grid = self.obj(Grid, d.get("grid", {}), f"{path}.grid")
        frames = self.list_of(d.get("frames", []), f"{path}.frames", self.frame)
        if margins is None or grid is None or not ok:
            return None
        return Page(pid, margins=margins, grid=grid, frames=frames, **kw)

    def master(self, d, path):
        if not isinstance(d, dict):
            self.problem(path, "an object", d)
            return None
        name = d.get("name")
        if not isinstance(name, str) or not name:
            self.problem(f"{path}.name", "a non-empty name", name)
            return None
        return Master(name, self.list_of(d.get("frames", []), f"{path}.frames", self.frame))


def document_from_dict(data, source: str = "<document>") -> Document:
    """Validate and build a Document; raises LayoutFileError listing every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise LayoutFileError(source, [f"(top level): expected an object, found {_show(data)}"])
    fmt = data.get("format")
    if fmt not in SUPPORTED_FORMATS:
        raise LayoutFileError(source, [f"format: expected \"{FORMAT}\", found {_show(fmt)}"])
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        r.problem("meta", "an object of strings", meta)
        meta = {}
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
        pages=r.list_of(data.get("pages"), "pages", r.page),
    )
    _check_references(doc, data, r)
    if r.problems:
        raise LayoutFileError(source, r.problems)
    return doc


def _check_references(doc: Document, data: dict, r: _Reader) -> None:
    """Cross-references: styles, swatches, stories, next links, unique ids."""
    # names come from the raw JSON too, so one bad style does not cascade into "unknown style" errors
    def raw_names(key, field="name"):
        items = data.get(key)
        return {d.get(field) for d in items if isinstance(d, dict)} if isinstance(items, list) else set()
    pstyles = {s.name for s in doc.paragraph_styles} | raw_names("paragraph_styles")
    cstyles = {s.name for s in doc.character_styles} | raw_names("character_styles")
    swatches = {s.name for s in doc.swatches} | {"Registration"} | raw_names("swatches")
    for i, s in enumerate(doc.paragraph_styles):
        if s.color not in swatches:
            r.problem(f"paragraph_styles[{i}].color", "a swatch name", s.color)
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
    frame_ids: dict[str, str] = {}
    articles = {a.id for a in doc.articles} | raw_names("articles", "id")
    places = [(f"pages[{pi}]", p.frames) for pi, p in enumerate(doc.pages)]
    places += [(f"masters[{mi}]", m.frames) for mi, m in enumerate(doc.masters)]
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            path = f"{prefix}.frames[{fi}]"
            if f.id in frame_ids:
                r.problem(f"{path}.id", f"an id used once (also at {frame_ids[f.id]})", f.id)
            frame_ids[f.id] = path
            if f.article is not None and f.article not in articles:
                r.problem(f"{path}.article", "an article id", f.article)
            if isinstance(f, TextFrame) and f.story is not None and f.story not in story_ids | raw_names("stories", "id"):
                r.problem(f"{path}.story", "a story id", f.story)
            if isinstance(f, RuleFrame) and f.color not in swatches:
                r.problem(f"{path}.color", "a swatch name", f.color)
            if isinstance(f, BoxFrame):
                for key in ("stroke", "fill"):
                    v = getattr(f, key)
                    if v is not None and v not in swatches:
                        r.problem(f"{path}.{key}", "a swatch name", v)
    image_ids = {f.id for _, frames in places for f in frames if isinstance(f, ImageFrame)}
    for prefix, frames in places:
        for fi, f in enumerate(frames):
            if isinstance(f, TextFrame) and f.caption_of is not None and f.caption_of not in image_ids:
                r.problem(f"{prefix}.frames[{fi}].caption_of", "the id of an image frame", f.caption_of)
            if isinstance(f, TextFrame) and f.next is not None:
                if f.next not in frame_ids:
                    r.problem(f"{prefix}.frames[{fi}].next", "the id of a text frame", f.next)
                elif f.next == f.id:
                    r.problem(f"{prefix}.frames[{fi}].next", "another frame's id", f.next)


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


def _run_to_dict(r: Run) -> dict:
    d = _obj_to_dict(r)
    if r.local is not None:
        d["local"] = _obj_to_dict(r.local)
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


def document_to_dict(doc: Document) -> dict:
    """The JSON object, keys in a stable order, defaults left out."""
    return {
        "format": FORMAT,
        "meta": {k: doc.meta[k] for k in sorted(doc.meta)},
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


def loads(s: str, source: str = "<document>") -> Document:
    try:
        data = json.loads(s)
    except json.JSONDecodeError as e:
        raise LayoutFileError(source, [f"line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"]) from None
    return document_from_dict(data, source)


def load_document(path) -> Document:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise LayoutFileError(str(path), [f"cannot be read ({e.strerror or e})"]) from None
    try:
        s = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LayoutFileError(str(path), [f"byte {e.start}: not UTF-8 text"]) from None
    return loads(s, str(path))


@contextmanager
def atomic_target(path, *, durable: bool = True):
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends
    without an error, removed when it fails — so the old file survives any failure.
    ``durable`` fsyncs the file and its folder (saves); caches skip that."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    os.close(fd)
    try:
        yield tmp
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        try:  # make the rename durable where the platform allows
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
