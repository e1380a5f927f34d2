"""layout_document(doc) → LayoutResult: the one entry point of the engine.

Layout never changes the document.  A Layouter keeps caches between calls —
itemized paragraphs by their content and style, composed lines by measure,
image headers by file, the latest flow of each story — so after a one-character
edit only that paragraph is recomposed; the others' lines are reused and only moved.

Every cache is bounded by the estimated bytes it holds (``SizedLRU``; the budgets
are ``CACHE_BUDGETS``), and what the last ``KEEP_PASSES`` layout passes did not use
is dropped after each pass: the superseded versions of a paragraph being typed
into go within a few keystrokes, and a story keeps one flow — the current one.
"""
from __future__ import annotations

import gc
import math
import unicodedata
from dataclasses import fields as _fields, replace
from pathlib import Path

from ..model.document import BOLD_FACES, BoxFrame, ImageFrame, ParagraphStyle, RuleFrame, TextFrame
from ..cache import SizedLRU
from ..model.units import mm_to_pt
from .compose import ParaSpec, compose, glyph_info, itemize, _is_orphan_line
from .flow import ASCENT, DESCENT, BlockFlow, Cursor, StoryFlow, block_rules
from .resolve import HEAD_ROLES, frame_geometry, image_fit, page_exclusions, resolve_block  # noqa: F401 (HEAD_ROLES: copyfit, makeup)
from .fonts import default_registry
from .frameseq import FrameSeq, as_list
from .result import (
    ROTATED, TCY, UPRIGHT, Box, FrameLines, GlyphRun, ImagePlacement, LayoutResult, LineInfo, Overset,
    PageResult, Rule, ShiftedPage, moved_record,
)

BLACK = (0.0, 0.0, 0.0, 1.0)
PLACEHOLDERS = ("paper", "date", "page", "section", "editor", "weekday")


MiB = 1 << 20
# memory budget of each cache, in estimated bytes (see the _size_* estimates below)
CACHE_BUDGETS = {"specs": 48 * MiB, "paras": 160 * MiB, "lines": 64 * MiB, "stories": 128 * MiB,
                 "images": 1 * MiB}
KEEP_PASSES = 3     # an entry no layout pass used among the last three is dropped
# (≥ 3: a story's paragraphs taken over from its previous flow are kept fresh every other pass)

# Estimated bytes per character, measured with tracemalloc on the seed text (CPython 3.11):
# ParaSpec with its key ~100, itemized Paragraph ~360, composed lines ~130,
# a story's flow (glyph runs and line infos) ~210 per placed glyph.
_SPEC_B, _PARA_B, _LINES_B, _FLOW_B = 100, 360, 130, 210


def _default_style(name: str) -> ParagraphStyle:
    return ParagraphStyle(name)


_NO_ENTRY = (None,) * 6 + ((),)     # (a memo entry that is not there: no cache keys to keep)

MAX_HEAD_MOVES = 64     # columns a head that does not fit may move on (see _flow_block)


