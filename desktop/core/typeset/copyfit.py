"""Copyfit (稿件适配): how far each story is from fitting its frames, and what would fix it.

For a story the engine reports the overset (溢出, characters that did not fit)
or the room left (欠, characters the last frame could still take), also in
body lines, and a ranked list of concrete remedies.  Every remedy is checked by
actually laying out the variant (applied as a command to a private copy of the
document, laid out, undone) — never an estimate alone — and carries the command
that applies it, so the editor applies it as one undoable step.

Remedies tried, in the order an editor reaches for them:

* 框高 ±k 行 — the thread's last frame taller or shorter by whole grid lines
  (the smallest k that fits, and the largest that still leaves nothing overset);
* 标题小/大一号 — the story's headline one 号 smaller (when over) or larger
  (when short);
* ±1 栏 — the last frame one page column wider or narrower, one frame column more
  or fewer;
* 图片小一栏 — a photo of the same article one page column narrower (aspect kept);
* 删/加 N 字 — cut or add copy: the smallest N (found by laying out truncated or
  padded copy) that makes it fit; a piece of advice, not a command.

A remedy "fits" when nothing is overset and the last column is short by at most
one line.  Fitting remedies come first, then by how little they change the page.
No Qt, no reportlab here.
"""
from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# (the commands module is imported where a remedy is made: preflight reads fit_state, and the
# export's preflight paid ~28 ms importing commands it never used)
if TYPE_CHECKING:
    from ..commands import Command
from ..model.document import Block, Document, ImageFrame, Run, TextFrame
from ..model.units import HAO_SIZES, MM_PER_PT
from .layout import HEAD_ROLES, Layouter

FILLER = "中"      # one body character, for 'add N 字' trials


@dataclass(frozen=True)
class FitState:
    """Where a story stands: ``over`` characters overset, or ``short`` characters of room left."""
    over: int = 0
    short: int = 0
    line_chars: int = 0          # body characters per line of the story's last frame (0: unknown)
    tolerance: int = 1           # lines short that still count as full: 1, or one per column when
                                 # the last frame balances its columns (the room is spread over them)

    @property
    def lines_over(self) -> int:
        return math.ceil(self.over / self.line_chars) if self.line_chars and self.over else 0

    @property
    def lines_short(self) -> int:
        return self.short // self.line_chars if self.line_chars else 0

    @property
    def fits(self) -> bool:
        return self.over == 0 and self.lines_short <= self.tolerance

    def describe(self) -> str:
        if self.over:
            return f"溢出 {self.over} 字（约 {self.lines_over} 行）"
        if self.lines_short > self.tolerance:
            return f"欠 {self.short} 字（约 {self.lines_short} 行）"
        return "正好"

    def as_dict(self) -> dict:
        return {"over": self.over, "short": self.short, "line_chars": self.line_chars,
                "lines_over": self.lines_over, "lines_short": self.lines_short, "fits": self.fits}


@dataclass(frozen=True)
class Remedy:
    kind: str                    # frame_height | headline_size | columns | photo | cut | add
    label: str                   # what an editor reads, e.g. "框高 +3 行"
    result: FitState             # the story after the remedy, as laid out
    change: float                # how much of the page it changes (ranking; smaller first)
    command: Command | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "result": self.result.as_dict(),
                "applicable": self.command is not None}


@dataclass(frozen=True)
class StoryFit:
    story: str
    name: str
    state: FitState
    remedies: tuple[Remedy, ...]

    def as_dict(self) -> dict:
        return {"story": self.story, "name": self.name, "state": self.state.as_dict(),
                "remedies": [r.as_dict() for r in self.remedies]}


# ------------------------------------------------------------------ measuring


def thread_frames(doc: Document, story_id: str) -> list[tuple[int, TextFrame]]:
    """(page index, frame) of the story's thread, in reading order."""
    first = None
    by_id = {}
    for pi, page in enumerate(doc.pages):
        for f in page.frames:
            if isinstance(f, TextFrame):
                by_id[f.id] = (pi, f)
                if f.story == story_id and first is None:
                    first = (pi, f)
    out, seen = [], set()
    cur = first
    while cur is not None and cur[1].id not in seen:
        out.append(cur)
        seen.add(cur[1].id)
        cur = by_id.get(cur[1].next) if cur[1].next else None
    return out


