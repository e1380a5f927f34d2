"""Every edit as a command: ``do(doc)`` / ``undo(doc)`` and a ``text`` label.

Commands carry ids and plain values — never Qt objects, never references to
live model objects captured from a view — so they can be replayed on a
document loaded afresh, tested without a screen, and wrapped by the editor's
``QUndoStack`` (desktop/gui/session.py).  ``undo`` restores what ``do`` found:
old values are captured when ``do`` runs, so ``dumps(doc)`` after do + undo
equals ``dumps(doc)`` before.

Labels are Simplified Chinese because they show up verbatim in the editor's
Edit → Undo menu item.
"""
from __future__ import annotations

import copy
import itertools
from dataclasses import fields, is_dataclass
from typing import Any, Iterable

from .model.document import (
    PLACEHOLDER_KEYS, Block, Document, Frame, ImageFrame, Master, Page, ParagraphStyle, Run, Story,
    TextFrame,
)


class CommandError(ValueError):
    """The command cannot apply to this document (unknown id, bad field …)."""


# ------------------------------------------------------------------ helpers

def frame_container(doc: Document, frame_id: str) -> tuple[list, int]:
    """The list holding a frame (a page's or a master's frames) and its index."""
    for p in doc.pages:
        for i, f in enumerate(p.frames):
            if f.id == frame_id:
                return p.frames, i
    for m in doc.masters:
        for i, f in enumerate(m.frames):
            if f.id == frame_id:
                return m.frames, i
    raise CommandError(f"no frame with id {frame_id!r}")


def get_frame(doc: Document, frame_id: str) -> Frame:
    frames, i = frame_container(doc, frame_id)
    return frames[i]


def get_page(doc: Document, page_id: str) -> Page:
    for p in doc.pages:
        if p.id == page_id:
            return p
    raise CommandError(f"no page with id {page_id!r}")


def get_story(doc: Document, story_id: str) -> Story:
    s = doc.story(story_id)
    if s is None:
        raise CommandError(f"no story with id {story_id!r}")
    return s


def all_ids(doc: Document) -> set[str]:
    ids = {p.id for p in doc.pages} | {s.id for s in doc.stories} | {a.id for a in doc.articles}
    for p in doc.pages:
        ids.update(f.id for f in p.frames)
    for m in doc.masters:
        ids.update(f.id for f in m.frames)
    # a view onto part of a document (the master page editor's) reserves the ids of the rest
    ids.update(getattr(doc, "reserved_ids", ()))
    return ids


def new_id(doc: Document, prefix: str, taken: Iterable[str] = ()) -> str:
    """The first free id of the form ``prefix-N``."""
    used = all_ids(doc) | set(taken)
    for n in itertools.count(1):
        cand = f"{prefix}-{n}"
        if cand not in used:
            return cand
    raise AssertionError  # pragma: no cover


def _set_path(obj, path: str, value) -> Any:
    """Set a (possibly dotted, e.g. ``wrap.mode``) attribute; returns the old value."""
    parts = path.split(".")
    for p in parts[:-1]:
        obj = getattr(obj, p)
    name = parts[-1]
    if not is_dataclass(obj) or name not in {f.name for f in fields(obj)}:
        raise CommandError(f"{type(obj).__name__} has no field {name!r}")
    old = getattr(obj, name)
    setattr(obj, name, copy.deepcopy(value))
    return old


def _get_path(obj, path: str):
    for p in path.split("."):
        obj = getattr(obj, p)
    return obj


class _FieldChanges:
    """A list of (frame id, field, old, new) applied in order, reverted backwards."""

    def __init__(self):
        self.changes: list[tuple[str, str, Any, Any]] = []

    def set(self, doc: Document, frame_id: str, name: str, value) -> None:
        f = get_frame(doc, frame_id)
        old = _get_path(f, name)
        if old == value:
            return
        self.changes.append((frame_id, name, copy.deepcopy(old), copy.deepcopy(value)))
        _set_path(f, name, value)

    def revert(self, doc: Document) -> None:
        for frame_id, name, old, _new in reversed(self.changes):
            _set_path(get_frame(doc, frame_id), name, old)
        self.changes = []


def _all_frames_any(doc: Document):
    for p in doc.pages:
        yield from p.frames
    for m in doc.masters:
        yield from m.frames


def caption_rect(photo: Frame, caption: TextFrame) -> tuple[float, float, float, float]:
    """Where an attached caption sits: under the photo, at its x and width, ``caption_gap`` mm below."""
    return (photo.x, photo.y + photo.h + caption.caption_gap, photo.w, caption.h)


def _follow_captions(doc: Document, touched: Iterable[str], fc: "_FieldChanges") -> None:
    """After frames ``touched`` moved or changed size: attached captions follow their photo;
    a caption moved without its photo keeps its new distance below it."""
    touched = set(touched)
    for g in _all_frames_any(doc):
        if not isinstance(g, TextFrame) or not g.caption_of:
            continue
        _, photo = doc.find_frame(g.caption_of)
        if photo is None:
            continue
        if g.caption_of in touched:
            x, y, w, _h = caption_rect(photo, g)
            fc.set(doc, g.id, "x", x)
            fc.set(doc, g.id, "y", y)
            fc.set(doc, g.id, "w", w)
        elif g.id in touched:
            fc.set(doc, g.id, "caption_gap", round(g.y - (photo.y + photo.h), 4))


def _detach(doc: Document, removed: set[str], fc: _FieldChanges) -> None:
    """Keep threads whole when the frames ``removed`` go away.

    A link into a removed frame jumps to the first survivor after it; a story
    whose head frame is removed moves to the first surviving frame of its
    thread (or becomes unplaced, the story itself is kept).
    """
    def survivor_after(fid: str | None) -> str | None:
        seen = set()
        while fid and fid in removed and fid not in seen:
            seen.add(fid)
            _, f = doc.find_frame(fid)
            fid = f.next if isinstance(f, TextFrame) else None
        return fid

    heads = []
    for fid in removed:
        _, f = doc.find_frame(fid)
        if isinstance(f, TextFrame) and f.story:
            heads.append(f)
    for container in [p.frames for p in doc.pages] + [m.frames for m in doc.masters]:
        for f in container:
            if f.id in removed or not isinstance(f, TextFrame):
                continue
            if f.next in removed:
                fc.set(doc, f.id, "next", survivor_after(f.next))
    for g in list(_all_frames_any(doc)):
        if isinstance(g, TextFrame) and g.caption_of in removed and g.id not in removed:
            fc.set(doc, g.id, "caption_of", None)
    for head in heads:
        nxt = survivor_after(head.next)
        if nxt:
            _, nf = doc.find_frame(nxt)
            # the survivor is not linked from anywhere else now: make it the head
            if isinstance(nf, TextFrame) and not nf.story:
                fc.set(doc, nxt, "story", head.story)


# ------------------------------------------------------------------ base


class Command:
    """Base class.  Subclasses implement ``do`` and ``undo``."""

    text = "编辑"

    def do(self, doc: Document) -> None:
        raise NotImplementedError

    def undo(self, doc: Document) -> None:
        raise NotImplementedError

    def merge_with(self, other: "Command") -> bool:
        """Absorb ``other`` (done right after self) into self; True if merged."""
        return False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.text}>"


class Compound(Command):
    """Several commands as one undo step (e.g. add an image frame and place into it)."""

    def __init__(self, commands: list[Command], text: str = ""):
        self.commands = list(commands)
        self.text = text or (self.commands[0].text if self.commands else "编辑")

    def do(self, doc):
        done = []
        try:
            for c in self.commands:
                c.do(doc)
                done.append(c)
        except Exception:
            for c in reversed(done):
                c.undo(doc)
            raise

    def undo(self, doc):
        for c in reversed(self.commands):
            c.undo(doc)


# ------------------------------------------------------------------ frames


class MoveFrames(Command):
    """Move several frames (e.g. a whole article) by (dx, dy) mm."""

    def __init__(self, frame_ids: Iterable[str], dx: float, dy: float):
        self.frame_ids = tuple(frame_ids)
        self.dx, self.dy = float(dx), float(dy)
        self.text = "移动文章" if len(self.frame_ids) > 1 else "移动框"
        self._old: list[tuple[str, float, float]] = []
        self._fc = _FieldChanges()

    def do(self, doc):
        self._old = []
        for fid in self.frame_ids:
            f = get_frame(doc, fid)
            self._old.append((fid, f.x, f.y))
            f.x += self.dx
            f.y += self.dy
        self._fc = _FieldChanges()
        _follow_captions(doc, self.frame_ids, self._fc)

    def undo(self, doc):
        self._fc.revert(doc)
        for fid, x, y in reversed(self._old):
            f = get_frame(doc, fid)
            f.x, f.y = x, y


