"""The document model: plain dataclasses, no Qt, no reportlab.

Geometry is in millimetres relative to the page's trim box top-left corner;
type sizes, leading and rule weights in points.  Layout reads this model and
never changes it (DESIGN.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# ---------------------------------------------------------------- colours


@dataclass
class Swatch:
    """A CMYK swatch, values in percent (0–100).  RGB is refused by design."""
    name: str
    c: float = 0.0
    m: float = 0.0
    y: float = 0.0
    k: float = 0.0

    @property
    def cmyk(self) -> tuple[float, float, float, float]:
        """Fractions 0–1, as painters take them."""
        return (self.c / 100.0, self.m / 100.0, self.y / 100.0, self.k / 100.0)


REGISTRATION = "Registration"  # the colour on every plate (marks only)

# ---------------------------------------------------------------- styles

BLOCK_ROLES = ("kicker", "headline", "subtitle", "byline", "lead", "paragraph",
               "subhead", "note", "list", "caption", "credit", "title", "header")

ALIGNMENTS = ("justify", "left", "center", "right")


@dataclass
class ParagraphStyle:
    name: str
    font: str = "song"            # font id from the registry: song, hei, hei-bold, kai
    size: float = 9.0             # pt
    leading: float = 0.0          # pt; 0 = take the page's baseline grid
    indent: float = 0.0           # first-line indent in em
    align: str = "justify"
    space_before: float = 0.0     # pt
    space_after: float = 0.0      # pt
    color: str = "Black"          # swatch name
    tracking: float = 0.0         # extra space between characters, em (headlines)
    grid: bool = True             # body lines on the baseline grid; others take whole grid multiples
    span: bool = False            # span all columns of a multi-column frame (heads)
    border: float = 0.0           # pt; > 0 draws a ruled box around the paragraph (小编说 notes)
    keep_with_next: bool = False  # never leave it alone at the foot of a column (subheads)
    label: str = ""               # the editor's name for it, e.g. 正文
    #: automatic leading: > 0 makes ``leading`` follow the size (leading = size × ratio) when the
    #: size changes (commands.EditParagraphStyle); 0 = fixed leading (or the grid when leading is 0).
    #: ``leading`` stays the value the engine reads, so layouts without a ratio are unchanged.
    leading_ratio: float = 0.0

    @property
    def auto_leading(self) -> bool:
        return self.leading_ratio > 0

    def leading_problem(self) -> str | None:
        """Why this style's lines would overlap: a fixed leading smaller than the size."""
        if 0 < self.leading < self.size - 1e-6:
            return f"行距 {self.leading:g} pt 小于字号 {self.size:g} pt，行与行会叠压"
        return None


#: the face "bold" switches to (bundled faces: song, hei, hei-bold, kai); body 宋 and 楷
#: set bold become 黑, as newspapers do, and 黑 becomes 粗黑
BOLD_FACES = {"song": "hei", "kai": "hei", "hei": "hei-bold", "hei-bold": "hei-bold"}


@dataclass
class CharFormat:
    """Character formatting over the paragraph style; None leaves the value to the level below
    (paragraph style ← character style ← a run's local override)."""
    font: str | None = None
    size: float | None = None      # pt
    color: str | None = None       # swatch name (CMYK swatches only)
    bold: bool | None = None       # the face's bold (BOLD_FACES)
    emphasis: bool | None = None   # 着重号: a dot under each character
    tracking: float | None = None  # extra space after each character, em (字距)
    shift: float | None = None     # horizontal shift of the characters, em (drawn only; the line stays)


@dataclass
class CharacterStyle:
    name: str
    font: str | None = None
    size: float | None = None
    color: str | None = None
    label: str = ""
    bold: bool | None = None
    emphasis: bool | None = None
    tracking: float | None = None
    shift: float | None = None


CHAR_FIELDS = ("font", "size", "color", "bold", "emphasis", "tracking", "shift")


# ---------------------------------------------------------------- stories


@dataclass
class Run:
    text: str
    style: str | None = None      # character style name
    local: CharFormat | None = None   # local override (bold, colour … of a selection)


@dataclass
class Block:
    role: str
    style: str
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        runs = self.runs
        if len(runs) == 1:          # (most paragraphs: no join, the run's own string)
            return runs[0].text
        return "".join([r.text for r in runs])

    @property
    def length(self) -> int:
        """len(self.text), without joining the runs."""
        runs = self.runs
        if len(runs) == 1:
            return len(runs[0].text)
        return sum([len(r.text) for r in runs])