class Layouter:
    def __init__(self, fonts=None, base_dir=None, budgets: dict | None = None):
        self.fonts = fonts or default_registry()
        self.base_dir = Path(base_dir) if base_dir else None
        b = dict(CACHE_BUDGETS, **(budgets or {}))
        self._paras = SizedLRU(b["paras"])     # ParaSpec -> Paragraph (itemized)
        self._lines = SizedLRU(b["lines"])     # (ParaSpec, first measure) -> ([Line], measures)
        self._images = SizedLRU(b["images"])   # (path, mtime, size) -> (w, h)
        self._specs = SizedLRU(b["specs"])     # block content key -> ParaSpec
        # (story id, its frames, placeholder values) -> (content key, flow result): one flow per
        # story and place, replaced when the story or its frames change
        self._stories = SizedLRU(b["stories"])
        self._clean_texts = SizedLRU(b["specs"] // 4)   # paragraph texts every character of which a face has
        self._caches = (self._paras, self._lines, self._images, self._specs, self._stories, self._clean_texts)
        self._pass = 0
        self._used_keys = None     # while a paragraph is flowed for the block memo: its line-cache keys
        self._covered: set = set() # characters known to be in some bundled face (bounded by Unicode)
        self._dry = False          # True while balancing tries depths: no display items are built
        self._no_runs = False      # a trial Layouter: lines without their glyph runs
        self._pass_style_keys: dict = {}   # id(style) -> (style, spec key part, flow key part), one pass
        self._pass_styles: dict = {}       # paragraph style name -> style, one pass
        self._named_runs: dict = {}  # (page index, frame id) -> (its lines as flowed, base, lines with runs)
        self._serial = 0             # the number of the last story flow made (StoryFlow.serial)
        self._lean = False           # True while an unbalanced story flows: memo entries without records

    def cache_bytes(self) -> dict:
        """Estimated bytes held by each cache."""
        names = ("paras", "lines", "images", "specs", "stories", "clean_texts")
        return {n: c.bytes for n, c in zip(names, self._caches)}

    # ------------------------------------------------------------ paragraphs
    def _spec(self, doc, block, style: ParagraphStyle, swatches, text_override=None, vertical=False) -> ParaSpec:
        if text_override is not None:
            runs = ((text_override, None, None),)
        elif len(block.runs) == 1 and block.runs[0].style is None and block.runs[0].local is None:
            runs = ((block.runs[0].text, None, None),)     # (most paragraphs: one plain run)
        else:
            runs = tuple((r.text, r.style, _local_key(r.local)) for r in block.runs)
        if any(r[1] or r[2] is not None for r in runs):
            cstyles = tuple((r[1], _cs_key(doc.character_style(r[1]))) for r in runs if r[1])
            # colours are swatch *names* in styles and overrides: the key holds their CMYK values
            # too, or a retuned swatch (File → Revert, a recovered autosave) keeps the old colour
            colours = tuple(swatches.get(k[2]) for _n, k in cstyles if k is not None and k[2])
            colours += tuple(swatches.get(r[2][2]) for r in runs if r[2] is not None and r[2][2])
        else:
            cstyles = colours = ()
        key = (runs, self._style_keys(style, swatches)[0], cstyles, colours, vertical)
        spec = self._specs.get(key)
        if spec is not None:
            return spec
        resolve = self.fonts.resolve
        ginfo = glyph_info(self.fonts)
        chars = []
        extras = []
        any_extra = False
        pcolor = swatches.get(style.color, BLACK)
        for (text, cs_name, _lk), run in zip(runs, block.runs if text_override is None else (None,)):
            font, size, color = style.font, style.size, pcolor
            bold = emph = False
            track = shift = 0.0
            levels = []
            if cs_name:
                cs = doc.character_style(cs_name)
                if cs is not None:
                    levels.append(cs)
            if run is not None and run.local is not None:
                levels.append(run.local)
            for lv in levels:     # character style, then the local override
                font = lv.font or font
                size = lv.size or size
                color = swatches.get(lv.color, color) if lv.color else color
                bold = lv.bold if lv.bold is not None else bold
                emph = lv.emphasis if lv.emphasis is not None else emph
                track = lv.tracking if lv.tracking is not None else track
                shift = lv.shift if lv.shift is not None else shift
            if bold:
                font = BOLD_FACES.get(font, font)
            # one tuple per distinct character, shared by its every occurrence
            memo = {ch: (ch, font if ginfo(font, ch)[2] else (resolve(font, ch) or font), size, color)
                    for ch in set(text)}
            chars.extend([memo[ch] for ch in text])
            x = (track, emph, shift) if (track or emph or shift) else None
            any_extra = any_extra or x is not None
            extras.extend([x] * len(text))
        spec = ParaSpec(tuple(chars), style.indent * style.size, style.align, style.tracking,
                        extras=tuple(extras) if any_extra else None, vertical=vertical)
        self._specs.put(key, spec, 200 + _SPEC_B * len(chars) * (2 if any_extra else 1))
        return spec

    def _style_keys(self, style: ParagraphStyle, swatches):
        """(what a paragraph's setting takes from the style — with its colour's CMYK —, what its
        flow takes): worked out once per style in a layout pass (styles do not change during one)."""
        got = self._pass_style_keys.get(id(style))
        if got is None or got[0] is not style:
            got = self._pass_style_keys[id(style)] = (
                style, (_ps_key(style), swatches.get(style.color)), _style_key(style))
        return got[1], got[2]

    def _compose(self, spec: ParaSpec, measures_fn, first_measure: float):
        p = self._paras.get(spec)
        if p is None:
            p = itemize(spec, self.fonts)
            self._paras.put(spec, p, 200 + _PARA_B * len(spec.chars))
        # fast path: every line at the same measure (no wrap, no frame change inside)
        key = (spec, first_measure)
        if self._used_keys is not None:
            self._used_keys.append(key)
        cached = self._lines.get(key)
        if cached is not None:
            lines, ms = cached
            if all(abs(measures_fn(k) - m) < 1e-6 for k, m in enumerate(ms)):
                return p, lines
        lines = compose(p, measures_fn, spec.indent, spec.align)
        self._lines.put(key, (lines, [ln.measure for ln in lines]), 200 + _LINES_B * len(spec.chars) + 150 * len(lines))
        return p, lines

    # ------------------------------------------------------------ images
    def _image_info(self, path: str):
        if not path:
            return None
        from .. import imagefile   # outside the layout's folder, not a regular file, too big: missing
        full, refused = imagefile.resolve_link(path, self.base_dir, self._link_folders)
        if refused:
            return str(full), None
        try:
            st = imagefile.check_regular(full)
        except imagefile.ImageFileError:
            return str(full), None
        key = (str(full), st.st_mtime_ns, st.st_size)
        if key not in self._images:
            try:
                size = imagefile.cached_size(full, st)
            except Exception:
                size = None
            self._images.put(key, size, 200 + 2 * len(key[0]))
        return str(full), self._images.get(key)

    # ------------------------------------------------------------ document
    def layout(self, doc) -> LayoutResult:
        """Lay out every page.  The cyclic garbage collector is paused meanwhile: layout makes
        tens of thousands of small acyclic objects, and the collections they would trigger
        mid-layout cost ~4 ms on the sample page, while collecting them afterwards costs ~1 ms."""
        if self._no_runs:
            raise RuntimeError("a trial Layouter sets lines without glyphs: it answers story_fit only")
        was_enabled = self._begin_pass(doc)
        try:
            return self._layout(doc)
        finally:
            self._end_pass(was_enabled)

    def _begin_pass(self, doc) -> bool:
        was_enabled = gc.isenabled()
        gc.disable()
        self._pass += 1
        for c in self._caches:
            c.generation = self._pass
        self._pass_style_keys = {}
        styles = self._pass_styles = {}
        for st in reversed(doc.paragraph_styles):      # (the first of a name, as doc.paragraph_style)
            styles[st.name] = st
        return was_enabled

    def _end_pass(self, was_enabled: bool) -> None:
        self._pass_style_keys = {}
        self._pass_styles = {}
        for c in self._caches:
            c.drop_older(self._pass - KEEP_PASSES + 1)
        if was_enabled:
            gc.enable()

    def trial(self) -> "Layouter":
        """A Layouter for trying variants of a document (copyfit): it shares this one's fonts and
        composed paragraphs (itemized, broken into lines), so a variant sets only what it
        changed; its flows give lines without glyph runs (only :meth:`story_fit` is for it); and
        it keeps its own story flows — a variant's flow never replaces the flow the
        editor's next keystroke will start from.  It stamps and trims only its own cache: the
        shared ones keep this Layouter's passes."""
        t = Layouter(self.fonts, self.base_dir, budgets={"stories": max(1, self._stories.max_bytes // 4)})
        t._paras, t._lines, t._images, t._specs = self._paras, self._lines, self._images, self._specs
        t._clean_texts, t._covered = self._clean_texts, self._covered
        t._caches = (t._stories,)
        t._flows_from = self
        t._no_runs = True
        return t

    def story_fit(self, doc, story_id: str):
        """(overset characters, characters of room left, the story's lines): the story alone flowed
        through its thread, as :meth:`layout` flows it (a story's flow depends on its frames and
        the wrap objects of their pages, not on the other stories)."""
        was_enabled = self._begin_pass(doc)
        try:
            story = doc.story(story_id)
            thread = doc.thread(story_id)
            if story is None or not thread or thread[0][0] is None:
                n = sum(b.length for b in story.blocks) if story is not None and not thread else 0
                return n, 0, []
            swatches = _swatches(doc)
            page_index = {p.id: i for i, p in enumerate(doc.pages)}
            exclusions: dict = {}
            geoms = []
            for p, f in thread:
                pi = page_index.get(p.id) if p is not None else None
                if pi is None:
                    continue
                if pi not in exclusions:
                    exclusions[pi] = _exclusions(p, doc)
                geoms.append(frame_geometry(f, p, pi, exclusions[pi]))
            parent = getattr(self, "_flows_from", None)
            if parent is not None:
                # the first variant starts from the editor's own flow of the story (its paragraphs)
                slot = (story.id, tuple((g.page_index, g.frame.id) for g in geoms), None)
                if self._stories.get(slot) is None:
                    got = parent._stories.get(slot)
                    if got is not None:
                        self._stories.put(slot, got, 1)
            res = self._flow_story(doc, story, geoms, swatches)
            lines = [ln for lns in res.lines.values() for ln in lns]
            return res.overset, (res.underset if not res.overset and geoms else 0), lines
        finally:
            self._end_pass(was_enabled)

    def _layout(self, doc) -> LayoutResult:
        from ..imagefile import link_folders
        self._link_folders = link_folders(doc.meta, self.base_dir)
        swatches = _swatches(doc)
        page_index = {p.id: i for i, p in enumerate(doc.pages)}
        exclusions = {i: _exclusions(p, doc) for i, p in enumerate(doc.pages)}
        per_frame: dict[tuple, list] = {}     # (page index, frame id) -> display items
        per_frame_lines: dict[tuple, list] = {}
        frame_lines: dict[int, list] = {}
        overset: list[Overset] = []
        underset: list = []
        missing: list = []

        # -- stories through their threads
        threads = doc.threads()
        per_story: list = []       # (story id, overset, underset, missing) in story order (relayout_story)
        text_frames: dict = {}     # story id -> its frames' keys (page index, frame id), as flowed
        fl_story: dict[int, list] = {}   # page index -> the story of each of its FrameLines
        serials: dict = {}         # story id -> the serial of the flow its pages were made of
        for story in doc.stories:
            thread = threads.get(story.id, [])
            if not thread or thread[0][0] is None:
                if not thread:
                    n = sum(len(b.text) for b in story.blocks)
                    if n:
                        overset.append(Overset(story.id, "", n, 0))
                continue
            geoms = []
            for p, f in thread:
                pi = page_index.get(p.id) if p is not None else None
                if pi is None:
                    continue
                geoms.append(frame_geometry(f, p, pi, exclusions[pi]))
            res = self._flow_story(doc, story, geoms, swatches)
            _concrete(res)
            for (pi, fid), items in res.items.items():
                per_frame.setdefault((pi, fid), []).extend(items)
            for (pi, fid), lines in res.lines.items():
                per_frame_lines.setdefault((pi, fid), []).extend(lines)
            for pi, fl in res.frames:
                frame_lines.setdefault(pi, []).append(fl)
                fl_story.setdefault(pi, []).append(story.id)
            o = u = None
            if res.overset:
                o = Overset(story.id, geoms[-1].frame.id if geoms else "", res.overset, res.overset_at)
                overset.append(o)
            elif geoms:
                u = (story.id, res.underset)
                underset.append(u)
            missing.extend(res.missing)
            per_story.append((story.id, o, u, res.missing))
            text_frames[story.id] = tuple((g.page_index, g.frame.id) for g in geoms)
            serials[story.id] = res.serial

        # -- pages: master items, then the page's own frames, in order
        pages = []
        named = self._named_runs
        self._named_runs = {}
        parts_of: dict[int, list] = {}    # page index -> its items in order: tuples, or a text frame's key
        for pi, page in enumerate(doc.pages):
            items = []
            lines = []
            parts = parts_of[pi] = []
            master = doc.master(page.master)
            frames = list(master.frames) if master else []
            for f in frames:
                if isinstance(f, TextFrame):
                    g = frame_geometry(f, page, pi, [])
                    story = doc.story(f.story) if f.story else None
                    if story is None:
                        continue
                    values = _placeholder_values(doc, page, pi)
                    res = self._flow_story(doc, story, [g], swatches, values)
                    for its in res.items.values():
                        items.extend(its)
                else:
                    items.extend(self._static_items(f, swatches))
            parts.append(tuple(items))
            for f in page.frames:
                if isinstance(f, TextFrame):
                    its = per_frame.get((pi, f.id), ())
                    lns = per_frame_lines.get((pi, f.id), ())
                    parts.append((pi, f.id))
                    out = self._named_runs[(pi, f.id)] = _named(named.get((pi, f.id)), lns, its, len(items))
                    lines.extend(out[2])
                    items.extend(its)
                else:
                    st = self._static_items(f, swatches)
                    parts.append(tuple(st))
                    items.extend(st)
            g = page.grid
            # the face table: the painters draw the page's runs from it, without a font registry
            faces = self.fonts.face_table_of(sorted({it.font for it in items if type(it) is GlyphRun}))
            pages.append(PageResult(
                page.id, pi, mm_to_pt(page.width), mm_to_pt(page.height), mm_to_pt(page.bleed),
                tuple(items), tuple(frame_lines.get(pi, ())), tuple(lines),
                mm_to_pt(page.margins.top + g.first_baseline), g.leading, g.body_size, faces))
        result = LayoutResult(tuple(pages), tuple(overset), tuple(missing), tuple(underset))
        self._assembly = {"result": result, "doc": doc, "shape": _shape(doc),
                          "parts": parts_of, "per_frame": per_frame, "per_frame_lines": per_frame_lines,
                          "frame_lines": frame_lines, "fl_story": fl_story, "per_story": per_story,
                          "text_frames": text_frames, "swatches": swatches, "serials": serials}
        return result

    def relayout_story(self, doc, prev: LayoutResult, story_id: str) -> LayoutResult:
        """The layout after an edit of one story's text (typing): see :meth:`_relayout_story`."""
        # the cyclic GC paused from the first allocation on, as for a whole layout: after an edit
        # that reflowed a long story, the checks before the pass began set off a full collection
        # (~60 ms over a 200k-character story's records) inside the keystroke
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._relayout_story(doc, prev, story_id)
        finally:
            if was_enabled:
                gc.enable()

    def _relayout_story(self, doc, prev: LayoutResult, story_id: str) -> LayoutResult:
        """The layout after an edit of one story's text or character formats (typing): only that
        story is flowed again (through the paragraph memo: from the edited paragraph on), and
        only the pages its frames are on are assembled again — the other pages' results are the
        previous ones, the same objects.  A story's flow depends on its own frames and the wrap
        objects of their pages, not on the other stories, so this is :meth:`layout`'s answer
        (tests/core/test_relayout_story.py holds it to a fresh layout).  Anything this cannot
        vouch for — another result, the pages or frames changed, a master's story, different
        swatches — gets the whole :meth:`layout`."""
        asm = getattr(self, "_assembly", None)
        story = doc.story(story_id)
        if (asm is None or asm["result"] is not prev or asm["doc"] is not doc or story is None
                or self._no_runs or story_id not in asm["text_frames"] or asm["shape"] != _shape(doc)):
            return self.layout(doc)
        swatches = _swatches(doc)
        if swatches != asm["swatches"]:
            return self.layout(doc)
        thread = doc.thread(story_id)
        page_index = {p.id: i for i, p in enumerate(doc.pages)}
        geoms = []
        exclusions: dict = {}
        for p, f in thread:
            pi = page_index.get(p.id) if p is not None else None
            if pi is None:
                return self.layout(doc)      # (a master's story: the masters are set per page)
            if pi not in exclusions:
                exclusions[pi] = _exclusions(p, doc)
            geoms.append(frame_geometry(f, p, pi, exclusions[pi]))
        keys = tuple((g.page_index, g.frame.id) for g in geoms)
        if keys != asm["text_frames"][story_id]:
            return self.layout(doc)          # (its thread changed: frames linked or unlinked)
        was_enabled = self._begin_pass(doc)
        try:
            res = self._flow_story(doc, story, geoms, swatches)
            # the other stories' flows stay as fresh in the cache as a whole layout keeps them
            for sid, frames in asm["text_frames"].items():
                if sid != story_id:
                    self._stories.get((sid, frames, None))
            per_frame = dict(asm["per_frame"])
            per_frame_lines = dict(asm["per_frame_lines"])
            for k in keys:
                per_frame[k] = res.items.get(k, ())       # (a list, or a FrameSeq read when needed)
                per_frame_lines[k] = res.lines.get(k, ())
            # frames wholly taken over from the flow the previous pages were made of: their
            # pages draw what they drew, only the story's offsets moved (ShiftedPage)
            moved = res.moved if res.moved and res.base == asm["serials"].get(story_id) else {}
            serials = dict(asm["serials"], **{story_id: res.serial})
            new_fl = {}
            for pi, fl in res.frames:
                new_fl.setdefault(pi, []).append(fl)
            frame_lines = dict(asm["frame_lines"])
            touched = sorted({pi for pi, _ in keys})
            for pi in touched:
                repl = iter(new_fl.get(pi, ()))
                frame_lines[pi] = [next(repl) if sid == story_id else fl
                                   for sid, fl in zip(asm["fl_story"][pi], asm["frame_lines"][pi])]
            pages = list(prev.pages)
            named = self._named_runs
            on_page: dict = {}          # page index -> the moves of the story's frames there
            for k in keys:
                on_page.setdefault(k[0], set()).add(moved.get(k))
            for pi in touched:
                ds = on_page[pi]
                if None not in ds and len(ds) == 1:
                    old, d = prev.pages[pi], ds.pop()
                    fr = tuple(frame_lines.get(pi, ()))
                    pages[pi] = old if not d and fr == old.frames else ShiftedPage.of(old, {story_id: d}, fr)
                    continue
                items: list = []
                lines: list = []
                for part in asm["parts"][pi]:
                    if type(part) is tuple and len(part) == 2 and type(part[0]) is int and type(part[1]) is str:
                        its = per_frame[part] = as_list(per_frame.get(part, ()))
                        lns = per_frame_lines[part] = as_list(per_frame_lines.get(part, ()))
                        if part in res.items and res.items[part] is not its:
                            res.items[part] = its       # (read once: the flow keeps the list, not
                        if part in res.lines and res.lines[part] is not lns:   # the moved-from records)
                            res.lines[part] = lns
                        out = named[part] = _named(named.get(part), lns, its, len(items))
                        lines.extend(out[2])
                        items.extend(its)
                    else:
                        items.extend(part)
                old = prev.pages[pi]
                faces = self.fonts.face_table_of(sorted({it.font for it in items if type(it) is GlyphRun}))
                pages[pi] = replace(old, items=tuple(items), frames=tuple(frame_lines.get(pi, ())),
                                    lines=tuple(lines), faces=faces)
            o = (Overset(story_id, geoms[-1].frame.id if geoms else "", res.overset, res.overset_at)
                 if res.overset else None)
            u = None if res.overset or not geoms else (story_id, res.underset)
            per_story = [(sid, o, u, res.missing) if sid == story_id else e
                         for e in asm["per_story"] for sid in (e[0],)]
            # the overset in story order: stories with no frame at all (wholly overset) as before
            lone = {x.story: x for x in prev.overset if x.story not in asm["text_frames"]}
            flowed = {sid: o for sid, o, _u, _m in per_story if o is not None}
            ordered = [x for st in doc.stories for x in (lone.get(st.id), flowed.get(st.id)) if x is not None]
            underset = [u for _sid, _o, u, _m in per_story if u is not None]
            missing = [x for _sid, _o, _u, m in per_story for x in m]
            result = LayoutResult(tuple(pages), tuple(ordered), tuple(missing), tuple(underset))
            asm = dict(asm, result=result, per_frame=per_frame, per_frame_lines=per_frame_lines,
                       frame_lines=frame_lines, per_story=per_story, serials=serials)
            self._assembly = asm
            return result
        finally:
            self._end_pass(was_enabled)

    def image_placements(self, doc) -> list:
        """The photos of the document's pages as the layout places them (the same image fit),
        without laying any text out — what an export can start converting at once."""
        from ..imagefile import link_folders
        self._link_folders = link_folders(doc.meta, self.base_dir)
        return [it for page in doc.pages for f in page.frames if isinstance(f, ImageFrame)
                for it in self._static_items(f, {}) if isinstance(it, ImagePlacement)]

    def _static_items(self, f, swatches):
        x, y, w, h = (mm_to_pt(v) for v in (f.x, f.y, f.w, f.h))
        if isinstance(f, RuleFrame):
            return [Rule(x, y, x + w, y + h, f.weight, swatches.get(f.color, BLACK), f.id)]
        if isinstance(f, BoxFrame):
            fill = None
            if f.fill:
                c = swatches.get(f.fill, BLACK)
                t = f.tint / 100.0
                fill = tuple(v * t for v in c)
            stroke = swatches.get(f.stroke, BLACK) if f.stroke and f.stroke_weight > 0 else None
            return [Box(x, y, w, h, stroke, f.stroke_weight, fill, f.id)]
        if isinstance(f, ImageFrame):
            info = self._image_info(f.path)
            if info is None:
                return [ImagePlacement(f.id, "", (x, y, w, h), x, y, w, h, 0, 0, 0.0, True)]
            full, size = info
            if size is None:
                return [ImagePlacement(f.id, full, (x, y, w, h), x, y, w, h, 0, 0, 0.0, True)]
            pw, ph = size
            fit = image_fit(f, pw, ph)
            return [ImagePlacement(f.id, full, fit.clip, fit.x, fit.y, fit.w, fit.h, pw, ph, fit.ppi, False)]
        return []

    # ------------------------------------------------------------ one story
    def _flow_story(self, doc, story, geoms, swatches, values=None):
        """Flow one story through its frames; reuses the last result when nothing it depends on changed."""
        blocks = story.blocks
        prepared = []
        # a story is composed for the direction of its first frame (纵中横 numbers are 1 em there)
        vertical = bool(geoms) and geoms[0].vertical
        styles = self._pass_styles
        vkey = tuple(sorted(values.items())) if values else None
        slot = (story.id, tuple((g.page_index, g.frame.id) for g in geoms), vkey)
        hit = self._stories.get(slot)
        # a paragraph of one plain run whose text (the same string) and style are as in the last
        # flow has the same ParaSpec: found by the block, without building its key (a keystroke
        # in a 2,000-paragraph story looks up one, not 2,000)
        known = hit[2] if hit is not None else {}
        specs_of: dict = {}
        per_style: dict = {}
        keys = []
        for block in blocks:
            sname = block.style
            st = per_style.get(sname)
            if st is None:
                style = styles.get(sname) or _default_style(sname)
                st = per_style[sname] = (style, *self._style_keys(style, swatches))
            style, sk_spec, sk_flow = st
            if values is not None:
                text = _fill(block.text, values)
                spec = self._spec(doc, block, style, swatches, text, vertical)
            else:
                text = None
                runs = block.runs
                r0 = runs[0] if len(runs) == 1 else None
                if r0 is not None and r0.style is None and r0.local is None:
                    e = known.get(id(block))
                    if e is not None and e[0] is block and e[1] is r0.text and e[2] == sk_spec and e[4] is vertical:
                        spec = e[3]
                    else:
                        spec = self._spec(doc, block, style, swatches, None, vertical)
                    specs_of[id(block)] = (block, r0.text, sk_spec, spec, vertical)
                else:
                    spec = self._spec(doc, block, style, swatches, None, vertical)
            prepared.append((block, style, spec, text))
            keys.append((spec, block.role, block.length, sk_flow))
        key = (tuple(keys), tuple(_geom_key(g) for g in geoms))
        if hit is not None and hit[0] == key:
            return hit[1]
        balance = bool(geoms) and getattr(geoms[-1].frame, "balance", False) and len(geoms[-1].columns) > 1
        # the previous flow's paragraphs, if it went through the same frames: reused where a
        # paragraph is unchanged and starts where it started then (a balanced story tries other depths)
        memo = {}
        same_frames = hit is not None and hit[0][1] == key[1]
        take = None
        if not balance and same_frames:
            memo = hit[1].blocks or {}
            if hit[1].starts is not None:
                take = _changed_span(hit[1], hit[0][0], key[0])
        # a balanced story is flowed twice (dry at full depth, then for real at the balanced
        # depth): each flow reuses the previous layout's paragraphs of the same kind and frames
        # (memos keyed by flow kind and geometry), so a keystroke recomposes from the edit on
        prev = (hit[1].memos or {}) if balance and same_frames else {}
        memos: dict = {}
        self._dry = balance            # the unbalanced flow is only looked at, unless it is the answer
        # an unbalanced story's next flow takes this one's records over by frame (``take``), not
        # through the memo: its entries keep no records of their own (no second copy to keep alive)
        self._lean = not balance
        try:
            res = self._flow_story_uncached(doc, story, geoms, prepared,
                                            prev.get(("dry", key[1]), {}) if balance else memo, take)
        finally:
            self._dry = False
            self._lean = False
        if balance:
            memos[("dry", key[1])] = res.blocks or {}
            res = self._balance(doc, story, geoms, prepared, res, prev, memos) \
                if not res.overset and res.underset > 0 \
                else self._real_flow(doc, story, geoms, prepared, prev, memos)
            # kept: the dry flow's paragraphs and those of the depth chosen (not the depths tried)
            res = replace(res, memos={k: v for k, v in memos.items() if k[0] == "dry" or k == res.geometry})
        # characters no bundled face has: they follow from the story's text, which the key holds
        res = replace(res, missing=tuple(self._missing(story)))
        # the superseded flow goes; its size estimated from the characters set (~_FLOW_B each)
        self._stories.put(slot, (key, res, specs_of), (512 + (_FLOW_B + 30) * sum(k[2] for k in key[0]))
                          * (2 if balance else 1))     # a balanced story keeps its dry flow's lines too
        return res

    def _missing(self, story):
        """(story, index, char) for characters no bundled face has."""
        clean = self._clean_texts
        texts = [t for t in (b.text for b in story.blocks) if not clean.get(t)]
        if not texts:
            return []               # every paragraph already known to be covered
        known = self._covered
        absent = {ch for t in texts for ch in t} - known      # (after a keystroke: one paragraph's)
        for ch in absent:
            if ch in "\n\r\t \u200b\u2028" or self.fonts.resolve("song", ch) is not None:
                known.add(ch)
        if absent <= known:
            for t in texts:
                clean.put(t, True, 100 + 4 * len(t))
            return []
        return [(story.id, i, ch) for i, ch in enumerate(story.text) if ch not in known]

    def _real_flow(self, doc, story, geoms, prepared, prev, memos):
        """A flow that builds the display list, through the previous layout's paragraphs set in
        exactly these frames (a balanced story's memo for this depth)."""
        gkey = ("real", tuple(_geom_key(g) for g in geoms))
        r = replace(self._flow_story_uncached(doc, story, geoms, prepared, prev.get(gkey, {})), geometry=gkey)
        memos[gkey] = r.blocks or {}
        return r

    def _balance(self, doc, story, geoms, prepared, res, prev=None, memos=None):
        """Balance the columns of the story's last frame: the shortest depth that still holds it all.

        The cells the unbalanced flow used, shared out over the columns, give the depth to
        start from (no balanced layout can be shallower); each try is a real flow, and the
        first that holds the story is the answer — usually the first.
        """
        last = geoms[-1]
        grid = last.grid
        ncols = len(last.columns)
        empty = Cursor([last])
        empty.start()
        rows_max = empty.cells_left() // ncols          # body lines a column of the frame holds
        first_top = last.grid_y0 + math.ceil((last.y0 - last.grid_y0) / grid - 1e-6) * grid
        colw = last.columns[0][1] - last.columns[0][0]
        per_line = max(1, int(round(colw / last.body_size)))
        rows_used = ncols * rows_max - res.underset / per_line
        rows = max(1, min(rows_max, math.ceil(rows_used / ncols - 1e-6)))
        while rows < rows_max:
            # exactly `rows` grid cells deep: the bottom of the rows-th cell (its text's descent)
            y1 = first_top + rows * grid - (grid - last.body_size) / 2 + 1e-3
            trial = replace(last, y1=min(last.y1, y1))
            r = self._real_flow(doc, story, geoms[:-1] + [trial], prepared, prev or {}, {} if memos is None else memos)
            if not r.overset:
                return replace(r, underset=res.underset)   # the room left is still the frame's
            rows += 1
        return self._real_flow(doc, story, geoms, prepared, prev or {}, {} if memos is None else memos)

    def _flow_story_uncached(self, doc, story, geoms, prepared, memo=None, take=None):
        """Flow the prepared paragraphs from the top of the first frame.

        With ``memo`` (the previous flow's paragraphs, see :meth:`_flow_block_memo`), a paragraph
        whose content is unchanged and whose cursor arrives where it arrived last time is not set
        again: its lines are taken over (moved in the story's text if an edit before it changed
        the length) — so after an edit only the paragraphs from the edit until the flow converges
        with the previous one (same frame, column and y) are recomposed.

        With ``take`` — (the previous flow through these frames, the first paragraph that
        changed, the first of the unchanged ones at the end, how many paragraphs were added,
        how many characters) — not even that: the paragraphs before the edit are the previous
        flow's as they are, and once a paragraph of the unchanged end starts where it started
        then, it and all after it are the previous flow's, moved (:class:`FrameSeq`, read only
        when the pages are) — a keystroke costs the paragraphs it changed, whatever the length.
        """
        out_items: dict = {}
        out_lines: dict = {}
        frame_ranges: dict = {}
        new_memo = {} if memo is not None else None
        starts = [] if memo is not None else None
        pre: dict = {}       # frame key -> (items, lines) taken over before this flow's own
        post: dict = {}      # frame key -> (items, lines) taken over after them
        moved: dict = {}     # frame key -> characters moved, for frames wholly taken over
        old_ranges = None
        cur = Cursor(geoms)
        cur.start()
        offset = 0
        overset = 0
        overset_at = 0
        first_bi = 0
        old = None
        if take is not None and memo is not None:
            old, head, tail_from, dblocks, dlen = take
            old_ranges = [(fl.first_char, fl.end_char) for _pi, fl in old.frames]
            if 0 < head < len(old.starts):
                # the paragraphs before the edit: the previous flow's, where they were
                mk, ni, nl = old.starts[head]
                fi = mk[4][0]
                for gi in range(fi):
                    k = (geoms[gi].page_index, geoms[gi].frame.id)
                    pre[k] = (old.items.get(k, ()), old.lines.get(k, ()))
                    moved[k] = 0
                    frame_ranges[k] = list(old_ranges[gi])
                k = (geoms[fi].page_index, geoms[fi].frame.id)
                pre[k] = (FrameSeq.of(old.items.get(k, []))[:ni], FrameSeq.of(old.lines.get(k, []))[:nl])
                cur.fi, cur.ci, cur.y, cur.region_top, cur.region_bottom_used = mk[4]
                starts.extend(old.starts[:head])
                self._keep_cached(old.starts[:head], memo)
                offset = sum(e[0].length + 1 for e in prepared[:head])
                first_bi = head
            conv_from = max(tail_from, first_bi)
        n_blocks = len(prepared)
        bi = first_bi
        while bi < n_blocks:
            block, style, spec, text = prepared[bi]
            if text is None:
                text = block.text
            block_start = offset
            offset += block.length + 1
            if overset or cur.done:
                overset += len(text)
                if not overset_at:
                    overset_at = block_start
                bi += 1
                continue
            if memo is None:
                res = self._flow_block(doc, story, block, style, spec, cur, block_start)
                bi += 1
                if res is None:
                    continue
                items, lines, left = res
                ranges = None
            else:
                state = (cur.fi, cur.ci, cur.y, cur.region_top, cur.region_bottom_used)
                if old is not None and bi >= conv_from:
                    bo = bi - dblocks
                    if bo < len(old.starts) and old.starts[bo][0][4] == state:
                        self._take_end(old, bo, bi, geoms, state, dlen, memo, new_memo, starts,
                                       pre, post, moved, out_items, out_lines, frame_ranges, old_ranges)
                        overset = old.overset
                        overset_at = old.overset_at + dlen if old.overset else 0
                        break
                k0 = (geoms[cur.fi].page_index, geoms[cur.fi].frame.id)
                p0 = pre.get(k0)
                ni = len(out_items.get(k0, ())) + (len(p0[0]) if p0 else 0)
                nl = len(out_lines.get(k0, ())) + (len(p0[1]) if p0 else 0)
                items, lines, left, ranges, mkey = self._flow_block_memo(
                    doc, story, block, style, spec, cur, block_start, memo, new_memo, state)
                starts.append((mkey, ni, nl))
                bi += 1
            for key, its in items.items():
                out_items.setdefault(key, []).extend(its)
            for key, lns in lines.items():
                out_lines.setdefault(key, []).extend(lns)
                if ranges is not None:
                    a, z = ranges[key]
                    r = frame_ranges.setdefault(key, [a, z])
                    r[0] = min(r[0], a)
                    r[1] = max(r[1], z)
                    continue
                for ln in lns:
                    r = frame_ranges.setdefault(key, [ln.start, ln.end])
                    r[0] = min(r[0], ln.start)
                    r[1] = max(r[1], ln.end)
            if left:
                overset += left[0]
                overset_at = left[1]
        else:
            old = None          # (no end taken over: the room left is this flow's)
        if take is not None and memo is not None:
            # the memo: the previous flow's, less the paragraphs set again, plus this flow's own
            # (the same dict: an entry holds for any flow through these frames — O(edit), not O(story))
            if old is not None:
                if self._no_runs:
                    memo = dict(memo)    # (a trial's flow starts from the editor's: never changes its memo)
                for e in take[0].starts[first_bi:bo]:
                    memo.pop(e[0], None)
                memo.update(new_memo)
                new_memo = memo
            elif first_bi:
                new_memo = {**{e[0]: memo[e[0]] for e in take[0].starts[:first_bi] if e[0] in memo}, **new_memo}
        if pre or post:
            out_items, out_lines = _joined(pre, post, out_items, out_lines, frame_ranges, moved)
        frames_out = []
        for g in geoms:
            key = (g.page_index, g.frame.id)
            r = frame_ranges.get(key, [0, 0])
            cols = (tuple((g.vx - g.y1, c[0], g.vx - g.y0, c[1]) for c in g.columns) if g.vertical
                    else tuple((c[0], g.y0, c[1], g.y1) for c in g.columns))
            frames_out.append((g.page_index, FrameLines(g.frame.id, story.id, cols, r[0], r[1])))
        self._serial += 1
        base = take[0].serial if take is not None and moved else None
        if old is not None:
            return StoryFlow(out_items, out_lines, frames_out, overset, overset_at, old.underset, new_memo,
                             starts=starts, moved=moved, serial=self._serial, base=base)
        underset = 0
        if not overset and geoms:
            # room left in the last frame, in body characters
            if not cur.done:
                g = geoms[cur.fi]
                colw = g.columns[0][1] - g.columns[0][0]
                underset = cur.cells_left() * int(round(colw / g.body_size)) if cur.fi == len(geoms) - 1 else 0
                if cur.fi < len(geoms) - 1:
                    underset = -1  # whole frames left empty: reported as a large underset below
                    rest = 0
                    for gi in range(cur.fi, len(geoms)):
                        gg = geoms[gi]
                        c2 = Cursor(geoms, gi, 0, gg.y0, gg.y0, gg.y0) if gi > cur.fi else cur
                        cw = gg.columns[0][1] - gg.columns[0][0]
                        rest += c2.cells_left() * int(round(cw / gg.body_size))
                    underset = rest
        # blocks: this flow's paragraphs only (the superseded ones go)
        return StoryFlow(out_items, out_lines, frames_out, overset, overset_at, underset, new_memo,
                         starts=starts, moved=moved or None, serial=self._serial, base=base)

    def _take_end(self, old, bo, bi, geoms, state, dlen, memo, new_memo, starts, pre, post, moved,
                  out_items, out_lines, frame_ranges, old_ranges):
        """The flow has converged at paragraph ``bi`` (the previous flow's ``bo``): it and every
        paragraph after it are the previous flow's, moved by ``dlen`` characters — in the
        cursor's frame after what this flow set there, in every later frame wholly."""
        fi = state[0]
        _mk, ni, nl = old.starts[bo]
        k = (geoms[fi].page_index, geoms[fi].frame.id)
        p0 = pre.get(k)
        have_i = len(out_items.get(k, ())) + (len(p0[0]) if p0 else 0)
        have_l = len(out_lines.get(k, ())) + (len(p0[1]) if p0 else 0)
        post[k] = (FrameSeq.of(old.items.get(k, []))[ni:].moved(dlen),
                   FrameSeq.of(old.lines.get(k, []))[nl:].moved(dlen))
        for gi in range(fi + 1, len(geoms)):
            kk = (geoms[gi].page_index, geoms[gi].frame.id)
            its, lns = old.items.get(kk), old.lines.get(kk)
            post[kk] = (FrameSeq.of(its).moved(dlen) if its else [], FrameSeq.of(lns).moved(dlen) if lns else [])
            moved[kk] = dlen
            a, z = old_ranges[gi]
            frame_ranges[kk] = [a + dlen, z + dlen] if lns else [a, z]
        # the paragraphs taken over: their memo entries, and where they start (the counts of
        # those in the converged frame now follow this flow's own records there)
        tail = old.starts[bo:]
        self._keep_cached(tail, memo)
        j = 0
        while j < len(tail) and tail[j][0][4][0] == fi:
            e = tail[j]
            tail[j] = (e[0], e[1] - ni + have_i, e[2] - nl + have_l)
            j += 1
        starts.extend(tail)

    def _keep_cached(self, starts, memo) -> None:
        """The paragraphs taken over stay as fresh in the caches as paragraphs set again: a later
        edit that moves them (a line added above) sets them from their composed lines."""
        # (half of them each pass, by their hash: an entry kept lives KEEP_PASSES passes)
        half = self._pass & 1
        starts = [e for e in starts if e[0][0]._hash & 1 == half]
        self._paras.touch([e[0][0] for e in starts])
        self._lines.touch([k for e in starts for k in memo.get(e[0], _NO_ENTRY)[6]])

    def _flow_block_memo(self, doc, story, block, style, spec, cur, block_start, memo, new_memo, state=None):
        """:meth:`_flow_block` through the previous flow's paragraphs.

        A paragraph's placement depends only on its content and style and on where the cursor
        stands (frame, column, y, region top and bottom) when it starts — the frames being the
        same — so that is the key; the entry keeps what it produced and where the cursor ended.
        Returns (items, lines, overset, per-frame story ranges, the memo key)."""
        if state is None:
            state = (cur.fi, cur.ci, cur.y, cur.region_top, cur.region_bottom_used)
        mkey = (spec, _style_key(style), block.role, block.length, state)
        e = memo.get(mkey)
        if e is not None and e[0] is not None:
            items, lines, left, end_state, built_at, ranges, used = e
            # keep the paragraph's cache entries alive: a later edit above may need them again
            self._paras.get(spec)
            for k in used:
                self._lines.get(k)
            d = block_start - built_at
            if d:
                items, lines, left, ranges = _moved(items, lines, left, ranges, d)
            cur.fi, cur.ci, cur.y, cur.region_top, cur.region_bottom_used = end_state
        else:
            used = self._used_keys = []
            try:
                res = self._flow_block(doc, story, block, style, spec, cur, block_start)
            finally:
                self._used_keys = None
            items, lines, left = res if res is not None else ({}, {}, None)
            ranges = {k: (min(ln.start for ln in v), max(ln.end for ln in v)) for k, v in lines.items() if v}
            lines = {k: v for k, v in lines.items() if v}
        lean = self._lean
        new_memo[mkey] = (None if lean else items, None if lean else lines, left,
                          (cur.fi, cur.ci, cur.y, cur.region_top, cur.region_bottom_used),
                          block_start, None if lean else ranges, tuple(dict.fromkeys(used)))
        return items, lines, left, ranges, mkey

    def _flow_block(self, doc, story, block, style, spec, cur: Cursor, block_start, _moves: int = 0):
        """Place one paragraph at the cursor. Returns a BlockFlow (items, lines, what did not fit).

        Three steps: the block rules move the cursor and say how the paragraph is set
        (:func:`flow.block_rules`, from the block's resolved style); its lines are placed in
        slots (heads kept together, grid heads on whole cells); :meth:`_emit` builds the display
        items and line records from the placement."""
        rb = resolve_block(block, style, spec)
        f0 = cur.frames[cur.fi]
        grid_pitch = f0.grid
        rules = block_rules(rb, cur)
        if rules is None:
            return BlockFlow({}, {}, (block.length, block_start))
        size, leading, on_grid, pad, span = rules.size, rules.leading, rules.on_grid, rules.pad, rules.span

        # ---- the slots this paragraph's lines will take
        # keep-together blocks: heads off the grid, or grid blocks with their own leading — not a
        # "head" longer than any column holds (each move to the next column set it again: a
        # 200,000-character kicker took > 20 s, bench/fuzz.py seeds 953 and 4589)
        # Only heads are kept together: an off-grid *paragraph* (a style with its own leading, a
        # caption, a vertical article) flows from column to column like body text — it used to be
        # kept together, so all but its first column's worth was lost as overset.
        keep = rules.keep
        slots_cache = []
        probe = cur.copy()

        def slot_at(k):
            while len(slots_cache) <= k:
                s = self._next_slot(probe, size, leading, on_grid, pad, span)
                if s is None:
                    return None
                slots_cache.append(s)
            return slots_cache[k]

        def measures(k):
            s = slot_at(k)
            return s.measure if s is not None else (slots_cache[-1].measure if slots_cache else 100.0)

        first = slot_at(0)
        if first is None:
            return BlockFlow({}, {}, (block.length, block_start))
        if not spec.chars:
            # an empty block (e.g. a headline for the editor to write) keeps its line
            cur.fi, cur.ci, cur.y = first.fi, first.ci, first.bottom
            cur.mark_used(first.bottom)
            if span:
                cur.region_top = cur.region_bottom_used = first.bottom
                cur.ci = 0
            self._after(cur, style)
            return BlockFlow({}, {}, None)
        p, lines = self._compose(spec, measures, first.measure)

        def place(together):
            out = []
            for k, ln in enumerate(lines):
                s = slot_at(k)
                if s is None:
                    break
                if together and k > 0 and (s.fi != slots_cache[0].fi or s.ci != slots_cache[0].ci):
                    # a head does not split across columns: start it in the next column
                    break
                out.append((ln, s))
            return out
        placed = place(keep)
        n_placed = len(placed)
        if keep and n_placed < len(lines) and n_placed > 0 and slots_cache[0].top > cur.frames[slots_cache[0].fi].y0 + 1e-6 \
                and _moves < min(MAX_HEAD_MOVES, sum(len(g.columns) for g in cur.frames)):
            # move the whole head to the next column and try again — a bounded number of times:
            # a spanning head wider than its region came back to the same place for ever
            # (RecursionError on a 300-space headline, bench/fuzz.py seed 222); past the bound
            # it is set where it is
            cur.next_column()
            if cur.done:
                return BlockFlow({}, {}, (block.length, block_start))
            return self._flow_block(doc, story, block, style, spec, cur, block_start, _moves + 1)
        if keep and n_placed < len(lines) and slot_at(n_placed) is not None:
            # longer than a column holds, or nowhere left to move it: the head flows on (split)
            # rather than losing its other lines as overset
            placed = place(False)
            n_placed = len(placed)
        # grid heads: whole multiples of the grid, lines centred in them
        end_y = placed[-1][1].bottom if placed else None
        if (placed and style.grid and not on_grid and not span
                and all((s_.fi, s_.ci) == (placed[0][1].fi, placed[0][1].ci) for _l, s_ in placed)):
            s0 = placed[0][1]
            g = cur.frames[s0.fi]
            top = s0.top
            bottom = placed[-1][1].bottom + style.space_after
            cells = max(1, math.ceil((bottom - top) / g.grid - 1e-6))
            k0 = math.ceil((top - g.grid_y0) / g.grid - 1e-6)
            cell_top = g.grid_y0 + k0 * g.grid
            if cell_top + cells * g.grid <= g.y1 + 1e-6:
                shift = cell_top + (cells * g.grid - len(placed) * leading) / 2 - top
                placed = [(ln, _shift(s_, shift)) for ln, s_ in placed]
                end_y = cell_top + cells * g.grid
        # commit the cursor to just after the last placed line
        if placed:
            last_s = placed[-1][1]
            if last_s.fi != cur.fi:
                cur.region_top = cur.frames[last_s.fi].y0
                cur.region_bottom_used = cur.region_top
            cur.fi, cur.ci, cur.y = last_s.fi, last_s.ci, end_y
            for _ln, s_ in placed:
                cur.fi, cur.ci = s_.fi, s_.ci
                cur.mark_used(s_.bottom)
            cur.mark_used(end_y)
            if span:
                cur.region_top = end_y
                cur.region_bottom_used = end_y
                cur.ci = 0
        # ---- display items
        items, lines_out = self._emit(p, placed, rb, story, block_start, cur, on_grid, grid_pitch)
        left = None
        if n_placed < len(lines):
            ln = lines[n_placed]
            src0 = p.items[ln.start].glyphs[0].src
            left = (block.length - src0, block_start + src0)
            cur.fi = len(cur.frames)
        else:
            self._after(cur, style)
        return BlockFlow(items, lines_out, left)

    def _emit(self, p, placed, rb, story, block_start, cur, on_grid, grid_pitch):
        """The display items (glyph runs, a ruled note's box) and line records of a paragraph's
        placed lines, per frame (nothing while balancing tries a depth)."""
        items: dict = {}
        lines_out: dict = {}
        size, role, spec, border = rb.size, rb.role, rb.spec, rb.border
        em = size
        for ln, s in (() if self._dry else placed):
            f = cur.frames[s.fi]
            key = (f.page_index, f.frame.id)
            if self._no_runs:
                runs = ()       # (a trial: its lines are looked at, its glyphs never drawn)
            elif f.vertical:
                boxes = []
                runs = _glyph_runs(p, ln, s, story.id, block_start, f.frame.id, role, spec, boxes)
                runs = _vertical_items(runs, boxes, p, ln, f.vx, self.fonts, block_start,
                                       f.vx - s.baseline + CENTRE * em)
            else:
                # placed again where it was placed before (a line added above moved it down or
                # up): the same runs and line record at the new baseline (shared glyph tuples)
                where = (s.x, s.measure, f.frame.id, s.ci, story.id, role, on_grid)
                got = ln.placed if spec.extras is None else None
                if got is not None and got[0] == where:
                    runs, info = _placed_again(got, s.baseline, block_start)
                    items.setdefault(key, []).extend(runs)
                    lines_out.setdefault(key, []).append(info)
                    continue
                runs = _glyph_runs(p, ln, s, story.id, block_start, f.frame.id, role, spec)
            items.setdefault(key, []).extend(runs)
            src0 = p.items[ln.start].glyphs[0].src
            src1 = p.items[ln.end - 1].glyphs[-1].src + 1
            set_x0 = s.x + ln.x_positions[0]
            last_it = ln.end - 1 - ln.start
            last_item = p.items[ln.end - 1]
            set_x1 = (s.x + ln.x_positions[-1] + last_item.width - ln.cuts[last_it][0] - ln.cuts[last_it][1]
                      + (ln.lspace[last_it] if ln.lspace else 0.0) * (len(last_item.glyphs) - 1)
                      + (ln.hyphen[1] if ln.hyphen else 0.0))
            info = LineInfo(f.frame.id, s.ci, story.id, role, s.x, s.x + s.measure,
                            f.vx - s.baseline + CENTRE * em if f.vertical else s.baseline,
                            block_start + src0, block_start + src1, ln.first, ln.last,
                            spec.align == "justify", on_grid and not f.vertical, spec.indent if ln.first else 0.0,
                            set_x0, set_x1, ln.last and ln.start > 0 and _is_orphan_line(p, ln.start, ln.end),
                            f.vertical)
            lines_out.setdefault(key, []).append(info)
            if not f.vertical and not self._no_runs and spec.extras is None:
                ln.placed = (where, tuple((r.font, r.size, r.color, r.xs, r.glyphs, r.text, r.advances,
                                           r.start - block_start, r.offsets, r.column, r.lcuts, r.widths)
                                          for r in runs), info, block_start)
        if border and placed:
            # the ruled box around each column's part of the paragraph
            groups = {}
            for ln, s in placed:
                groups.setdefault((s.fi, s.ci), []).append(s)
            for (fi, ci), ss in groups.items():
                f = cur.frames[fi]
                cx0, cx1 = f.columns[ci]
                top = ss[0].baseline - ASCENT * em - grid_pitch / 2 + (grid_pitch - em) / 2
                bottom = ss[-1].baseline + DESCENT * em + grid_pitch / 2 - (grid_pitch - em) / 2
                bw = border
                key = (f.page_index, f.frame.id)
                b = Box(cx0 + bw / 2, top, cx1 - cx0 - bw, bottom - top, BLACK, bw, None, f.frame.id)
                items.setdefault(key, []).insert(0, _turned_box(b, f.vx) if f.vertical else b)
            cur.y += grid_pitch / 2
        return items, lines_out

    def _after(self, cur, style):
        if style.space_after and not cur.done:
            cur.y += style.space_after

    def _next_slot(self, c: Cursor, size, leading, grid, pad, span):
        if span:
            f = c.frames[c.fi] if not c.done else None
            if f is None:
                return None
            top = c.y
            bottom = top + leading
            if top + (leading - size) / 2 + size > f.y1 + 1e-6:
                return None
            from .flow import Slot
            baseline = top + (leading - size) / 2 + ASCENT * size
            c.y = bottom
            c.mark_used(bottom)
            return Slot(c.fi, 0, f.x0, f.x1 - f.x0, baseline, top, bottom)
        return c.line_slot(size, leading, grid, pad)


def _concrete(res) -> None:
    """A flow's frames as lists (a whole layout reads them all): kept so in the flow, whose
    moved-from records then go."""
    for d in (res.items, res.lines):
        for k, v in d.items():
            if type(v) is FrameSeq:
                d[k] = v.list()


def _changed_span(old, old_keys, new_keys):
    """What ``_flow_story_uncached`` needs to take over the previous flow ``old`` (made of
    paragraphs ``old_keys``) for paragraphs ``new_keys``: (old, the first paragraph that
    differs, the first of the unchanged ones at the end, paragraphs added, characters added)."""
    n, m = len(new_keys), len(old_keys)
    lim = min(n, m)
    head = 0
    while head < lim and new_keys[head] == old_keys[head]:
        head += 1
    t = 0
    while t < lim - head and new_keys[n - 1 - t] == old_keys[m - 1 - t]:
        t += 1
    dlen = sum(k[2] for k in new_keys) + n - sum(k[2] for k in old_keys) - m
    return old, head, n - t, n - m, dlen


def _joined(pre, post, mid_items, mid_lines, frame_ranges, moved):
    """Each frame's records: what was taken over before this flow's own (``pre``), its own
    (``mid_*``), what was taken over after them (``post``).  A frame wholly taken over keeps
    the previous flow's records (a list or FrameSeq) with its range already moved; one made of
    parts becomes a FrameSeq over them, its range read from its line records."""
    items, lines = dict(mid_items), dict(mid_lines)
    for k in {**pre, **post}:
        a, z = pre.get(k), post.get(k)
        if k in moved:
            its, lns = a if a is not None else z
            if its:
                items[k] = its
            if lns:
                lines[k] = lns
            continue
        parts_i = [x for x in (a and a[0], mid_items.get(k), z and z[0]) if x]
        parts_l = [x for x in (a and a[1], mid_lines.get(k), z and z[1]) if x]
        if parts_i:
            items[k] = FrameSeq([seg for x in parts_i for seg in FrameSeq.of(x).segs])
        if parts_l:
            lines[k] = FrameSeq([seg for x in parts_l for seg in FrameSeq.of(x).segs])
            r = lines[k].line_range()
            frame_ranges[k] = list(r) if r is not None else [0, 0]
        else:
            lines.pop(k, None)
            frame_ranges.pop(k, None)
    return items, lines


def _moved(items, lines, left, ranges, d):
    """A paragraph's items and lines moved by ``d`` characters in the story's text."""
    new_items = {key: [moved_record(it, d) for it in its] for key, its in items.items()}
    new_lines = {key: [moved_record(ln, d) for ln in lns] for key, lns in lines.items()}
    if left:
        left = (left[0], left[1] + d)
    return new_items, new_lines, left, {k: (a + d, z + d) for k, (a, z) in ranges.items()}


def _shift(s, dy):
    from .flow import Slot
    return Slot(s.fi, s.ci, s.x, s.measure, s.baseline + dy, s.top + dy, s.bottom + dy)


def _shape(doc) -> tuple:
    """Everything but story text a page's display list depends on, for relayout_story to see
    that only text changed: every field of every page (size, grid, margins, master, its own
    报眉 fields) and of every frame (geometry, wrap, links, options), the stories there are,
    the document's fields — as values (nested objects by their repr), not references."""
    def snap(obj, skip=()):
        out = [type(obj).__name__]
        for fld in _fields(obj):
            if fld.name in skip:
                continue
            v = getattr(obj, fld.name)
            out.append(v if v is None or isinstance(v, (str, int, float, bool)) else repr(v))
        return tuple(out)
    return (tuple((snap(p, ("frames",)), tuple(snap(f) for f in p.frames)) for p in doc.pages),
            tuple(st.id for st in doc.stories), repr(sorted(doc.meta.items())))


def _named(hit, lines, items, base: int):
    """(lines as flowed, base, the lines with their runs named): as last time (``hit``) when
    they are the same line records at the same place — an unchanged story's flow comes from
    the cache — else named again."""
    if hit is not None and hit[1] == base and len(hit[0]) == len(lines) \
            and all(a is b for a, b in zip(hit[0], lines)):
        return hit
    return lines, base, _with_runs(lines, items, base)


def _swatches(doc) -> dict:
    """Swatch name → CMYK, with Black and Registration always there."""
    sw = {s.name: s.cmyk for s in doc.swatches}
    sw.setdefault("Black", BLACK)
    sw.setdefault("Registration", (1.0, 1.0, 1.0, 1.0))
    return sw


def _with_runs(lines, items, base: int):
    """A frame's lines with their glyph runs named: ``items`` is the frame's display list as
    flowed (appended at ``base`` of the page's items), holding each line's runs in line order,
    contiguous — a ruled box before a paragraph, emphasis dots after a line's runs.  A line's
    runs are the GlyphRuns from where the previous line's ended whose source lies in the line."""
    out = []
    k = 0
    n = len(items)
    for ln in lines:
        while k < n and (type(items[k]) is not GlyphRun or items[k].start < ln.start):
            k += 1
        a = k
        while k < n and type(items[k]) is GlyphRun and items[k].start < ln.end:
            k += 1
        out.append(tuple.__new__(LineInfo, (*ln[:-1], (base + a, base + k))))   # runs is LineInfo's last field
    return out


def _placed_again(got, baseline: float, block_start: int):
    """The glyph runs and line record of a composed line placed again where ``got`` (its
    ``Line.placed``) says it was placed: the same glyph tuples, at ``baseline``, its source
    moved to the paragraph's ``block_start``."""
    where, shapes, info, was_at = got
    _x, _m, frame_id, _ci, story_id, role, _g = where
    new = tuple.__new__
    runs = [new(GlyphRun, (font, size, color, baseline, xs, gl, tx, adv, story_id, block_start + s0, offs,
                           frame_id, ci, role, 1.0, lc, wd, (), 0))
            for font, size, color, xs, gl, tx, adv, s0, offs, ci, lc, wd in shapes]
    v = list(info)
    d = block_start - was_at
    v[6] = baseline
    v[7] += d
    v[8] += d
    return runs, new(LineInfo, v)


def _glyph_runs(p, ln, s, story_id, block_start, frame_id, role, spec, boxes=None):
    """GlyphRuns of one placed line: one per stretch of the same face, size and colour.
    ``boxes`` (a vertical frame's line): gets, per glyph, the left edge of its item's uncut em box."""
    runs = []
    items = p.items
    xpos = ln.x_positions
    cuts = ln.cuts
    lsp = ln.lspace
    sx = s.x
    seg = []            # (x, gid, ch, adv, src, lcut, width) of the current stretch
    seg_key = None
    unit_left = None    # left edge of the unit whose pieces follow (split units)

    def flush():
        face, size, color = seg_key
        xs, gl, tx, adv, src, lc, wd = zip(*seg)
        s0 = src[0]
        runs.append(GlyphRun(face, size, color, s.baseline, xs, gl, "".join(tx), adv,
                             story_id, block_start + s0, tuple(o - s0 for o in src),
                             frame_id, s.ci, role, 1.0, lc, wd))

    xt = spec.extras
    dots = []
    for idx in range(ln.end - ln.start):
        it = items[ln.start + idx]
        if it.kind == "break":
            continue
        lcut, rcut = cuts[idx]
        left = sx + xpos[idx] - lcut
        if xt is not None:
            x = xt[it.glyphs[0].src]
            if x is not None:
                left += x[2] * it.size          # horizontal shift: drawn only, the line stays
                if x[1]:                        # 着重号: a dot centred under each character
                    d = it.size * 0.16
                    for g in it.glyphs:
                        cx = left + g.dx + g.adv / 2
                        dots.append(Box(cx - d / 2, s.baseline + it.size * 0.2, d, d, None, 0.0,
                                        it.color, frame_id))
        key = (it.face, it.size, it.color)
        if key != seg_key:
            if seg:
                flush()
                seg = []
            seg_key = key
        glyphs = it.glyphs
        if it.ux:
            # a piece of a split unit: its glyphs' dx are relative to the unit's start; on the
            # line of the piece before it (and no letter-spacing) it keeps the unit's own origin
            if idx and unit_left is not None and lsp is None:
                left = unit_left
            else:
                left -= it.ux
            ls = lsp[idx] if lsp else 0.0
            for gi, g in enumerate(glyphs):
                seg.append((left + g.dx + gi * ls, g.gid, g.ch, g.adv, g.src, 0.0, g.adv))
            if boxes is not None:
                boxes.extend([left + g.dx + gi * ls for gi, g in enumerate(glyphs)])
            continue
        unit_left = left if it.kind == "unit" else None
        if len(glyphs) == 1:
            g = glyphs[0]
            seg.append((left + g.dx, g.gid, g.ch, g.adv, g.src, lcut - g.dx, it.width - lcut - rcut))
            if boxes is not None:
                boxes.append(left)
        else:
            ls = lsp[idx] if lsp else 0.0
            for gi, g in enumerate(glyphs):
                seg.append((left + g.dx + gi * ls, g.gid, g.ch, g.adv, g.src, 0.0, g.adv))
            if boxes is not None:
                boxes.extend([left + g.dx + gi * ls for gi, g in enumerate(glyphs)])
    if ln.hyphen and seg:
        # a hyphenated word: the added hyphen is drawn as U+00AD (soft hyphen, not in the copy)
        x, _gid, _ch, adv, src, _lc, wd = seg[-1]
        seg.append((x + adv, ln.hyphen[0], "\u00ad", ln.hyphen[1], src, 0.0, ln.hyphen[1]))
        if boxes is not None:
            boxes.append(x + adv)
    if seg:
        flush()
    return runs + dots if dots else runs


# ------------------------------------------------------------ vertical frames (竖排)

CENTRE = ASCENT - 0.5      # em: the centre of the ideographic em box above the baseline (0.38)
_ORIENT: dict = {}         # (font id, gid, char) -> (orientation, glyph drawn, its advance em)


def _orientation(fonts, font_id: str, gid: int, ch: str):
    """How a glyph stands in a vertical line: (UPRIGHT or ROTATED, glyph id drawn, advance em).
    A glyph the face turns with `vert` (、。，brackets, quotes as ﹃﹄, —— …… as vertical
    forms) and any wide (East Asian Width W/F) character stands upright; everything else —
    Latin, ASCII punctuation, numbers of three digits or more — lies turned 90° clockwise."""
    key = (font_id, gid, ch)
    v = _ORIENT.get(key)
    if v is None:
        face = fonts.face(font_id)
        sub = face.vert.get(gid)
        if sub is not None:
            v = (UPRIGHT, sub, face.advances[sub])
        elif gid and (unicodedata.east_asian_width(ch) in "WF" or "\u4e00" <= ch <= "\u9fff"):
            v = (UPRIGHT, gid, face.advances[gid])
        else:
            v = (ROTATED, gid, face.advances[gid] if gid < len(face.advances) else 0.0)
        _ORIENT[key] = v
    return v


def _vertical_items(items, boxes, p, ln, vx: float, fonts, block_start: int, cx: float):
    """A vertical frame's line, composed in the turned frame, as the page draws it.

    In the turned frame glyph i of a run lies at x = xs[i] along the line and the line's
    baseline at y; on the page the line's centre is at x = vx − y + 0.38 em and the glyph's em
    starts at page y = its box's x.  Upright glyphs are centred on that line (their baseline
    0.88 em below the em's top); rotated ones keep their place in the turned frame (origin at
    page (vx − y, x), baseline running down); 纵中横 digits are centred across the line inside
    their em.  A run is split where the orientation changes."""
    tcy = {}
    for it in p.items[ln.start:ln.end]:
        if it.kind == "han" and len(it.text) <= 2 and it.text.isascii() and it.text.isdigit():
            w = sum(g.adv for g in it.glyphs)
            for g in it.glyphs:
                tcy[g.src] = (g.src == it.glyphs[0].src, w)
    out = []
    k = 0
    for r in items:
        if type(r) is not GlyphRun:
            if type(r) is Box:
                # an emphasis dot (着重号): turned with the line, then to the right of the
                # character, where vertical text puts it (the turned frame has it on the left)
                t = _turned_box(r, vx)
                r = Box(2 * cx - t.x - t.w, t.y, t.w, t.h, t.stroke, t.stroke_width, t.fill, t.frame)
            out.append(r)
            continue
        n = len(r.glyphs)
        size = r.size
        segs = []          # per glyph: (orient, x, y, gid, adv, lcut, width)
        base = r.start - block_start        # paragraph index of the run's first glyph
        tcy_top = tcy_x = None
        for i in range(n):
            top = boxes[k + i]
            u = r.xs[i]
            lc = r.lcuts[i] if r.lcuts else 0.0
            wd = r.widths[i] if r.widths else r.advances[i]
            t = tcy.get(base + r.offsets[i]) if tcy else None
            if t is not None:
                # the first digit starts the number's em and its row of digits; the next follows it
                first, w = t
                if first or tcy_top is None:
                    tcy_top, tcy_x = top, cx - w / 2
                segs.append((TCY, tcy_x, tcy_top + ASCENT * size, r.glyphs[i], r.advances[i],
                             0.0, size if first else 0.0))
                tcy_x += r.advances[i]
                continue
            tcy_top = None
            o, gid, adv_em = _orientation(fonts, r.font, r.glyphs[i], r.text[i])
            if o == UPRIGHT:
                adv = adv_em * size
                segs.append((UPRIGHT, cx - adv / 2, top + ASCENT * size, gid, adv, u + lc - top, wd))
            else:
                segs.append((ROTATED, vx - r.y, u, r.glyphs[i], r.advances[i], lc, wd))
        k += n
        a = 0
        while a < n:
            b = a + 1
            while b < n and segs[b][0] == segs[a][0]:
                b += 1
            part = segs[a:b]
            o0 = r.offsets[a]
            out.append(GlyphRun(r.font, size, r.color, cx, tuple(g[1] for g in part), tuple(g[3] for g in part),
                                r.text[a:b], tuple(g[4] for g in part), r.story, r.start + o0,
                                tuple(o - o0 for o in r.offsets[a:b]), r.frame, r.column, r.role,
                                1.0, tuple(g[5] for g in part), tuple(g[6] for g in part),
                                tuple(g[2] for g in part), part[0][0]))
            a = b
    return out


def _turned_box(b, vx: float):
    """A box of the turned frame (a ruled note's frame, an emphasis dot) on the page."""
    return Box(vx - (b.y + b.h), b.x, b.h, b.w, b.stroke, b.stroke_width, b.fill, b.frame)


def _exclusions(page, doc):
    return page_exclusions(page)


def _placeholder_values(doc, page, index):
    """The 报眉 fields on this page: its own (Page.fields), else the document's; the cache
    slot of a master story is keyed by these values, so a page's own field is never stale."""
    from ..model.document import field_value
    return {k: field_value(doc, page, k, index) for k in PLACEHOLDERS}


def _fill(text, values):
    if "{" not in text:
        return text
    for k, v in values.items():
        text = text.replace("{" + k + "}", v)
    return text


def _style_key(s: ParagraphStyle):
    return (s.font, s.size, s.leading, s.indent, s.align, s.space_before, s.space_after, s.color,
            s.tracking, s.grid, s.span, s.border, s.keep_with_next)


def _geom_key(g):
    """A frame's part of a flow's cache key: its resolved geometry (hashable by value)."""
    return g


def _ps_key(s: ParagraphStyle):
    return (s.font, s.size, s.leading, s.indent, s.align, s.tracking, s.color)


def _cs_key(cs):
    return None if cs is None else (cs.font, cs.size, cs.color, cs.bold, cs.emphasis, cs.tracking, cs.shift)


def _local_key(f):
    return None if f is None else (f.font, f.size, f.color, f.bold, f.emphasis, f.tracking, f.shift)


def layout_document(doc, fonts=None, base_dir=None) -> LayoutResult:
    return Layouter(fonts, base_dir).layout(doc)