def fit_state(result, story_id: str, last_frame: TextFrame | None = None) -> FitState:
    over = sum(o.chars for o in result.overset if o.story == story_id)
    short = sum(n for s, n in result.underset if s == story_id)
    return _state(over, short, (l for p in result.pages for l in p.lines if l.story == story_id), last_frame)


def _state(over: int, short: int, lines, last_frame: TextFrame | None) -> FitState:
    # body characters per line: the widest line count of the story's body lines in its last frame
    counts = [l.end - l.start for l in lines
              if l.role in ("paragraph", "lead") and not l.last and not l.first
              and (last_frame is None or l.frame == last_frame.id)]
    line_chars = max(counts) if counts else 0
    tolerance = max(1, last_frame.columns) if last_frame is not None and last_frame.balance else 1
    return FitState(over, short, line_chars, tolerance)


class _Trial:
    """Lays out variants of one private copy of the document (do → flow the story → undo).

    Only the story is flowed (Layouter.story_fit: its flow depends on its own frames and the
    wrap objects of their pages, not on the other stories), by a trial Layouter that shares
    the editor's composed paragraphs but not its story flows (Layouter.trial)."""

    def __init__(self, doc: Document, layouter: Layouter, story_id: str, last_frame: TextFrame | None):
        self.doc = doc
        self.layouter = layouter
        self.story_id = story_id
        self.last_frame = last_frame

    def state(self) -> FitState:
        over, short, lines = self.layouter.story_fit(self.doc, self.story_id)
        return _state(over, short, lines, self.last_frame)

    def with_command(self, cmd: Command) -> FitState | None:
        try:
            cmd.do(self.doc)
        except Exception:
            return None
        try:
            return self.state()
        finally:
            cmd.undo(self.doc)

    def with_text_delta(self, delta: int) -> FitState:
        """The story with ``-delta`` characters cut from its end (delta < 0) or ``delta`` added."""
        story = next(s for s in self.doc.stories if s.id == self.story_id)
        old = story.blocks
        story.blocks = edited_blocks(old, delta)
        try:
            return self.state()
        finally:
            story.blocks = old