@dataclass
class Story:
    id: str
    name: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The story's characters, blocks separated by one newline."""
        return "\n".join(b.text for b in self.blocks)


# ---------------------------------------------------------------- frames


@dataclass
class Wrap:
    """Text wrap: text frames below this item lose the area it covers (+ offset, mm)."""
    mode: str = "none"            # none | box
    offset: float = 2.0           # mm


@dataclass
class FrameBase:
    id: str
    x: float
    y: float
    w: float
    h: float
    article: str | None = None
    wrap: Wrap = field(default_factory=Wrap)
    locked: bool = False          # the mouse cannot move or resize it (the editor shows a lock)

    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


@dataclass
class TextFrame(FrameBase):
    columns: int = 1
    gutter: float = 4.0           # mm between internal columns
    inset: float = 0.0            # mm on every side
    story: str | None = None      # set on the first frame of a thread
    next: str | None = None       # id of the next frame in the thread (any page)
    valign: str = "top"           # top | center (for heads)
    balance: bool = False         # balance the columns when the story ends in this frame (齐栏)
    caption_of: str | None = None  # id of the image frame this caption belongs to: it moves with the
    caption_gap: float = 1.0      # photo, takes its x and width and sits this many mm below it
    # 竖排: "vertical" sets the text in columns read top to bottom, right to left; the frame's
    # columns become bands stacked top to bottom (typeset/flow.py)
    direction: str = "horizontal"
    kind: str = "text"


@dataclass
class ImageFrame(FrameBase):
    path: str = ""                # relative to the layout file
    fit: str = "fill"             # fit | fill | none (crop at scale/offset)
    scale: float = 1.0            # for fit == "none": image pt per px at 72 dpi … × scale
    offset_x: float = 0.0         # mm, image origin relative to frame (fit == none)
    offset_y: float = 0.0
    kind: str = "image"


@dataclass
class RuleFrame(FrameBase):
    """A straight rule from (x, y) to (x + w, y + h); one of w, h is normally 0."""
    weight: float = 0.5           # pt
    color: str = "Black"
    kind: str = "rule"


@dataclass
class BoxFrame(FrameBase):
    stroke: str | None = "Black"
    stroke_weight: float = 0.5    # pt
    fill: str | None = None
    tint: float = 100.0           # percent of the fill swatch
    kind: str = "box"


Frame = Union[TextFrame, ImageFrame, RuleFrame, BoxFrame]


# ---------------------------------------------------------------- pages


@dataclass
class Margins:
    top: float = 20.0
    bottom: float = 20.0
    left: float = 20.0
    right: float = 20.0


@dataclass
class Grid:
    """The column grid, counted in body characters, and the baseline grid."""
    columns: int = 8
    column_chars: int = 13        # characters of body size per basic column
    gutter_chars: int = 1
    body_size: float = 9.0        # pt
    leading: float = 15.0         # pt: baseline-grid pitch = body leading
    first_baseline: float = 0.0   # mm below the top margin where the grid starts (0 = one body ascent)


@dataclass
class Guides:
    """Ruler guides the editor dragged onto a page (mm from the trim top-left); frames snap to them."""
    x: list[float] = field(default_factory=list)   # vertical guides at these x
    y: list[float] = field(default_factory=list)   # horizontal guides at these y


@dataclass
class Page:
    id: str
    name: str = ""
    width: float = 390.0          # trim, mm
    height: float = 540.0
    bleed: float = 3.0            # mm
    margins: Margins = field(default_factory=Margins)
    grid: Grid = field(default_factory=Grid)
    master: str | None = None
    frames: list[Frame] = field(default_factory=list)   # paint order: the last is in front
    guides: Guides = field(default_factory=Guides)
    #: this page's own 报眉 fields over the document's (``Document.meta``): the section (版名)
    #: and editor (责任编辑) differ from page to page while paper and date are the issue's.
    #: Keys are placeholder names (PLACEHOLDER_KEYS); a key left out, or empty, is the document's.
    fields: dict[str, str] = field(default_factory=dict)

    def frame(self, frame_id: str) -> Frame | None:
        for f in self.frames:
            if f.id == frame_id:
                return f
        return None


#: the 报眉 field codes a master's text may hold ({paper} …); {page} is the page's folio
#: (``Page.name``) unless the page sets its own 版次 in ``Page.fields``
PLACEHOLDER_KEYS = ("paper", "date", "page", "section", "editor", "weekday")