class ResizeFrame(Command):
    """Set a frame's rectangle (mm)."""

    text = "调整框大小"

    def __init__(self, frame_id: str, x: float, y: float, w: float, h: float):
        self.frame_id = frame_id
        self.rect = (float(x), float(y), float(w), float(h))
        self._old = None
        self._fc = _FieldChanges()

    def do(self, doc):
        f = get_frame(doc, self.frame_id)
        self._old = (f.x, f.y, f.w, f.h)
        f.x, f.y, f.w, f.h = self.rect
        self._fc = _FieldChanges()
        _follow_captions(doc, (self.frame_id,), self._fc)

    def undo(self, doc):
        self._fc.revert(doc)
        f = get_frame(doc, self.frame_id)
        f.x, f.y, f.w, f.h = self._old


class SetFrameProps(Command):
    """Set any fields of a frame; dotted names reach nested values (``wrap.mode``)."""

    text = "更改框属性"
    #: False for edits that are one gesture each (a drag of the image inside
    #: its frame): they never merge with the next edit of the same fields
    mergeable = True

    def __init__(self, frame_id: str, text: str = "", **props):
        self.frame_id = frame_id
        self.props = props
        if text:
            self.text = text
        self._old: dict[str, Any] = {}
        self._fc = _FieldChanges()

    def do(self, doc):
        f = get_frame(doc, self.frame_id)
        self._old = {}
        self._fc = _FieldChanges()
        try:
            for k, v in self.props.items():
                self._old[k] = _set_path(f, k, v)
        except Exception:
            self.undo(doc)
            raise
        if {"x", "y", "w", "h"} & set(self.props):
            _follow_captions(doc, (self.frame_id,), self._fc)

    def undo(self, doc):
        self._fc.revert(doc)
        f = get_frame(doc, self.frame_id)
        for k, v in reversed(list(self._old.items())):
            _set_path(f, k, v)

    def merge_with(self, other):
        # consecutive edits of the same fields of one frame (a spin box held down)
        if (isinstance(other, SetFrameProps) and self.mergeable and other.mergeable
                and other.frame_id == self.frame_id
                and set(other.props) == set(self.props)):
            self.props = dict(other.props)
            return True
        return False


class AddFrame(Command):
    """Add a frame (a model value, copied) to a page at ``index`` (default: on top)."""

    text = "新建框"

    def __init__(self, page_id: str, frame: Frame, index: int | None = None):
        self.page_id = page_id
        self.frame = copy.deepcopy(frame)
        self.index = index
        self.text = {"text": "新建文本框", "image": "新建图片框", "rule": "新建线条",
                     "box": "新建方框"}.get(frame.kind, "新建框")

    def do(self, doc):
        page = get_page(doc, self.page_id)
        if self.frame.id in all_ids(doc):
            raise CommandError(f"id {self.frame.id!r} is taken")
        i = len(page.frames) if self.index is None else self.index
        page.frames.insert(i, copy.deepcopy(self.frame))

    def undo(self, doc):
        frames, i = frame_container(doc, self.frame.id)
        del frames[i]


class DeleteFrame(Command):
    """Delete frames; threads through them are kept whole (see ``_detach``)."""

    def __init__(self, frame_ids: Iterable[str] | str):
        self.frame_ids = (frame_ids,) if isinstance(frame_ids, str) else tuple(frame_ids)
        self.text = "删除框"
        self._fc = _FieldChanges()
        self._removed: list[tuple[str, int, Frame]] = []   # (frame id, index, frame)
        self._owner_of: dict[str, tuple[str, str]] = {}

    def do(self, doc):
        for fid in self.frame_ids:
            frame_container(doc, fid)  # raises for unknown ids before anything changes
        self._fc = _FieldChanges()
        _detach(doc, set(self.frame_ids), self._fc)
        self._removed = []
        for fid in self.frame_ids:
            frames, i = frame_container(doc, fid)
            self._removed.append((fid, i, frames[i]))
            self._owner_of[fid] = _owner_key(doc, frames)
            del frames[i]

    def undo(self, doc):
        for fid, i, f in reversed(self._removed):
            _owner_list(doc, self._owner_of[fid]).insert(i, f)
        self._fc.revert(doc)


def _owner_key(doc: Document, frames: list) -> tuple[str, str]:
    for p in doc.pages:
        if p.frames is frames:
            return ("page", p.id)
    for m in doc.masters:
        if m.frames is frames:
            return ("master", m.name)
    raise CommandError("frame list not in document")


def _owner_list(doc: Document, key: tuple[str, str]) -> list:
    kind, name = key
    if kind == "page":
        return get_page(doc, name).frames
    m = doc.master(name)
    if m is None:
        raise CommandError(f"no master {name!r}")
    return m.frames


class LinkFrames(Command):
    """Thread text from ``source`` into ``target``.

    The target must be a text frame.  If ``source`` already continued
    somewhere, the target is inserted into the chain (source → target → old
    next) when the target has no next of its own.  A story that started in
    the target becomes unplaced; a link from another frame into the target is
    cut.
    """

    text = "串接文本框"

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        self._fc = _FieldChanges()

    def do(self, doc):
        src, dst = get_frame(doc, self.source), get_frame(doc, self.target)
        if not isinstance(src, TextFrame) or not isinstance(dst, TextFrame):
            raise CommandError("only text frames can be linked")
        if self.source == self.target:
            raise CommandError("a frame cannot link to itself")
        # no cycles: the target must not already lead back to the source
        chain = set()
        nxt = dst.next
        while nxt and nxt not in chain:
            if nxt == self.source:
                raise CommandError("the link would make a loop")
            chain.add(nxt)
            _, f = doc.find_frame(nxt)
            nxt = f.next if isinstance(f, TextFrame) else None
        # the source's story must not be the target's own head story
        self._fc = _FieldChanges()
        fc = self._fc
        for _, f in doc.all_frames():
            if isinstance(f, TextFrame) and f.next == self.target and f.id != self.source:
                fc.set(doc, f.id, "next", None)
        if dst.story:
            fc.set(doc, self.target, "story", None)
        old_next = src.next
        fc.set(doc, self.source, "next", self.target)
        if old_next and old_next != self.target and dst.next is None:
            fc.set(doc, self.target, "next", old_next)

    def undo(self, doc):
        self._fc.revert(doc)


class UnlinkFrame(Command):
    """Cut the thread after ``frame_id``; the following frames become empty."""

    text = "断开串接"

    def __init__(self, frame_id: str):
        self.frame_id = frame_id
        self._fc = _FieldChanges()

    def do(self, doc):
        f = get_frame(doc, self.frame_id)
        if not isinstance(f, TextFrame):
            raise CommandError("only text frames are threaded")
        self._fc = _FieldChanges()
        self._fc.set(doc, self.frame_id, "next", None)

    def undo(self, doc):
        self._fc.revert(doc)


class PlaceImage(Command):
    """Link an image file into an image frame (path relative to the layout file)."""

    text = "置入图片"

    def __init__(self, frame_id: str, path: str, fit: str | None = None):
        self.frame_id, self.path, self.fit = frame_id, path, fit
        self._old = None

    def do(self, doc):
        f = get_frame(doc, self.frame_id)
        if not isinstance(f, ImageFrame):
            raise CommandError("images are placed into image frames")
        self._old = (f.path, f.fit, f.scale, f.offset_x, f.offset_y)
        f.path = self.path
        if self.fit is not None:
            f.fit = self.fit
        f.offset_x = f.offset_y = 0.0

    def undo(self, doc):
        f = get_frame(doc, self.frame_id)
        f.path, f.fit, f.scale, f.offset_x, f.offset_y = self._old


# ------------------------------------------------------------------ stories