def edited_blocks(blocks: list[Block], delta: int, filler: str = FILLER) -> list[Block]:
    """Copies of ``blocks`` with ``-delta`` characters cut from the end (delta < 0), or ``delta``
    characters of ``filler`` (cycled) added to the last block (delta > 0)."""
    blocks = [copy.copy(b) for b in blocks]
    if delta > 0 and blocks:
        last = blocks[-1]
        pad = (filler * (delta // max(1, len(filler)) + 1))[:delta]
        blocks[-1] = Block(last.role, last.style, list(last.runs) + [Run(pad)])
    elif delta < 0:
        cut = -delta
        while cut > 0 and blocks:
            b = blocks[-1]
            n = len(b.text)
            if n <= cut:
                blocks.pop()
                cut -= n + 1
            else:
                text = b.text[:n - cut]
                blocks[-1] = Block(b.role, b.style, [Run(text, b.runs[0].style if b.runs else None)])
                cut = 0
    return blocks


# ------------------------------------------------------------------ remedies


def _grid_pitch_mm(doc: Document, page_index: int) -> float:
    return doc.pages[page_index].grid.leading * MM_PER_PT


def _column_pitch_mm(doc: Document, page_index: int) -> float:
    g = doc.pages[page_index].grid
    return (g.column_chars + g.gutter_chars) * g.body_size * MM_PER_PT


def _frame_height_remedies(trial: _Trial, state: FitState, pi: int, frame: TextFrame) -> list[Remedy]:
    from ..commands import ResizeFrame
    pitch = _grid_pitch_mm(trial.doc, pi)
    cols = max(1, frame.columns)
    out = []
    if state.over:
        need = max(1, math.ceil(state.lines_over / cols)) if state.line_chars else 1
        for k in range(max(1, need - 1), need + 4):
            cmd = ResizeFrame(frame.id, frame.x, frame.y, frame.w, frame.h + k * pitch)
            res = trial.with_command(cmd)
            if res is not None and res.over == 0:
                out.append(Remedy("frame_height", f"框高 +{k} 行", res, k, cmd))
                break
    elif not state.fits:
        k = max(1, state.lines_short // cols)
        best = None
        for kk in range(k + 1, 0, -1):
            if frame.h - kk * pitch <= pitch:
                continue
            cmd = ResizeFrame(frame.id, frame.x, frame.y, frame.w, frame.h - kk * pitch)
            res = trial.with_command(cmd)
            if res is not None and res.over == 0:
                best = Remedy("frame_height", f"框高 −{kk} 行", res, kk, cmd)
                break
        if best:
            out.append(best)
    return out


def hao_step(size: float, smaller: bool) -> float | None:
    sizes = sorted(set(HAO_SIZES.values()))
    if smaller:
        cands = [s for s in sizes if s < size - 1e-6]
        return cands[-1] if cands else None
    cands = [s for s in sizes if s > size + 1e-6]
    return cands[0] if cands else None


def _headline_remedies(trial: _Trial, state: FitState) -> list[Remedy]:
    from ..commands import AddParagraphStyle, Compound, SetBlockStyle
    doc = trial.doc
    story = next(s for s in doc.stories if s.id == trial.story_id)
    out = []
    for bi, b in enumerate(story.blocks):
        if b.role != "headline" or not b.text:
            continue
        st = doc.paragraph_style(b.style)
        if st is None:
            continue
        new_size = hao_step(st.size, smaller=state.over > 0)
        if new_size is None:
            continue
        name = f"{st.name}@{new_size:g}"
        variant = copy.deepcopy(st)
        variant.name, variant.size = name, new_size
        if st.leading:
            variant.leading = st.leading * new_size / st.size
        cmds = [] if doc.paragraph_style(name) is not None else [AddParagraphStyle(variant)]
        cmds.append(SetBlockStyle(trial.story_id, bi, style=name))
        cmd = Compound(cmds, "标题" + ("小一号" if state.over else "大一号"))
        res = trial.with_command(cmd)
        if res is not None:
            out.append(Remedy("headline_size", cmd.text, res, 2.0, cmd))
        break
    return out


def _column_remedies(trial: _Trial, state: FitState, pi: int, frame: TextFrame) -> list[Remedy]:
    from ..commands import Compound, ResizeFrame, SetFrameProps
    if frame.columns < 1:
        return []
    step = _column_pitch_mm(trial.doc, pi)
    sign = 1 if state.over else -1
    if sign < 0 and frame.columns <= 1:
        return []
    page = trial.doc.pages[pi]
    new_w = frame.w + sign * step
    if new_w <= 0 or frame.x + new_w > page.width - page.margins.right + 1e-6:
        return []
    cmd = Compound([ResizeFrame(frame.id, frame.x, frame.y, new_w, frame.h),
                    SetFrameProps(frame.id, columns=frame.columns + sign)],
                   "加一栏" if sign > 0 else "减一栏")
    res = trial.with_command(cmd)
    return [] if res is None else [Remedy("columns", cmd.text, res, 3.0, cmd)]


def _photo_remedies(trial: _Trial, state: FitState, article: str | None) -> list[Remedy]:
    from ..commands import ResizeFrame
    if not article or not state.over:
        return []
    out = []
    for pi, page in enumerate(trial.doc.pages):
        for f in page.frames:
            if isinstance(f, ImageFrame) and f.article == article:
                step = _column_pitch_mm(trial.doc, pi)
                if f.w - step <= step / 2:
                    continue
                new_w = f.w - step
                cmd = ResizeFrame(f.id, f.x, f.y, new_w, f.h * new_w / f.w)
                cmd.text = "图片小一栏"
                res = trial.with_command(cmd)
                if res is not None:
                    out.append(Remedy("photo", "图片小一栏", res, 4.0, cmd))
    return out


def _copy_remedy(trial: _Trial, state: FitState) -> list[Remedy]:
    """The smallest cut (over) or the largest addition (short) that fits — laid out.

    The answer is nearly always next to the story's own figure (cutting the N characters
    overset, adding the N of room left), so the search starts there and widens its steps
    (1, 2, 4 … characters) away from it before bisecting: two layouts in the usual case."""
    states: dict = {}

    def at(delta):
        if delta not in states:
            states[delta] = trial.with_text_delta(delta)
        return states[delta]

    if state.over:
        ok = lambda n: at(-n).over == 0           # noqa: E731 — cutting n characters fits
        n = _boundary(ok, max(1, state.over), smallest=True)
        return [Remedy("cut", f"删 {n} 字", at(-n), 5.0 + n / 1000)]
    if not state.fits:
        ok = lambda n: at(n).over == 0            # noqa: E731 — adding n characters fits
        n = _boundary(ok, max(1, state.short), smallest=False)
        if n > 0:
            return [Remedy("add", f"加 {n} 字", at(n), 5.0 + n / 1000)]
    return []


def _boundary(ok, guess: int, smallest: bool, limit: int = 1_000_000) -> int:
    """Where ``ok`` changes, searched from ``guess`` by steps doubling away from it, then by
    bisection.  smallest=True: ok is false below some n and true from there on (and false at
    0) — the smallest n with ok(n).  smallest=False: ok is true up to some n and false beyond
    (and true at 0) — the largest such n."""
    good = ok(guess)
    if smallest:
        bad_side, good_side = (0, guess) if good else (guess, None)
    else:
        good_side, bad_side = (guess, None) if good else (0, guess)
    # widen from the guess until both sides are known
    step = 1
    while True:
        if smallest and good_side is None:          # not yet fitting: cut more
            c = min(limit, bad_side + step)
            if ok(c):
                good_side = c
            else:
                bad_side = c
                if c >= limit:
                    return c
        elif not smallest and bad_side is None:     # still fitting: add more
            c = min(limit, good_side + step)
            if ok(c):
                good_side = c
                if c >= limit:
                    return c
            else:
                bad_side = c
        else:                                       # narrow in from the guess's side
            if abs(good_side - bad_side) <= 1:
                return good_side
            c = good_side - step if smallest else good_side + step
            if (c <= bad_side) if smallest else (c >= bad_side):
                break
            if ok(c):
                good_side = c
            else:
                bad_side = c
                break
        step *= 2
    while abs(good_side - bad_side) > 1:
        mid = (good_side + bad_side) // 2
        if ok(mid):
            good_side = mid
        else:
            bad_side = mid
    return good_side


# ------------------------------------------------------------------ entry points


def copyfit_story(doc: Document, story_id: str, *, layouter: Layouter | None = None,
                  base_dir=None, result=None, trial_layouter: Layouter | None = None) -> StoryFit:
    """The fit of one story and its ranked remedies (the document is not changed)."""
    story = next((s for s in doc.stories if s.id == story_id), None)
    if story is None:
        raise KeyError(f"no story {story_id!r}")
    layouter = layouter or Layouter(base_dir=base_dir)
    thread = thread_frames(doc, story_id)
    last = thread[-1] if thread else None
    if result is None:
        result = layouter.layout(doc)
    state = fit_state(result, story_id, last[1] if last else None)
    if last is None:
        return StoryFit(story_id, story.name, state, ())
    work = copy.deepcopy(doc)
    pi, _ = last
    frame = next(f for f in work.pages[pi].frames if f.id == last[1].id)
    trial = _Trial(work, trial_layouter or layouter.trial(), story_id, frame)
    remedies: list[Remedy] = []
    if not state.fits:
        remedies += _frame_height_remedies(trial, state, pi, frame)
        remedies += _headline_remedies(trial, state)
        remedies += _column_remedies(trial, state, pi, frame)
        remedies += _photo_remedies(trial, state, frame.article)
        remedies += _copy_remedy(trial, state)
    remedies.sort(key=lambda r: (not r.result.fits, r.result.over > 0, r.change))
    return StoryFit(story_id, story.name, state, tuple(remedies))


def copyfit(doc: Document, *, page: int | None = None, layouter: Layouter | None = None,
            base_dir=None) -> list[StoryFit]:
    """Every placed story (on ``page`` only, if given) with its fit and remedies."""
    layouter = layouter or Layouter(base_dir=base_dir)
    result = layouter.layout(doc)
    trials = layouter.trial()
    out = []
    for story in doc.stories:
        thread = thread_frames(doc, story.id)
        if not thread:
            continue
        if page is not None and all(pi != page for pi, _ in thread):
            continue
        if all(b.role in HEAD_ROLES for b in story.blocks):
            # a head-only story (a headline frame) has no copy to fit
            continue
        out.append(copyfit_story(doc, story.id, layouter=layouter, result=result, trial_layouter=trials))
    return out