def field_value(doc: "Document", page: Page, key: str, index: int | None = None) -> str:
    """What field ``{key}`` says on ``page``: the page's own value, else the document's
    (for ``page``: the page's folio, else its position ``index`` + 1)."""
    v = page.fields.get(key)
    if v:
        return v
    if key == "page":
        return page.name or (str(index + 1) if index is not None else "")
    return doc.meta.get(key, "")


@dataclass
class Master:
    """Items repeated on every page that names this master (the 报眉)."""
    name: str
    frames: list[Frame] = field(default_factory=list)


@dataclass
class Article:
    """A group of frames moved as one (kicker, headline, body, photo, caption)."""
    id: str
    name: str = ""


@dataclass
class Document:
    pages: list[Page] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    paragraph_styles: list[ParagraphStyle] = field(default_factory=list)
    character_styles: list[CharacterStyle] = field(default_factory=list)
    swatches: list[Swatch] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    masters: list[Master] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)   # paper, date, section, editor, title …

    # -- look-ups (linear: documents hold tens of objects, not thousands)
    def story(self, story_id: str) -> Story | None:
        for s in self.stories:
            if s.id == story_id:
                return s
        return None

    def paragraph_style(self, name: str) -> ParagraphStyle | None:
        for s in self.paragraph_styles:
            if s.name == name:
                return s
        return None

    def character_style(self, name: str) -> CharacterStyle | None:
        for s in self.character_styles:
            if s.name == name:
                return s
        return None

    def swatch(self, name: str) -> Swatch | None:
        for s in self.swatches:
            if s.name == name:
                return s
        return None

    def master(self, name: str | None) -> Master | None:
        for m in self.masters:
            if m.name == name:
                return m
        return None

    def find_frame(self, frame_id: str) -> tuple[Page | None, Frame | None]:
        for p in self.pages:
            f = p.frame(frame_id)
            if f is not None:
                return p, f
        for m in self.masters:
            for f in m.frames:
                if f.id == frame_id:
                    return None, f
        return None, None

    def all_frames(self):
        """(page, frame) for every frame on every page (masters excluded)."""
        for p in self.pages:
            for f in p.frames:
                yield p, f

    def thread(self, story_id: str) -> list[tuple[Page | None, TextFrame]]:
        """The frames a story flows through, in order: first frame, then `next` links."""
        head = None
        for p in self.pages:
            for f in p.frames:
                if isinstance(f, TextFrame) and f.story == story_id:
                    head = (p, f)
                    break
            if head:
                break
        if head is None:
            for m in self.masters:
                for f in m.frames:
                    if isinstance(f, TextFrame) and f.story == story_id:
                        head = (None, f)
        if head is None:
            return []
        out = [head]
        seen = {head[1].id}
        nxt = head[1].next
        while nxt and nxt not in seen:
            p, f = self.find_frame(nxt)
            if not isinstance(f, TextFrame):
                break
            out.append((p, f))
            seen.add(nxt)
            nxt = f.next
        return out

    def threads(self) -> dict[str, list[tuple[Page | None, TextFrame]]]:
        """``{story id: self.thread(story id)}`` for every story with a frame, in one pass over
        the frames (the layout asks for every story's thread; one by one that was O(frames²))."""
        by_id: dict = {}
        heads: dict = {}
        for p in self.pages:
            for f in p.frames:
                by_id.setdefault(f.id, (p, f))
                if isinstance(f, TextFrame) and f.story not in heads:
                    heads[f.story] = (p, f)
        master_heads: dict = {}
        for m in self.masters:
            for f in m.frames:
                by_id.setdefault(f.id, (None, f))
                if isinstance(f, TextFrame):
                    master_heads[f.story] = (None, f)      # (the last, as thread() finds it)
        for sid, h in master_heads.items():
            heads.setdefault(sid, h)
        out = {}
        for sid, head in heads.items():
            chain = [head]
            seen = {head[1].id}
            nxt = head[1].next
            while nxt and nxt not in seen:
                p, f = by_id.get(nxt, (None, None))
                if not isinstance(f, TextFrame):
                    break
                chain.append((p, f))
                seen.add(nxt)
                nxt = f.next
            out[sid] = chain
        return out

    def placed_story_ids(self) -> set[str]:
        out = set()
        for _, f in self.all_frames():
            if isinstance(f, TextFrame) and f.story:
                out.add(f.story)
        return out

    def frames_of_article(self, article_id: str) -> list[tuple[Page, Frame]]:
        return [(p, f) for p, f in self.all_frames() if f.article == article_id]