def replace_runs_text(runs: list[Run], new_text: str) -> list[Run]:
    """New runs showing ``new_text``, keeping the character styles of the old runs.

    The change is found as the common prefix / suffix of old and new text; the
    inserted characters take the style of the run they are typed into.
    """
    old_text = "".join(r.text for r in runs)
    if old_text == new_text:
        return copy.deepcopy(runs)
    if not runs:
        return [Run(new_text)] if new_text else []
    p = 0
    lim = min(len(old_text), len(new_text))
    while p < lim and old_text[p] == new_text[p]:
        p += 1
    s = 0
    while (s < lim - p and old_text[len(old_text) - 1 - s] == new_text[len(new_text) - 1 - s]):
        s += 1
    old_end = len(old_text) - s
    inserted = new_text[p:len(new_text) - s]
    # the run typed into: the one holding the character before p (the first at p == 0)
    target = 0
    pos = 0
    for i, r in enumerate(runs):
        if pos < p <= pos + len(r.text):
            target = i
            break
        pos += len(r.text)
    out: list[Run] = []
    pos = 0
    for i, r in enumerate(runs):
        a = pos
        pos += len(r.text)
        left = r.text[:max(0, min(len(r.text), p - a))]
        right = r.text[max(0, old_end - a):] if pos > old_end else ""
        t = left + (inserted if i == target else "") + right
        if t:
            out.append(Run(t, r.style, copy.deepcopy(r.local)))
    # merge neighbours of the same style
    merged: list[Run] = []
    for r in out:
        if merged and (merged[-1].style, merged[-1].local) == (r.style, r.local):
            merged[-1] = Run(merged[-1].text + r.text, r.style, r.local)
        else:
            merged.append(r)
    assert "".join(r.text for r in merged) == new_text
    return merged


class EditStoryText(Command):
    """Replace one block's text (keeping character styles) or its runs.

    Consecutive edits of the same block merge into one command (typing a
    sentence is one undo step).
    """

    text = "输入文字"

    def __init__(self, story_id: str, block: int, text: str | None = None,
                 runs: list[Run] | None = None):
        if (text is None) == (runs is None):
            raise ValueError("give text or runs")
        self.story_id, self.block = story_id, block
        self.new_text, self.new_runs = text, copy.deepcopy(runs)
        self._old: list[Run] | None = None

    def do(self, doc):
        b = self._block(doc)
        old = copy.deepcopy(b.runs)
        b.runs = (copy.deepcopy(self.new_runs) if self.new_runs is not None
                  else replace_runs_text(b.runs, self.new_text))
        if self._old is None:   # after a merge the first old value stays
            self._old = old

    def undo(self, doc):
        self._block(doc).runs = copy.deepcopy(self._old)
        self._old = None

    def _block(self, doc) -> Block:
        s = get_story(doc, self.story_id)
        if not 0 <= self.block < len(s.blocks):
            raise CommandError(f"story {self.story_id!r} has no block {self.block}")
        return s.blocks[self.block]

    def merge_with(self, other):
        if (isinstance(other, EditStoryText) and other.story_id == self.story_id
                and other.block == self.block):
            self.new_text, self.new_runs = other.new_text, other.new_runs
            return True
        return False


class SetStoryBlocks(Command):
    """Replace a story's whole block list (split/join paragraphs, paste)."""

    text = "编辑稿件"

    def __init__(self, story_id: str, blocks: list[Block], text: str = ""):
        self.story_id = story_id
        self.blocks = copy.deepcopy(blocks)
        if text:
            self.text = text
        self._old = None

    def do(self, doc):
        s = get_story(doc, self.story_id)
        self._old = s.blocks
        s.blocks = copy.deepcopy(self.blocks)

    def undo(self, doc):
        get_story(doc, self.story_id).blocks = self._old


class SetBlockStyle(Command):
    """Set a block's role and/or paragraph style."""

    text = "更改段落样式"

    def __init__(self, story_id: str, block: int, role: str | None = None,
                 style: str | None = None):
        self.story_id, self.block, self.role, self.style = story_id, block, role, style
        if role is not None and style is None:
            self.text = "更改段落角色"
        self._old = None

    def do(self, doc):
        s = get_story(doc, self.story_id)
        if not 0 <= self.block < len(s.blocks):
            raise CommandError(f"story {self.story_id!r} has no block {self.block}")
        if self.style is not None and doc.paragraph_style(self.style) is None:
            raise CommandError(f"no paragraph style {self.style!r}")
        b = s.blocks[self.block]
        self._old = (b.role, b.style)
        if self.role is not None:
            b.role = self.role
        if self.style is not None:
            b.style = self.style

    def undo(self, doc):
        b = get_story(doc, self.story_id).blocks[self.block]
        b.role, b.style = self._old


SetBlockRole = SetBlockStyle


class EditParagraphStyle(Command):
    """Set fields of a paragraph style (every paragraph using it re-lays).

    The style follows its own rules: with automatic leading (``leading_ratio`` > 0) a new
    size (or ratio) moves the leading to size × ratio, and a new font or size rewrites the
    face-and-size part of the label (主题 黑体二号 → 主题 黑体一号) — both in the same undo step.
    """

    text = "修改段落样式"

    def __init__(self, name: str, **props):
        self.name, self.props = name, props
        self._old: dict[str, Any] = {}

    def do(self, doc):
        from .stylelabels import follow
        st = doc.paragraph_style(self.name)
        if st is None:
            raise CommandError(f"no paragraph style {self.name!r}")
        self._old = {}
        for k, v in self.props.items():
            self._old[k] = _set_path(st, k, v)
        derived = {}
        if st.leading_ratio > 0 and "leading" not in self.props and {"size", "leading_ratio"} & set(self.props):
            derived["leading"] = round(st.size * st.leading_ratio, 2)
        if "label" not in self.props and {"font", "size"} & set(self.props):
            derived["label"] = follow(st.label, st.font, st.size)
        for k, v in derived.items():
            if getattr(st, k) != v:
                self._old[k] = _set_path(st, k, v)

    def undo(self, doc):
        st = doc.paragraph_style(self.name)
        for k, v in reversed(list(self._old.items())):
            _set_path(st, k, v)

    def merge_with(self, other):
        if (isinstance(other, EditParagraphStyle) and other.name == self.name
                and set(other.props) == set(self.props)):
            # keep the first values of every field either command changed (derived ones too)
            for k, v in other._old.items():
                self._old.setdefault(k, v)
            self.props = dict(other.props)
            return True
        return False


def unique_style_name(doc: Document, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` … — a paragraph style name not taken yet."""
    names = {s.name for s in doc.paragraph_styles}
    if base not in names:
        return base
    for n in itertools.count(2):
        if f"{base}-{n}" not in names:
            return f"{base}-{n}"
    raise AssertionError  # pragma: no cover


def style_users(doc: Document, name: str) -> int:
    """How many paragraphs use the paragraph style ``name``."""
    return sum(1 for st in doc.stories for b in st.blocks if b.style == name)


class AddParagraphStyle(Command):
    """Add a paragraph style (at ``index``; default: last)."""

    text = "新建段落样式"

    def __init__(self, style: ParagraphStyle, index: int | None = None, text: str = ""):
        self.style = copy.deepcopy(style)
        self.index = index
        if text:
            self.text = text

    def do(self, doc):
        if doc.paragraph_style(self.style.name) is not None:
            raise CommandError(f"style {self.style.name!r} exists")
        i = len(doc.paragraph_styles) if self.index is None else self.index
        doc.paragraph_styles.insert(i, copy.deepcopy(self.style))

    def undo(self, doc):
        doc.paragraph_styles = [s for s in doc.paragraph_styles if s.name != self.style.name]


def duplicate_paragraph_style(doc: Document, name: str) -> AddParagraphStyle:
    """The command that adds a copy of style ``name`` right after it (name-2, label 主题副本 …)."""
    st = doc.paragraph_style(name)
    if st is None:
        raise CommandError(f"no paragraph style {name!r}")
    copy_ = copy.deepcopy(st)
    copy_.name = unique_style_name(doc, name)
    if st.label.strip():
        word, sep, rest = st.label.partition(" ")
        copy_.label = f"{word}副本{sep}{rest}"
    i = doc.paragraph_styles.index(st)
    return AddParagraphStyle(copy_, index=i + 1, text="复制段落样式")


class DeleteParagraphStyle(Command):
    """Delete a paragraph style; the paragraphs that use it take ``replacement``.

    A style in use cannot go without a replacement (the file would name a style it
    no longer has); undo gives back the style at its place and every paragraph its style.
    """

    text = "删除段落样式"

    def __init__(self, name: str, replacement: str | None = None):
        self.name, self.replacement = name, replacement
        self._index = None
        self._style = None
        self._changed: list[tuple[str, int]] = []

    def do(self, doc):
        st = doc.paragraph_style(self.name)
        if st is None:
            raise CommandError(f"no paragraph style {self.name!r}")
        users = style_users(doc, self.name)
        if users and (self.replacement is None or self.replacement == self.name
                      or doc.paragraph_style(self.replacement) is None):
            raise CommandError(f"paragraph style {self.name!r} is used by {users} paragraphs: "
                               f"name another style to replace it")
        self._changed = []
        for story in doc.stories:
            for i, b in enumerate(story.blocks):
                if b.style == self.name:
                    b.style = self.replacement
                    self._changed.append((story.id, i))
        self._index = doc.paragraph_styles.index(st)
        self._style = doc.paragraph_styles.pop(self._index)

    def undo(self, doc):
        doc.paragraph_styles.insert(self._index, self._style)
        for sid, i in self._changed:
            get_story(doc, sid).blocks[i].style = self.name


class AddStory(Command):
    """Add a story (an imported article), unplaced until a frame takes it.

    ``paragraph_styles``, ``character_styles`` and ``swatches`` the story needs
    but the layout lacks come in with it (importers.cli.ensure_styles makes
    them), so the import is one undo step and Undo leaves the layout as it was.
    """

    text = "导入稿件"

    def __init__(self, story: Story, index: int | None = None, *, paragraph_styles=(),
                 character_styles=(), swatches=()):
        self.story = copy.deepcopy(story)
        self.index = index
        self.paragraph_styles = [copy.deepcopy(s) for s in paragraph_styles]
        self.character_styles = [copy.deepcopy(s) for s in character_styles]
        self.swatches = [copy.deepcopy(s) for s in swatches]

    def do(self, doc):
        if doc.story(self.story.id) is not None:
            raise CommandError(f"story id {self.story.id!r} is taken")
        for st in self.paragraph_styles:
            if doc.paragraph_style(st.name) is not None:
                raise CommandError(f"style {st.name!r} exists")
        for st in self.character_styles:
            if doc.character_style(st.name) is not None:
                raise CommandError(f"character style {st.name!r} exists")
        for sw in self.swatches:
            if doc.swatch(sw.name) is not None:
                raise CommandError(f"swatch {sw.name!r} exists")
        doc.paragraph_styles.extend(copy.deepcopy(self.paragraph_styles))
        doc.character_styles.extend(copy.deepcopy(self.character_styles))
        doc.swatches.extend(copy.deepcopy(self.swatches))
        i = len(doc.stories) if self.index is None else self.index
        doc.stories.insert(i, copy.deepcopy(self.story))

    def undo(self, doc):
        doc.stories = [s for s in doc.stories if s.id != self.story.id]
        names = {s.name for s in self.paragraph_styles}
        doc.paragraph_styles = [s for s in doc.paragraph_styles if s.name not in names]
        names = {s.name for s in self.character_styles}
        doc.character_styles = [s for s in doc.character_styles if s.name not in names]
        names = {s.name for s in self.swatches}
        doc.swatches = [s for s in doc.swatches if s.name not in names]


class DeleteStory(Command):
    """Remove a story; frames that showed it become empty."""

    text = "删除稿件"

    def __init__(self, story_id: str):
        self.story_id = story_id
        self._fc = _FieldChanges()
        self._removed = None

    def do(self, doc):
        s = get_story(doc, self.story_id)
        self._fc = _FieldChanges()
        for _, f in doc.all_frames():
            if isinstance(f, TextFrame) and f.story == self.story_id:
                self._fc.set(doc, f.id, "story", None)
        i = doc.stories.index(s)
        self._removed = (i, s)
        del doc.stories[i]

    def undo(self, doc):
        i, s = self._removed
        doc.stories.insert(i, s)
        self._fc.revert(doc)


class PlaceStory(Command):
    """Flow a story into an empty text frame (the head of a thread)."""

    text = "置入稿件"

    def __init__(self, frame_id: str, story_id: str):
        self.frame_id, self.story_id = frame_id, story_id
        self._fc = _FieldChanges()

    def do(self, doc):
        get_story(doc, self.story_id)
        f = get_frame(doc, self.frame_id)
        if not isinstance(f, TextFrame):
            raise CommandError("stories are placed into text frames")
        self._fc = _FieldChanges()
        for _, g in doc.all_frames():   # a story has one head
            if isinstance(g, TextFrame) and g.story == self.story_id and g.id != self.frame_id:
                self._fc.set(doc, g.id, "story", None)
        self._fc.set(doc, self.frame_id, "story", self.story_id)

    def undo(self, doc):
        self._fc.revert(doc)


# ------------------------------------------------------------------ pages
#
# A page's name is its folio (版次) when it is a plain number ("3"): the 报眉's {page}.
# Folios belong to positions, as on a newspaper's page plan: after pages are added,
# removed or moved, the numbered pages are numbered on from the first one's number, so
# the page moved to the front becomes 第 3 版 and the one it displaced 第 4 版.  Pages
# named otherwise ("特刊", or "" = its position) keep their names.


def _folio_start(doc: Document) -> int | None:
    """The number the first page would have (from the first numbered page), None if no page is numbered."""
    for i, p in enumerate(doc.pages):
        if p.name.isdigit():
            return int(p.name) - i
    return None


class _Folios:
    """Renumber numbered pages after a structural change; remembers old names for undo."""

    def __init__(self):
        self.old: dict[str, str] = {}

    def renumber(self, doc: Document, start: int | None, new_ids: Iterable[str] = ()) -> None:
        self.old = {}
        if start is None:
            return
        fresh = set(new_ids)
        for i, p in enumerate(doc.pages):
            if p.name.isdigit() or p.id in fresh:
                name = str(max(start + i, 1))
                if name != p.name:
                    self.old[p.id] = p.name
                    p.name = name

    def revert(self, doc: Document) -> None:
        for p in doc.pages:
            if p.id in self.old:
                p.name = self.old[p.id]
        self.old = {}


class AddPage(Command):
    """Insert a page (a model value, e.g. from a template) at ``index``; numbered pages renumber."""

    text = "添加页面"

    def __init__(self, page: Page, index: int | None = None):
        self.page = copy.deepcopy(page)
        self.index = index
        self._folios = _Folios()

    def do(self, doc):
        taken = all_ids(doc)
        if self.page.id in taken or any(f.id in taken for f in self.page.frames):
            raise CommandError("page or frame ids are taken")
        if self.page.master is not None and doc.master(self.page.master) is None:
            raise CommandError(f"no master {self.page.master!r}")
        start = _folio_start(doc)
        i = len(doc.pages) if self.index is None else max(0, min(self.index, len(doc.pages)))
        doc.pages.insert(i, copy.deepcopy(self.page))
        self._folios.renumber(doc, start, [self.page.id] if not self.page.name else [])

    def undo(self, doc):
        self._folios.revert(doc)
        doc.pages = [p for p in doc.pages if p.id != self.page.id]


class DuplicatePage(Command):
    """Copy a page right after itself, as an editor expects from 复制页面: a page of its own.

    Every frame gets a new id; text shown on the page comes with it as a copy
    (each story that starts on the page is copied under a new id — the copy
    never shares text with the original); threads inside the page are kept
    between the copies, links to frames on other pages are cut (a copied frame
    that continued a story from another page is empty); captions stay tied to
    their copied photos; articles on the page are copied too, so the copies
    do not move with the originals.
    """

    text = "复制页面"

    def __init__(self, page_id: str, new_page_id: str | None = None):
        self.page_id, self.new_page_id = page_id, new_page_id
        self._added_page = None
        self._added_stories: list[str] = []
        self._added_articles: list[str] = []
        self._folios = _Folios()

    def do(self, doc):
        src = get_page(doc, self.page_id)
        start = _folio_start(doc)
        taken: set[str] = set()
        pid = self.new_page_id or new_id(doc, src.id)
        if pid in all_ids(doc):
            raise CommandError(f"id {pid!r} is taken")
        taken.add(pid)
        page = copy.deepcopy(src)
        page.id = pid
        if not src.name.isdigit():
            page.name = (src.name + " 副本") if src.name else ""
        fmap: dict[str, str] = {}
        for f in page.frames:
            nid = new_id(doc, f.id, taken)
            taken.add(nid)
            fmap[f.id] = nid
        amap: dict[str, str] = {}
        new_articles = []
        for f in page.frames:
            if f.article and f.article not in amap:
                old = next((a for a in doc.articles if a.id == f.article), None)
                aid = new_id(doc, f.article, taken)
                taken.add(aid)
                amap[f.article] = aid
                if old is not None:
                    a = copy.deepcopy(old)
                    a.id = aid
                    a.name = (old.name + " 副本") if old.name else ""
                    new_articles.append(a)
        new_stories = []
        for f in page.frames:
            f.id = fmap[f.id]
            if f.article:
                f.article = amap[f.article]
            if isinstance(f, TextFrame):
                f.next = fmap.get(f.next) if f.next else None
                f.caption_of = fmap.get(f.caption_of) if f.caption_of else None
                if f.story:
                    st = copy.deepcopy(get_story(doc, f.story))
                    st.id = new_id(doc, st.id, taken)
                    st.name = (st.name + " 副本") if st.name else ""
                    taken.add(st.id)
                    new_stories.append(st)
                    f.story = st.id
        i = doc.pages.index(src) + 1
        doc.pages.insert(i, page)
        doc.stories.extend(new_stories)
        doc.articles.extend(new_articles)
        self._added_page = pid
        self._added_stories = [s.id for s in new_stories]
        self._added_articles = [a.id for a in new_articles]
        self.new_page_id = pid
        self._folios.renumber(doc, start, [pid] if src.name.isdigit() else [])

    def undo(self, doc):
        self._folios.revert(doc)
        doc.pages = [p for p in doc.pages if p.id != self._added_page]
        gone = set(self._added_stories)
        doc.stories = [s for s in doc.stories if s.id not in gone]
        gone = set(self._added_articles)
        doc.articles = [a for a in doc.articles if a.id not in gone]


class DeletePage(Command):
    """Delete a page; its stories stay in the document.

    Threads through the page are re-linked: a frame that led into the page now
    leads to the first frame after it on another page, and a story that started
    on the page starts in its next frame elsewhere (or becomes unplaced).  The
    last page of a document cannot be deleted.
    """

    text = "删除页面"

    def __init__(self, page_id: str):
        self.page_id = page_id
        self._fc = _FieldChanges()
        self._removed = None
        self._folios = _Folios()

    def do(self, doc):
        page = get_page(doc, self.page_id)
        if len(doc.pages) <= 1:
            raise CommandError("a document keeps at least one page")
        start = _folio_start(doc)
        self._fc = _FieldChanges()
        _detach(doc, {f.id for f in page.frames}, self._fc)
        i = doc.pages.index(page)
        self._removed = (i, page)
        del doc.pages[i]
        self._folios.renumber(doc, start)

    def undo(self, doc):
        self._folios.revert(doc)
        i, page = self._removed
        doc.pages.insert(i, page)
        self._fc.revert(doc)


class MovePage(Command):
    """Move a page to position ``index`` (0 = first); numbered pages renumber by position."""

    text = "移动页面"

    def __init__(self, page_id: str, index: int):
        self.page_id, self.index = page_id, index
        self._old_index = None
        self._folios = _Folios()

    def do(self, doc):
        page = get_page(doc, self.page_id)
        i = doc.pages.index(page)
        j = max(0, min(self.index, len(doc.pages) - 1))
        if i == j:
            raise CommandError("the page is there already")
        start = _folio_start(doc)
        self._old_index = i
        del doc.pages[i]
        doc.pages.insert(j, page)
        self._folios.renumber(doc, start)

    def undo(self, doc):
        self._folios.revert(doc)
        page = get_page(doc, self.page_id)
        doc.pages.remove(page)
        doc.pages.insert(self._old_index, page)


class ApplyMaster(Command):
    """Give pages a master (its name) or none (None)."""

    text = "应用版式"

    def __init__(self, page_ids: Iterable[str] | str, master: str | None):
        self.page_ids = (page_ids,) if isinstance(page_ids, str) else tuple(page_ids)
        self.master = master
        self._old: dict[str, str | None] = {}

    def do(self, doc):
        if self.master is not None and doc.master(self.master) is None:
            raise CommandError(f"no master {self.master!r}")
        pages = [get_page(doc, pid) for pid in self.page_ids]
        if all(p.master == self.master for p in pages):
            raise CommandError("the pages have that master already")
        self._old = {p.id: p.master for p in pages}
        for p in pages:
            p.master = self.master

    def undo(self, doc):
        for pid, m in self._old.items():
            get_page(doc, pid).master = m


class AddMaster(Command):
    """Add a master with the stories its text frames show (and the styles and swatches they
    need that the document lacks) — a master brought in from a template."""

    text = "添加版式"

    def __init__(self, master: Master, stories: Iterable[Story] = (), *, paragraph_styles=(),
                 character_styles=(), swatches=()):
        self.master = copy.deepcopy(master)
        self.add_stories = [copy.deepcopy(s) for s in stories]
        self.paragraph_styles = [copy.deepcopy(s) for s in paragraph_styles]
        self.character_styles = [copy.deepcopy(s) for s in character_styles]
        self.swatches = [copy.deepcopy(s) for s in swatches]

    def do(self, doc):
        if doc.master(self.master.name) is not None:
            raise CommandError(f"master {self.master.name!r} exists")
        taken = all_ids(doc)
        if any(f.id in taken for f in self.master.frames) or any(s.id in taken for s in self.add_stories):
            raise CommandError("frame or story ids are taken")
        ps = [s for s in copy.deepcopy(self.paragraph_styles) if doc.paragraph_style(s.name) is None]
        cs = [s for s in copy.deepcopy(self.character_styles) if doc.character_style(s.name) is None]
        sw = [s for s in copy.deepcopy(self.swatches) if doc.swatch(s.name) is None]
        doc.paragraph_styles.extend(ps)
        doc.character_styles.extend(cs)
        doc.swatches.extend(sw)
        doc.stories.extend(copy.deepcopy(self.add_stories))
        doc.masters.append(copy.deepcopy(self.master))
        self._added_styles = ({s.name for s in ps}, {s.name for s in cs}, {s.name for s in sw})

    def undo(self, doc):
        doc.masters = [m for m in doc.masters if m.name != self.master.name]
        gone = {s.id for s in self.add_stories}
        doc.stories = [s for s in doc.stories if s.id not in gone]
        ps, cs, sw = self._added_styles
        doc.paragraph_styles = [s for s in doc.paragraph_styles if s.name not in ps]
        doc.character_styles = [s for s in doc.character_styles if s.name not in cs]
        doc.swatches = [s for s in doc.swatches if s.name not in sw]


def master_names_free(doc: Document) -> Iterable[str]:
    """Free master names in the order an editor names them: A, B, C … Z, then M-27 …"""
    used = {m.name for m in doc.masters}
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if ch not in used:
            yield ch
    for n in itertools.count(27):
        if f"M-{n}" not in used:
            yield f"M-{n}"


def _same_master(doc: Document, a: Master, src: Document, b: Master) -> bool:
    if a.frames != b.frames:
        return False
    for f in a.frames:
        if isinstance(f, TextFrame) and f.story:
            sa, sb = doc.story(f.story), src.story(f.story)
            if (sa.blocks if sa else None) != (sb.blocks if sb else None):
                return False
    return True


def _needed_styles(src: Document, stories: list[Story], doc: Document):
    """The paragraph and character styles and swatches ``stories`` use that ``doc`` lacks (from ``src``)."""
    ps, cs, sw = [], [], []
    for st in stories:
        for b in st.blocks:
            s = src.paragraph_style(b.style)
            if s is not None and doc.paragraph_style(s.name) is None and s not in ps:
                ps.append(s)
            for r in b.runs:
                c = src.character_style(r.style) if r.style else None
                if c is not None and doc.character_style(c.name) is None and c not in cs:
                    cs.append(c)
    colours = {s.color for s in ps} | {c.color for c in cs if c.color}
    for name in colours:
        w = src.swatch(name)
        if w is not None and doc.swatch(name) is None:
            sw.append(w)
    return ps, cs, sw


def page_from_source(doc: Document, src: Document, src_page: int = 0, index: int | None = None) -> Command:
    """One undoable step adding a new page made like page ``src_page`` of ``src`` (a template,
    or another layout): its size, margins, grid and frames (new ids; stories copied), and its
    master — the document's own when it holds the same one (same frames and text), else the
    source's master added under a free name (A, B …) with copies of its stories."""
    tpage = src.pages[src_page]
    taken: set[str] = set()
    cmds: list[Command] = []
    master_name = None
    brought: set[tuple[str, str]] = set()      # styles and swatches an earlier step brings in
    if tpage.master is not None and src.master(tpage.master) is not None:
        tm = src.master(tpage.master)
        same = doc.master(tm.name)
        if same is not None and _same_master(doc, same, src, tm):
            master_name = same.name
        else:
            # the template's name when the document has no master of that name, else the next free letter
            master_name = tm.name if same is None else next(iter(master_names_free(doc)))
            m = Master(master_name, copy.deepcopy(tm.frames))
            stories = []
            fmap = {}
            for f in m.frames:
                nid = f.id if f.id not in all_ids(doc) | taken else new_id(doc, f"{master_name}-{f.kind}", taken)
                taken.add(nid)
                fmap[f.id] = nid
            for f in m.frames:
                f.id = fmap[f.id]
                if isinstance(f, TextFrame):
                    f.next = fmap.get(f.next) if f.next else None
                    if f.story and src.story(f.story) is not None:
                        st = copy.deepcopy(src.story(f.story))
                        sid = st.id if st.id not in all_ids(doc) | taken else new_id(doc, f"master-{master_name}", taken)
                        taken.add(sid)
                        st.id = sid
                        f.story = sid
                        stories.append(st)
                    elif f.story:
                        f.story = None
            ps, cs, sw = _needed_styles(src, stories, doc)
            brought = {("p", x.name) for x in ps} | {("c", x.name) for x in cs} | {("s", x.name) for x in sw}
            cmds.append(AddMaster(m, stories, paragraph_styles=ps, character_styles=cs, swatches=sw))
    page = copy.deepcopy(tpage)
    page.id = new_id(doc, "page", taken)
    taken.add(page.id)
    page.name = ""
    page.master = master_name
    fmap = {}
    for f in page.frames:
        fmap[f.id] = new_id(doc, f.id, taken)
        taken.add(fmap[f.id])
    for f in page.frames:
        f.id = fmap[f.id]
        f.article = None
        if isinstance(f, TextFrame):
            f.next = fmap.get(f.next) if f.next else None
            f.caption_of = fmap.get(f.caption_of) if f.caption_of else None
            if f.story and src.story(f.story) is not None:
                st = copy.deepcopy(src.story(f.story))
                st.id = new_id(doc, st.id, taken)
                taken.add(st.id)
                f.story = st.id
                ps, cs, sw = _needed_styles(src, [st], doc)
                ps = [x for x in ps if ("p", x.name) not in brought]
                cs = [x for x in cs if ("c", x.name) not in brought]
                sw = [x for x in sw if ("s", x.name) not in brought]
                brought |= {("p", x.name) for x in ps} | {("c", x.name) for x in cs} | {("s", x.name) for x in sw}
                cmds.append(AddStory(st, paragraph_styles=ps, character_styles=cs, swatches=sw))
            elif f.story:
                f.story = None
    cmds.append(AddPage(page, index))
    return Compound(cmds, text="添加页面") if len(cmds) > 1 else cmds[0]


def page_like(doc: Document, page_id: str | None, master: str | None, index: int | None = None) -> AddPage:
    """An empty page the size, margins and grid of page ``page_id`` (else of the first page
    using ``master``, else of the first page), with ``master``."""
    ref = None
    if page_id is not None:
        ref = next((p for p in doc.pages if p.id == page_id), None)
    if ref is None and master is not None:
        ref = next((p for p in doc.pages if p.master == master), None)
    if ref is None and doc.pages:
        ref = doc.pages[0]
    pid = new_id(doc, "page")
    if ref is None:
        return AddPage(Page(pid, master=master), index)
    return AddPage(Page(pid, name="", width=ref.width, height=ref.height, bleed=ref.bleed,
                        margins=copy.deepcopy(ref.margins), grid=copy.deepcopy(ref.grid), master=master), index)


# ------------------------------------------------------------------ whole document


class ReplaceDocument(Command):
    """Replace the whole document by another one (revert to saved, recover an autosave).

    Holds both documents as JSON (``io.dumps``), so it is a plain value like the
    other commands; ``do``/``undo`` load one or the other *into* the same
    ``Document`` object (views keep their reference to it).
    """

    text = "替换文档"

    def __init__(self, old_json: str, new_json: str, text: str = ""):
        self.old_json, self.new_json = old_json, new_json
        if text:
            self.text = text

    @staticmethod
    def _load_into(doc: Document, data: str) -> None:
        from .io import LayoutFileError, loads
        try:
            fresh = loads(data, "<document>")
        except LayoutFileError as e:
            raise CommandError(str(e)) from None
        doc.__dict__.clear()
        doc.__dict__.update(fresh.__dict__)

    def do(self, doc):
        self._load_into(doc, self.new_json)

    def undo(self, doc):
        self._load_into(doc, self.old_json)


# ------------------------------------------------------------------ typing on the page
#
# Positions are indices into ``story.text`` (blocks joined by one "\n"), as the
# layout's GlyphRun.start / LineInfo.start count them, so a caret found on the
# canvas is a position these commands take unchanged.


def block_at(story: Story, pos: int) -> tuple[int, int]:
    """(block index, offset in that block) of a story position (clamped)."""
    start = 0
    for i, b in enumerate(story.blocks):
        n = len(b.text)
        if pos <= start + n:
            return i, max(0, pos - start)
        start += n + 1
    if not story.blocks:
        return 0, 0
    return len(story.blocks) - 1, len(story.blocks[-1].text)


def block_start(story: Story, index: int) -> int:
    return sum(len(b.text) + 1 for b in story.blocks[:index])


def _run_key(r: Run):
    return (r.style, r.local)


def slice_runs(runs: list[Run], a: int, b: int | None = None) -> list[Run]:
    """Copies of the runs covering characters [a, b) of a block."""
    out = []
    pos = 0
    for r in runs:
        n = len(r.text)
        lo, hi = max(a, pos), min(pos + n if b is None else b, pos + n)
        if hi > lo:
            piece = copy.deepcopy(r)
            piece.text = r.text[lo - pos:hi - pos]
            out.append(piece)
        pos += n
    return out


def merge_runs(runs: list[Run]) -> list[Run]:
    """Neighbours with the same character style and local format become one run."""
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and _run_key(out[-1]) == _run_key(r):
            out[-1].text += r.text
        else:
            out.append(copy.deepcopy(r))
    return out


def run_format_at(story: Story, pos: int) -> Run:
    """An empty run with the format text typed at ``pos`` takes: that of the
    character before it (the first character's at a paragraph's start)."""
    bi, off = block_at(story, pos)
    if not story.blocks:
        return Run("")
    runs = story.blocks[bi].runs
    at = 0
    for r in runs:
        n = len(r.text)
        if off <= at + n and (off > at or at == 0):
            piece = copy.deepcopy(r)
            piece.text = ""
            return piece
        at += n
    if runs:
        piece = copy.deepcopy(runs[-1])
        piece.text = ""
        return piece
    return Run("")


class ReplaceText(Command):
    """Replace story characters [start, end) by ``text``; "\\n" in ``text`` splits paragraphs.

    The inserted characters take the format of the character before ``start``
    (or ``fmt``, an empty Run carrying a character style / local format).  A new
    paragraph made by a newline keeps the paragraph's role and style; deleting
    across a paragraph end joins the two into the first one's style.

    Typing merges: an insertion right after the previous one (no newline), or a
    deletion that continues the previous one (Backspace or Delete held down),
    joins the earlier command, so a typed sentence is one undo step.
    """

    def __init__(self, story_id: str, start: int, end: int, text: str = "",
                 fmt: Run | None = None, label: str = ""):
        if end < start:
            start, end = end, start
        self.story_id, self.start, self.end, self.new = story_id, int(start), int(end), text
        self.fmt = copy.deepcopy(fmt)
        self.text = label or ("输入文字" if text and end == start else
                              "删除文字" if not text else "替换文字")
        self._undo: list[Block] | None = None

    @property
    def caret_after(self) -> int:
        return self.start + len(self.new)

    def do(self, doc):
        s = get_story(doc, self.story_id)
        total = len(s.text)
        if not 0 <= self.start <= self.end <= total:
            raise CommandError(f"story {self.story_id!r} has no characters {self.start}–{self.end}")
        old_list = list(s.blocks)
        if not s.blocks:
            s.blocks.append(Block("paragraph", "body", []))
        b0, o0 = block_at(s, self.start)
        b1, o1 = block_at(s, self.end)
        first, last = s.blocks[b0], s.blocks[b1]
        fmt = self.fmt if self.fmt is not None else run_format_at(s, self.start)
        parts = self.new.split("\n")

        def typed(t):
            if not t:
                return []
            r = copy.deepcopy(fmt)
            r.text = t
            return [r]

        left = slice_runs(first.runs, 0, o0)
        right = slice_runs(last.runs, o1)
        if len(parts) == 1:
            new_blocks = [Block(first.role, first.style, merge_runs(left + typed(parts[0]) + right))]
        else:
            new_blocks = [Block(first.role, first.style, merge_runs(left + typed(parts[0])))]
            new_blocks += [Block(first.role, first.style, typed(p)) for p in parts[1:-1]]
            new_blocks.append(Block(first.role, first.style, merge_runs(typed(parts[-1]) + right)))
        # Blocks are replaced, never changed in place, so the old list (a shallow
        # copy) is the whole undo — also after merges that joined paragraphs.
        s.blocks[b0:b1 + 1] = new_blocks
        if self._undo is None:
            self._undo = old_list

    def undo(self, doc):
        get_story(doc, self.story_id).blocks[:] = self._undo
        self._undo = None

    def merge_with(self, other):
        if not isinstance(other, ReplaceText) or other.story_id != self.story_id or other.fmt != self.fmt:
            return False
        if self.end == self.start and other.end == other.start and self.new and other.new \
                and "\n" not in self.new + other.new and other.start == self.start + len(self.new):
            self.new += other.new                     # typing on
            return True
        if not self.new and not other.new:
            if other.end == self.start:               # Backspace held down
                self.start = other.start
                return True
            if other.start == self.start:             # Delete held down
                self.end += other.end - other.start
                return True
        return False



# ------------------------------------------------------------------ captions


class AttachCaption(Command):
    """Tie a caption text frame to an image frame: it takes the photo's x and width and
    sits ``gap`` mm below it (default: where it is now, if below the photo, else 1 mm);
    from then on moving or resizing the photo moves the caption (``_follow_captions``)."""

    text = "附加图片说明"

    def __init__(self, caption_id: str, image_id: str, gap: float | None = None):
        self.caption_id, self.image_id, self.gap = caption_id, image_id, gap
        self._fc = _FieldChanges()

    def do(self, doc):
        cap, photo = get_frame(doc, self.caption_id), get_frame(doc, self.image_id)
        if not isinstance(cap, TextFrame):
            raise CommandError("a caption is a text frame")
        if not isinstance(photo, ImageFrame):
            raise CommandError("captions are attached to image frames")
        gap = self.gap
        if gap is None:
            below = cap.y - (photo.y + photo.h)
            gap = round(below, 4) if 0 <= below <= 20 else 1.0
        self._fc = _FieldChanges()
        self._fc.set(doc, self.caption_id, "caption_of", self.image_id)
        self._fc.set(doc, self.caption_id, "caption_gap", float(gap))
        x, y, w, _ = caption_rect(photo, cap)
        for k, v in (("x", x), ("y", y), ("w", w)):
            self._fc.set(doc, self.caption_id, k, v)

    def undo(self, doc):
        self._fc.revert(doc)


class DetachCaption(Command):
    text = "取消图片说明关联"

    def __init__(self, caption_id: str):
        self.caption_id = caption_id
        self._fc = _FieldChanges()

    def do(self, doc):
        cap = get_frame(doc, self.caption_id)
        if not isinstance(cap, TextFrame) or not cap.caption_of:
            raise CommandError("the frame is not an attached caption")
        self._fc = _FieldChanges()
        self._fc.set(doc, self.caption_id, "caption_of", None)

    def undo(self, doc):
        self._fc.revert(doc)


# ------------------------------------------------------------------ character formats

_UNSET = object()


class ApplyCharFormat(Command):
    """Give story characters [start, end) a character style and/or local format values.

    ``style``: a character style name, or None to clear it (left as is when not given).
    ``local``: CharFormat field values (bold, color, emphasis, tracking, shift, font, size);
    a value of None clears that field of the override.  Colours must be document swatches
    (CMYK only, so RGB never gets in).
    """

    text = "字符格式"

    def __init__(self, story_id: str, start: int, end: int, style=_UNSET, **local):
        from .model.document import CHAR_FIELDS
        bad = set(local) - set(CHAR_FIELDS)
        if bad:
            raise CommandError(f"no character format field {sorted(bad)[0]!r}")
        if end < start:
            start, end = end, start
        self.story_id, self.start, self.end = story_id, int(start), int(end)
        self.style, self.local = style, dict(local)
        if style is not _UNSET and not local:
            self.text = "应用字符样式"
        self._undo: list[Block] | None = None

    def do(self, doc):
        from .model.document import CharFormat
        s = get_story(doc, self.story_id)
        if not 0 <= self.start <= self.end <= len(s.text):
            raise CommandError(f"story {self.story_id!r} has no characters {self.start}–{self.end}")
        if self.style not in (_UNSET, None) and doc.character_style(self.style) is None:
            raise CommandError(f"no character style {self.style!r}")
        col = self.local.get("color")
        if col is not None and doc.swatch(col) is None:
            raise CommandError(f"no swatch {col!r}")
        old = list(s.blocks)
        b0, o0 = block_at(s, self.start)
        b1, o1 = block_at(s, self.end)
        for bi in range(b0, b1 + 1):
            blk = s.blocks[bi]
            a = o0 if bi == b0 else 0
            b = o1 if bi == b1 else len(blk.text)
            if a >= b:
                continue
            mid = slice_runs(blk.runs, a, b)
            for r in mid:
                if self.style is not _UNSET:
                    r.style = self.style
                if self.local:
                    f = copy.deepcopy(r.local) if r.local is not None else CharFormat()
                    for k, v in self.local.items():
                        setattr(f, k, v)
                    r.local = None if all(v is None for v in vars(f).values()) else f
            runs = merge_runs(slice_runs(blk.runs, 0, a) + mid + slice_runs(blk.runs, b))
            s.blocks[bi] = Block(blk.role, blk.style, runs)
        self._undo = old

    def undo(self, doc):
        get_story(doc, self.story_id).blocks[:] = self._undo


# ------------------------------------------------------------------ document meta


class SetMeta(Command):
    """Set (or, with None, remove) one key of the document's meta (paper name, date, link folders …)."""

    text = "更改文档信息"

    def __init__(self, key: str, value: str | None):
        self.key, self.value = key, value
        self._old: tuple[bool, str | None] = (False, None)

    def do(self, doc):
        self._old = (self.key in doc.meta, doc.meta.get(self.key))
        if self.value is None:
            doc.meta.pop(self.key, None)
        else:
            doc.meta[self.key] = self.value

    def undo(self, doc):
        had, old = self._old
        if had:
            doc.meta[self.key] = old
        else:
            doc.meta.pop(self.key, None)


class SetPageFields(Command):
    """Set a page's own 报眉 fields (版名, 责任编辑 … over the document's meta): each of
    ``changes`` sets one key; None or "" gives the key back to the document (inherit)."""

    text = "更改本版报眉"

    def __init__(self, page_id: str, **changes: str | None):
        bad = [k for k in changes if k not in PLACEHOLDER_KEYS]
        if bad:
            raise CommandError(f"not a 报眉 field: {', '.join(bad)} (fields: {', '.join(PLACEHOLDER_KEYS)})")
        for k, v in changes.items():
            if v is not None and not isinstance(v, str):
                raise CommandError(f"field {k}: expected text, found {type(v).__name__}")
        self.page_id, self.changes = page_id, dict(changes)
        self._old: dict[str, str] | None = None

    def do(self, doc):
        page = get_page(doc, self.page_id)
        new = dict(page.fields)
        for k, v in self.changes.items():
            if v:
                new[k] = v
            else:
                new.pop(k, None)
        if new == page.fields:
            raise CommandError("the page has these fields already")
        self._old = dict(page.fields)
        page.fields = {k: new[k] for k in PLACEHOLDER_KEYS if k in new}

    def undo(self, doc):
        get_page(doc, self.page_id).fields = dict(self._old)


# ------------------------------------------------------------------ arranging


def frame_extent(f: Frame) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) mm of a frame (a rule may run left or up: w, h < 0)."""
    return (min(f.x, f.x + f.w), min(f.y, f.y + f.h), max(f.x, f.x + f.w), max(f.y, f.y + f.h))


ALIGN_EDGES = ("left", "center", "right", "top", "middle", "bottom")


class AlignFrames(Command):
    """Align frames' edges or centres: to ``bounds`` (x0, y0, x1, y1 mm — the type area when one
    frame is aligned) or to the frames' own bounds.  Locked frames stay where they are (they
    still count for the bounds, like a key object); attached captions follow their photo."""

    def __init__(self, frame_ids: Iterable[str], edge: str, bounds=None):
        if edge not in ALIGN_EDGES:
            raise CommandError(f"align edge must be one of {', '.join(ALIGN_EDGES)}, not {edge!r}")
        self.frame_ids = tuple(frame_ids)
        self.edge = edge
        self.bounds = tuple(bounds) if bounds is not None else None
        self.text = {"left": "左对齐", "center": "水平居中对齐", "right": "右对齐", "top": "顶对齐",
                     "middle": "垂直居中对齐", "bottom": "底对齐"}[edge]
        self._fc = _FieldChanges()

    def do(self, doc):
        frames = [get_frame(doc, i) for i in self.frame_ids]
        ext = [frame_extent(f) for f in frames]
        if self.bounds is not None:
            x0, y0, x1, y1 = self.bounds
        elif ext:
            x0, y0 = min(e[0] for e in ext), min(e[1] for e in ext)
            x1, y1 = max(e[2] for e in ext), max(e[3] for e in ext)
        self._fc = _FieldChanges()
        moved = []
        for f, (l, t, r, b) in zip(frames, ext):
            if f.locked:
                continue
            dx = dy = 0.0
            if self.edge == "left":
                dx = x0 - l
            elif self.edge == "right":
                dx = x1 - r
            elif self.edge == "center":
                dx = (x0 + x1) / 2 - (l + r) / 2
            elif self.edge == "top":
                dy = y0 - t
            elif self.edge == "bottom":
                dy = y1 - b
            else:
                dy = (y0 + y1) / 2 - (t + b) / 2
            if abs(dx) > 1e-9 or abs(dy) > 1e-9:
                self._fc.set(doc, f.id, "x", round(f.x + dx, 4))
                self._fc.set(doc, f.id, "y", round(f.y + dy, 4))
                moved.append(f.id)
        _follow_captions(doc, moved, self._fc)

    def undo(self, doc):
        self._fc.revert(doc)


class DistributeFrames(Command):
    """Space three or more frames evenly, ``axis`` "h" (left to right) or "v" (top to bottom):
    the first and the last stay, the gaps between neighbours become equal.  Locked frames
    keep their place."""

    def __init__(self, frame_ids: Iterable[str], axis: str):
        if axis not in ("h", "v"):
            raise CommandError(f"distribute axis must be h or v, not {axis!r}")
        self.frame_ids = tuple(frame_ids)
        self.axis = axis
        self.text = "水平等距分布" if axis == "h" else "垂直等距分布"
        self._fc = _FieldChanges()

    def do(self, doc):
        frames = [get_frame(doc, i) for i in self.frame_ids]
        a, b = (0, 2) if self.axis == "h" else (1, 3)
        items = sorted(((frame_extent(f), f) for f in frames), key=lambda t: (t[0][a], t[0][b]))
        self._fc = _FieldChanges()
        if len(items) < 3:
            return
        start, end = items[0][0][a], max(e[b] for e, _ in items)
        gap = (end - start - sum(e[b] - e[a] for e, _ in items)) / (len(items) - 1)
        pos = start
        moved = []
        name = "x" if self.axis == "h" else "y"
        for e, f in items:
            d = pos - e[a]
            if not f.locked and abs(d) > 1e-9:
                self._fc.set(doc, f.id, name, round(getattr(f, name) + d, 4))
                moved.append(f.id)
            pos += (e[b] - e[a]) + gap
        _follow_captions(doc, moved, self._fc)

    def undo(self, doc):
        self._fc.revert(doc)


Z_ORDERS = ("front", "back", "forward", "backward")


class ArrangeFrames(Command):
    """Change the stacking order (the order of frames on their page: the last is in front):
    bring to front / send to back / one step forward / backward."""

    def __init__(self, frame_ids: Iterable[str], how: str):
        if how not in Z_ORDERS:
            raise CommandError(f"arrange must be one of {', '.join(Z_ORDERS)}, not {how!r}")
        self.frame_ids = tuple(frame_ids)
        self.how = how
        self.text = {"front": "置于顶层", "back": "置于底层", "forward": "前移一层", "backward": "后移一层"}[how]
        self._old: list[tuple[tuple[str, str], list[str]]] = []

    def do(self, doc):
        lists = []
        for fid in self.frame_ids:
            frames, _ = frame_container(doc, fid)
            if not any(frames is l for l in lists):
                lists.append(frames)
        self._old = []
        sel = set(self.frame_ids)
        for frames in lists:
            self._old.append((_owner_key(doc, frames), [f.id for f in frames]))
            mine = [f for f in frames if f.id in sel]
            rest = [f for f in frames if f.id not in sel]
            if self.how == "front":
                new = rest + mine
            elif self.how == "back":
                new = mine + rest
            else:
                new = list(frames)
                order = range(len(new) - 2, -1, -1) if self.how == "forward" else range(1, len(new))
                for i in order:        # each selected frame swaps with its unselected neighbour
                    j = i + 1 if self.how == "forward" else i - 1
                    if new[i].id in sel and new[j].id not in sel:
                        new[i], new[j] = new[j], new[i]
            frames[:] = new

    def undo(self, doc):
        for key, ids in self._old:
            frames = _owner_list(doc, key)
            by_id = {f.id: f for f in frames}
            frames[:] = [by_id[i] for i in ids]


# ------------------------------------------------------------------ guides


def _guide_list(doc: Document, page_id: str, axis: str) -> list[float]:
    if axis not in ("x", "y"):
        raise CommandError(f"a guide's axis is x (vertical) or y (horizontal), not {axis!r}")
    return getattr(get_page(doc, page_id).guides, axis)


class AddGuide(Command):
    """A ruler guide on a page: ``axis`` "x" (a vertical guide at x mm) or "y" (horizontal)."""

    text = "添加参考线"

    def __init__(self, page_id: str, axis: str, pos: float):
        self.page_id, self.axis, self.pos = page_id, axis, round(float(pos), 4)

    def do(self, doc):
        _guide_list(doc, self.page_id, self.axis).append(self.pos)

    def undo(self, doc):
        _guide_list(doc, self.page_id, self.axis).pop()


class MoveGuide(Command):
    """Move guide ``index`` to ``pos`` mm, or remove it (``pos`` None: dragged off the page)."""


    def __init__(self, page_id: str, axis: str, index: int, pos: float | None):
        self.page_id, self.axis, self.index = page_id, axis, index
        self.pos = None if pos is None else round(float(pos), 4)
        self.text = "删除参考线" if pos is None else "移动参考线"
        self._old = None

    def do(self, doc):
        g = _guide_list(doc, self.page_id, self.axis)
        if not 0 <= self.index < len(g):
            raise CommandError(f"page {self.page_id!r} has no {self.axis} guide {self.index}")
        self._old = g[self.index]
        if self.pos is None:
            del g[self.index]
        else:
            g[self.index] = self.pos

    def undo(self, doc):
        g = _guide_list(doc, self.page_id, self.axis)
        if self.pos is None:
            g.insert(self.index, self._old)
        else:
            g[self.index] = self._old


class ClearGuides(Command):
    """Remove every ruler guide of a page."""

    text = "清除参考线"

    def __init__(self, page_id: str):
        self.page_id = page_id
        self._old = None

    def do(self, doc):
        g = get_page(doc, self.page_id).guides
        self._old = (list(g.x), list(g.y))
        g.x[:], g.y[:] = [], []

    def undo(self, doc):
        g = get_page(doc, self.page_id).guides
        g.x[:], g.y[:] = self._old


def lock_frames(frame_ids: Iterable[str], locked: bool) -> Compound:
    """One undo step that locks (or unlocks) frames."""
    return Compound([SetFrameProps(fid, locked=locked) for fid in frame_ids], text="锁定框" if locked else "解锁框")
