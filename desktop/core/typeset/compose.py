"""Lines: itemize a paragraph, choose all its breaks together, place glyphs.

Follows TYPOGRAPHY.md:
- items are boxes (a Han character, a punctuation mark with its compressible
  halves, an unbreakable unit: a number, a Latin word, ——, ……) joined by glue
  (natural width, shrink, stretch, and a priority class);
- the breaks of a whole paragraph are chosen by dynamic programming over the
  legal break candidates (kinsoku tables in breaking.py), where a line's cost
  grows with how far it had to shrink or stretch, weighted by the class order
  of clreq (先挤压、后拉伸), and a one-character last line costs a penalty;
- placement distributes each line's shrink or stretch by class and records
  every glyph's final x.  Glyphs are never scaled.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from dataclasses import dataclass, field

from .breaking import (
    ASCII_TO_FULLWIDTH, CLOSING, DASHES, ELLIPSES, INTERPUNCT, NEVER_END, NEVER_START,
    OPENING, PAUSE, POSTFIXES, PREFIXES, SHARED_QUOTES, STOP, STRICT_NEVER_START_UNITS,
    UNIT_JOINERS, in_chinese_context, is_alnum, is_han, unit_breaks, url_end,
)

INF = float("inf")

# Shrink classes, in the order clreq shrinks them (cheapest first), with the
# cost per em of shrink.  Index = class id.
SHRINK_LINEEND, SHRINK_SPACE, SHRINK_INTERPUNCT, SHRINK_BRACKET, SHRINK_PAUSE, SHRINK_CL, SHRINK_STOP = range(7)
SHRINK_COST = (0.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
N_SHRINK = len(SHRINK_COST)
# Stretch classes: word spaces, Chinese–Latin gaps, then every gap evenly.
STRETCH_SPACE, STRETCH_CL = range(2)
STRETCH_COST = (2.0, 3.0)
EVEN_COST = 40.0           # per em of total even spacing added to a line
EVEN_SQUARE = 400.0        # per (em per gap)² — spacing Han apart is dear
ORPHAN_PENALTY = 10_000.0
STRETCH_WINDOW = 2.5
HEAD_PUNCT_BONUS = 40.0    # em²: a ragged line (a head) ending at ，。 or before “《 reads better
PRUNE = 150.0              # a partial path this much dearer than the best with as many lines is dropped
GREEDY_ITEMS = 10_000      # a paragraph longer than this (no newspaper has one) is broken first-fit,
                           # in time linear in its length: the search looks at every break of every
                           # line start, which for 200,000 characters of a head took 20 s
FORCED_BREAK_PENALTY = 1e6
LINE_BREAK = "\u2028"      # forced line break inside a paragraph (heads: Shift+Enter)
OVERFULL_PENALTY = 1e7
# Breaks inside a long Latin unit (breaking.unit_breaks): after / . - _ @ ? & = in a URL,
# e-mail or identifier; at a dictionary hyphenation point (a hyphen is added); as the last
# resort between any two characters.  Each costs this much on top of the line's own cost.
# An English word is broken between letters only when nothing else avoids an overfull line.
BREAK_PENALTY = {"url": 20.0, "hyphen": 60.0, "emergency": 1500.0, "emergency_word": 5e5}
EVEN_CAP = 0.25           # em per gap of even stretch: more is a loose line (checks.py's threshold) ...
LOOSE_PENALTY = 3000.0    # ... dearer than a last-resort break inside a code or URL, cheaper than an orphan
RIGID = -2                 # stretch_class of the glue between the pieces of a unit: never stretched


@dataclass(slots=True)
class Glyph:
    ch: str          # character drawn (after full-width substitution)
    src: int         # source index in the paragraph text
    gid: int
    adv: float       # pt: font advance × size, never scaled
    dx: float        # pt: glyph origin relative to the item's uncut left edge


@dataclass(slots=True)
class Item:
    glyphs: list
    face: str
    size: float
    color: tuple
    width: float       # natural width, pt (before cuts)
    lcut: float        # compressible blank on the left (pt)
    rcut: float        # compressible blank on the right (pt)
    lclass: int        # shrink class of lcut
    rclass: int        # shrink class of rcut
    lfixed: float = 0.0   # mandatory cut applied (adjacent marks), pt
    rfixed: float = 0.0
    kind: str = "han"  # han | punct | unit | dash | other
    opening: bool = False
    can_end_line: bool = True     # a mark that may hang its right half at line end
    text: str = ""
    ux: float = 0.0    # a piece of a unit split at its break opportunities: its offset in the unit (glyph dx are unit-relative)


@dataclass(slots=True)
class Glue:
    natural: float
    shrink: float
    shrink_class: int
    stretch: float
    stretch_class: int      # -1 = only the even class
    is_space: bool = False  # a real space character: dropped at a break


@dataclass(slots=True)
class Line:
    start: int   # item range [start, end)
    end: int
    x_positions: list    # per item, pt from the line's left edge, of the item's cut left edge
    cuts: list           # per item (lcut, rcut) applied, pt
    width: float         # set width, pt
    measure: float
    justified: bool
    first: bool
    last: bool
    lspace: list = None  # per item: extra space between the glyphs of a unit (last resort), pt
    hyphen: tuple = None # (gid, advance pt) of a hyphen drawn after the last item (a hyphenated word)
    # where the layout last placed this line, with its glyph runs' shapes and its line record —
    # see layout._placed_again (a paragraph moved down a line draws the same glyphs at another y)
    placed: tuple = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Paragraph:
    items: list
    glues: list          # glues[k] between items[k] and items[k+1]
    can_break: list      # can_break[k]: a break after item k is legal
    size: float
    extra: dict = None   # k -> (penalty, hyphen gid, hyphen advance pt): a break inside a unit after item k
    forced: tuple = ()   # indices of forced line breaks (a line ends after each)


class ParaSpec:
    """What composing one paragraph depends on (also the cache key; its hash is computed once)."""
    __slots__ = ("chars", "indent", "align", "tracking", "strict", "extras", "vertical", "_hash")

    def __init__(self, chars: tuple, indent: float, align: str, tracking: float, strict: bool = True,
                 extras: tuple | None = None, vertical: bool = False):
        self.chars = chars          # ((ch, face, size, color), ...) after font resolution
        self.indent = indent        # pt
        self.align = align
        self.tracking = tracking    # em
        self.strict = strict
        # per character (tracking em, emphasis dots, horizontal shift em) or None; None for the
        # whole paragraph when no character carries any (the common case, and the sample's)
        self.extras = extras
        # set for a vertical frame (竖排): a number of one or two ASCII digits is one upright
        # em (纵中横) instead of a unit of its glyphs' advances
        self.vertical = vertical
        self._hash = hash((chars, indent, align, tracking, strict) if extras is None and not vertical
                          else (chars, indent, align, tracking, strict, extras, vertical))

    def __hash__(self):
        return self._hash

    def __eq__(self, other):
        return self is other or (isinstance(other, ParaSpec) and self._hash == other._hash
                                 and self.chars == other.chars and self.indent == other.indent
                                 and self.align == other.align and self.tracking == other.tracking
                                 and self.strict == other.strict and self.extras == other.extras
                                 and self.vertical == other.vertical)


# ---------------------------------------------------------------- itemize

def _punct_kind(ch):
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    if ch in PAUSE:
        return "pause"
    if ch in STOP:
        return "stop"
    if ch in INTERPUNCT or ch == "·":
        return "inter"
    return None


class _GlyphInfo:
    """(glyph id, advance in em, has glyph) per (face, character), shared by every paragraph."""
    __slots__ = ("memo", "registry")

    def __init__(self, registry):
        self.registry = registry
        self.memo = {}

    def __call__(self, face_id, ch):
        key = (face_id, ch)
        v = self.memo.get(key)
        if v is None:
            face = self.registry.face(face_id)
            gid = face.glyph_id(ch)
            adv = face.advance(ch)
            v = (gid or 0, adv if adv is not None else 0.0, gid is not None)
            self.memo[key] = v
        return v


def glyph_info(registry) -> _GlyphInfo:
    gi = getattr(registry, "_banmian_glyph_info", None)
    if gi is None:
        gi = _GlyphInfo(registry)
        try:
            registry._banmian_glyph_info = gi
        except AttributeError:
            pass
    return gi


def itemize(spec: ParaSpec, registry) -> Paragraph:
    chars = spec.chars
    ginfo = glyph_info(registry)
    text = "".join(c[0] for c in chars)
    n = len(chars)
    items: list[Item] = []
    spaces_before: list[bool] = []   # whether a space separated this item from the previous
    i = 0
    pending_space = False
    pieces = {}                      # k -> why a break after item k falls inside a unit
    memo = ginfo.memo
    add_item, add_space = items.append, spaces_before.append
    _Item, _Glyph = Item, Glyph
    while i < n:
        ch, face_id, size, color = chars[i]
        if "\u4e00" <= ch <= "\u9fff":
            # fast path: a Han character is a 1-em box with nothing to compress
            v = memo.get((face_id, ch)) or ginfo(face_id, ch)
            adv = (v[1] or 1.0) * size
            add_item(_Item([_Glyph(ch, i, v[0], adv, 0.0)], face_id, size, color, adv, 0.0, 0.0, 0, 0,
                           0.0, 0.0, "han", False, True, ch))
            add_space(pending_space)
            pending_space = False
            i += 1
            continue
        em = size
        if ch in (" ", "\t", "\u00a0"):
            pending_space = True
            i += 1
            continue
        if ch == LINE_BREAK:
            # forced line break (Shift+Enter): a zero-width item the line must end after
            add_item(_Item([_Glyph(ch, i, 0, 0.0, 0.0)], face_id, size, color, 0.0, 0.0, 0.0, 0, 0,
                           kind="break", text=ch))
            add_space(pending_space)
            pending_space = False
            i += 1
            continue
        disp = ch
        if ch in ASCII_TO_FULLWIDTH and in_chinese_context(text, i):
            disp = ASCII_TO_FULLWIDTH[ch]
        # -- units: —— ……
        if ch in DASHES or ch in ELLIPSES:
            j = i
            while j < n and chars[j][0] == ch:
                j += 1
            glyphs = []
            draw = "\u2015" if ch == "\u2014" and ginfo(face_id, "\u2015")[1] == 1.0 else ch
            gid, adv_em, _ = ginfo(face_id, draw)
            adv = (adv_em or 1.0) * em
            # each glyph's slot is its real advance (⸺ is 1.69–2 em in our faces), at least 1 em
            slot = max(adv, em)
            for k in range(i, j):
                glyphs.append(Glyph(draw, k, gid, adv, (k - i) * slot + (slot - adv) / 2))
            items.append(Item(glyphs, face_id, size, color, (j - i) * slot, 0.0, 0.0, 0, 0, kind="dash", text=text[i:j]))
            spaces_before.append(pending_space)
            pending_space = False
            i = j
            continue
        # -- Latin words and numbers (with prefix/postfix): one unbreakable unit
        if is_alnum(ch) or (ch in PREFIXES and i + 1 < n and chars[i + 1][0].isdigit()):
            j = i + 1
            while j < n:
                c = chars[j][0]
                if is_alnum(c):
                    j += 1
                elif c in UNIT_JOINERS and j + 1 < n and is_alnum(chars[j + 1][0]) and not (
                        c in ",:" and not (chars[j - 1][0].isdigit() and chars[j + 1][0].isdigit())):
                    j += 1
                elif c in POSTFIXES:
                    j += 1
                else:
                    break
            if ch.isascii():
                j = max(j, url_end(text, i))
            glyphs = []
            x = 0.0
            for k in range(i, j):
                c, fid, sz, _ = chars[k]
                gid, adv_em, _ = ginfo(fid, c)
                adv = (adv_em or 0.5) * sz
                glyphs.append(Glyph(c, k, gid, adv, x))
                x += adv
            utext = text[i:j]
            if spec.vertical and j - i <= 2 and utext.isascii() and utext.isdigit():
                # 纵中横: set like a Han character, one em long; the digits side by side (layout
                # centres them across the line)
                items.append(Item(glyphs, face_id, size, color, em, 0.0, 0.0, 0, 0, kind="han", text=utext))
                spaces_before.append(pending_space)
                pending_space = False
                i = j
                continue
            cuts = unit_breaks(utext, x / em) if x > 2.0 * em else ()
            if cuts:
                # pieces joined by rigid glue; a break between them costs its penalty
                prev = 0
                prev_why = None
                for pos, why in list(cuts) + [(len(utext), None)]:
                    gs = glyphs[prev:pos]
                    x0 = gs[0].dx
                    w = (gs[-1].dx + gs[-1].adv) - x0
                    it = Item(gs, face_id, size, color, w, 0.0, 0.0, 0, 0, kind="unit", text=utext[prev:pos], ux=x0)
                    if prev:
                        pieces[len(items) - 1] = prev_why
                    items.append(it)
                    spaces_before.append(pending_space if not prev else False)
                    prev, prev_why = pos, why
                pending_space = False
                i = j
                continue
            items.append(Item(glyphs, face_id, size, color, x, 0.0, 0.0, 0, 0, kind="unit", text=utext))
            spaces_before.append(pending_space)
            pending_space = False
            i = j
            continue
        # -- single characters: Han, punctuation, symbols
        kind = _punct_kind(disp)
        gid, adv_em, _ = ginfo(face_id, disp)
        adv = (adv_em or 1.0) * em
        if kind is not None:
            # full-width box of 1 em whatever the font says (shared quotes)
            if disp in SHARED_QUOTES or adv < em * 0.99:
                if kind == "open":
                    dx = em - adv
                elif kind == "inter":
                    dx = (em - adv) / 2
                else:
                    dx = 0.0
            else:
                dx = 0.0
            width = em if adv <= em * 1.001 else adv
            if kind == "open":
                it = Item([Glyph(disp, i, gid, adv, dx)], face_id, size, color, width, em / 2, 0.0, SHRINK_BRACKET, 0, kind="punct", opening=True)
            elif kind == "close":
                it = Item([Glyph(disp, i, gid, adv, dx)], face_id, size, color, width, 0.0, em / 2, 0, SHRINK_BRACKET, kind="punct")
            elif kind == "pause":
                it = Item([Glyph(disp, i, gid, adv, dx)], face_id, size, color, width, 0.0, em / 2, 0, SHRINK_PAUSE, kind="punct")
            elif kind == "stop":
                it = Item([Glyph(disp, i, gid, adv, dx)], face_id, size, color, width, 0.0, em / 2, 0, SHRINK_STOP, kind="punct")
            else:  # interpunct: ¼ em each side
                it = Item([Glyph(disp, i, gid, adv, dx)], face_id, size, color, width, em / 4, em / 4, SHRINK_INTERPUNCT, SHRINK_INTERPUNCT, kind="punct", can_end_line=False)
        else:
            k = "han" if is_han(disp) or adv >= em * 0.99 else "other"
            it = Item([Glyph(disp, i, gid, adv, 0.0)], face_id, size, color, adv, 0.0, 0.0, 0, 0, kind=k)
        it.text = disp
        items.append(it)
        spaces_before.append(pending_space)
        pending_space = False
        i += 1

    # -- adjacent marks take 1.5 em: cut one blank half (mandatory)
    for k in range(len(items) - 1):
        a, b = items[k], items[k + 1]
        if a.kind == "punct" and b.kind == "punct" and not spaces_before[k + 1]:
            if a.rcut > 0 and not a.opening and _punct_kind(a.text) != "inter":
                a.rfixed = a.rcut
                a.rcut = 0.0
            elif b.opening and b.lcut > 0:
                b.lfixed = b.lcut
                b.lcut = 0.0

    # -- glue and break candidates
    glues: list[Glue] = []
    can_break: list[bool] = []
    plain = {}   # size -> the glue between two Han characters (shared: glue is never mutated)
    extra = None
    xt = spec.extras
    for k in range(len(items) - 1):
        a, b = items[k], items[k + 1]
        if a.kind == "break" or b.kind == "break":
            glues.append(Glue(0.0, 0.0, 0, 0.0, -1))
            can_break.append(a.kind == "break")      # after a forced break, never before it
            continue
        why = pieces.get(k) if pieces else None
        if why is not None:
            glues.append(_RIGID_GLUE)
            can_break.append(True)
            if extra is None:
                extra = {}
            if why == "hyphen":
                hv = ginfo(a.face, "-")
                extra[k] = (BREAK_PENALTY[why], hv[0], (hv[1] or 0.33) * a.size)
            else:
                extra[k] = (BREAK_PENALTY[why], 0, 0.0)
            continue
        if xt is not None and not spaces_before[k + 1]:
            x = xt[a.glyphs[-1].src]
            if x is not None and x[0]:
                # character tracking (字距) after a's last character
                g = Glue((spec.tracking + x[0]) * min(a.size, b.size), 0.0, 0, 0.0, -1)
                glues.append(g)
                can_break.append(_break_between(a, b, spec.strict))
                continue
        if (a.kind == "han" and b.kind == "han" and not spaces_before[k + 1]
                and b.text not in NEVER_START and a.text not in NEVER_END):
            g = plain.get(a.size)
            if g is None:
                g = plain[a.size] = Glue(spec.tracking * a.size, 0.0, 0, 0.0, -1)
            glues.append(g)
            can_break.append(True)
            continue
        em = min(a.size, b.size)
        track = spec.tracking * em
        if spaces_before[k + 1]:
            cjk_both = (a.kind in ("han", "punct") and b.kind in ("han", "punct"))
            if cjk_both:
                g = Glue(em, em / 2, SHRINK_SPACE, em / 2, STRETCH_SPACE, True)
            else:
                g = Glue(em / 3, em / 3 - em / 4, SHRINK_SPACE, em / 2 - em / 3, STRETCH_SPACE, True)
        elif (a.kind == "han" and b.kind == "unit") or (a.kind == "unit" and b.kind == "han"):
            g = Glue(em / 4 + track, em / 8, SHRINK_CL, em / 4, STRETCH_CL)
        else:
            g = Glue(track, 0.0, 0, 0.0, -1)
        glues.append(g)
        if g.is_space:
            ok = not (a.text and a.text[-1] in NEVER_END) and not (b.text and b.text[0] in NEVER_START)
        else:
            ok = _break_between(a, b, spec.strict)
        can_break.append(ok)
    forced = tuple(k for k, it in enumerate(items) if it.kind == "break") if LINE_BREAK in text else ()
    return Paragraph(items, glues, can_break, chars[0][2] if chars else 9.0, extra, forced)


_RIGID_GLUE = Glue(0.0, 0.0, 0, 0.0, RIGID)


def _break_between(a: Item, b: Item, strict: bool) -> bool:
    at = a.text or "".join(g.ch for g in a.glyphs)
    bt = b.text or "".join(g.ch for g in b.glyphs)
    if not at or not bt:
        return True
    if bt[0] in NEVER_START or at[-1] in NEVER_END:
        return False
    if b.kind == "dash" or b.kind == "unit" and bt[0] in "…⋯":
        return not strict
    if strict and bt.startswith(STRICT_NEVER_START_UNITS):
        return False
    if a.kind == "unit" and b.kind == "unit":
        return False   # two units with no space between (should not happen) stay together
    return True


# ---------------------------------------------------------------- break choice

class _Prefix:
    """Prefix sums over items/glues: a candidate line's width, total shrink and stretch in O(1).

    Shrink per class is only needed for lines that must shrink (a few per paragraph), so
    figures() adds those up over the line's own items instead of keeping seven more tables.
    """

    def __init__(self, p: Paragraph):
        items, glues = p.items, p.glues
        n = len(items)
        self.n = n
        self.total = 0.0     # cost of the last break_lines search
        ng = len(glues)
        s0 = [0.0] * ng
        s1 = [0.0] * ng
        for k, gl in enumerate(glues):
            c = gl.stretch_class
            if c == 0:
                s0[k] = gl.stretch
            elif c == 1:
                s1[k] = gl.stretch
        w = list(accumulate([it.width - it.lfixed - it.rfixed for it in items], initial=0.0))
        g = list(accumulate([gl.natural for gl in glues], initial=0.0))
        g.append(0.0)
        self.w, self.g = w, g
        self.gst = (list(accumulate(s0, initial=0.0)) + [0.0], list(accumulate(s1, initial=0.0)) + [0.0])
        # e[j]: natural width of items[0:j] with the glue between them; ts/tg: total item/glue shrink
        self.e = [0.0] + [w[j] + g[j - 1] for j in range(1, n + 1)]
        self.ts = list(accumulate([it.lcut + it.rcut for it in items], initial=0.0))
        self.tg = list(accumulate([gl.shrink for gl in glues], initial=0.0))
        self.tg.append(0.0)
        # nf[k]: how many of glues[0:k] may stretch (the rigid joins inside a unit may not)
        if p.extra:
            self.nf = list(accumulate([gl.stretch_class != RIGID for gl in glues], initial=0)) + [0]
        else:
            self.nf = None

    def figures(self, p: Paragraph, i: int, j: int):
        """Natural width, shrink per class, stretch per class, even gaps of line [i, j)."""
        nat = self.w[j] - self.w[i] + self.g[j - 1] - self.g[i]
        shrink = [0.0] * N_SHRINK
        items, glues = p.items, p.glues
        for k in range(i, j):
            it = items[k]
            if it.lcut:
                shrink[it.lclass] += it.lcut
            if it.rcut:
                shrink[it.rclass] += it.rcut
        for k in range(i, j - 1):
            gl = glues[k]
            if gl.shrink:
                shrink[gl.shrink_class] += gl.shrink
        gst = self.gst
        stretch = [gst[0][j - 1] - gst[0][i], gst[1][j - 1] - gst[1][i]]
        first, last = items[i], items[j - 1]
        if first.opening and first.lcut:           # opening bracket at line start loses its left half
            nat -= first.lcut
            shrink[first.lclass] -= first.lcut
        if last.rcut and last.can_end_line:        # a line-end mark may go to ½ em first
            shrink[last.rclass] -= last.rcut
            shrink[SHRINK_LINEEND] += last.rcut
        return nat, shrink, stretch, self.gaps(i, j)

    def gaps(self, i: int, j: int) -> int:
        """Gaps of line [i, j) that take even stretch; a line of unit pieces only spaces its pieces."""
        nf = self.nf
        return j - 1 - i if nf is None else (nf[j - 1] - nf[i]) or (j - 1 - i)

    def stretch_cost(self, i: int, j: int, diff: float, em: float) -> float:
        """_line_cost for a justified non-last line that must stretch by diff (> 0)."""
        gst = self.gst
        need = diff
        cost = 0.0
        for c in (0, 1):
            cap = gst[c][j - 1] - gst[c][i]
            if cap > 0:
                use = cap if cap < need else need
                cost += use / em * STRETCH_COST[c]
                need -= use
                if need <= 1e-9:
                    return cost
        gaps = self.gaps(i, j)
        if gaps <= 0:
            return 5000.0 + need / em * 100 + LOOSE_PENALTY
        per = need / gaps / em
        return cost + need / em * EVEN_COST + per * per * EVEN_SQUARE * gaps + (LOOSE_PENALTY if per > EVEN_CAP else 0.0)


def _line_cost(nat, shrink, stretch, gaps, measure, em, justify, last, align):
    """Cost of setting a line of natural width nat in measure; INF if it cannot fit."""
    diff = measure - nat
    if diff < -1e-6:
        need = -diff
        total = sum(shrink)
        if need > total + 1e-6:
            return INF
        cost = 0.0
        for c in range(N_SHRINK):
            if need <= 0:
                break
            use = min(need, shrink[c])
            cost += use / em * SHRINK_COST[c]
            need -= use
        return cost
    if not justify or last:
        if align == "justify" or align == "left" and last:
            return 0.0
        slack = diff / em
        return slack * slack
    need = diff
    cost = 0.0
    for c in range(2):
        if need <= 1e-9:
            break
        use = min(need, stretch[c])
        cost += use / em * STRETCH_COST[c]
        need -= use
    if need > 1e-9:
        if gaps <= 0:
            return 5000.0 + need / em * 100 + LOOSE_PENALTY
        per = need / gaps / em
        cost += need / em * EVEN_COST + per * per * EVEN_SQUARE * gaps
        if per > EVEN_CAP:
            cost += LOOSE_PENALTY
    return cost


def _is_orphan_line(p: Paragraph, i: int, j: int) -> bool:
    """A last line holding a single Han/alphanumeric character (plus punctuation)."""
    count = 0
    for k in range(i, j):
        it = p.items[k]
        if it.kind == "han":
            count += 1
        elif it.kind == "unit":
            count += sum(1 for g in it.glyphs if g.ch.isalnum())
        elif it.kind in ("dash", "other"):
            count += 2
    return count <= 1


def break_lines(p: Paragraph, measures, indent: float, align: str) -> list[tuple[int, int, float]]:
    """All breaks of the paragraph; pruned search first, the full one if that ends in an orphan."""
    pre = _Prefix(p)
    memo = []

    def measure_of(k):          # the caller's measures() walks the flow: ask it once per line
        while len(memo) <= k:
            memo.append(measures(len(memo)))
        return memo[k]
    if len(p.items) > GREEDY_ITEMS:
        return _greedy_breaks(p, measure_of, indent, pre)
    out = _break_lines(p, measure_of, indent, align, PRUNE, pre)
    if len(out) > 1 and (_is_orphan_line(p, out[-1][0], out[-1][1]) or pre.total >= LOOSE_PENALTY):
        # an orphan or a loose line: the pruned search may have dropped the path that avoids it
        out = _break_lines(p, measure_of, indent, align, INF, pre)
    return out


def _greedy_breaks(p: Paragraph, measures, indent: float, pre) -> list[tuple[int, int, float]]:
    """First fit: each line takes as many items as fit (fully shrunk) up to a legal break; the
    same legality and fit test as the search, each item looked at about once."""
    n = len(p.items)
    W, G, E, TS, TG = pre.w, pre.g, pre.e, pre.ts, pre.tg
    items, can_break, forced = p.items, p.can_break, p.forced
    out = []
    i = 0
    while i < n:
        k = len(out)
        measure = measures(k)
        end_at = n
        if forced:
            x = bisect_left(forced, i)
            if x < len(forced):
                end_at = forced[x] + 1
        ind = first_indent(p, indent) if i == 0 else 0.0
        first = items[i]
        open_cut = first.lcut if (first.opening and first.lcut) else 0.0
        base = W[i] + G[i] - ind + open_cut
        best = last_fit = None
        j = i + 1
        while j <= min(n, end_at):
            if E[j] - base - (TS[j] - TS[i]) - (TG[j - 1] - TG[i]) + open_cut > measure + 1e-6:
                break
            last_fit = j
            if j == n or j == end_at or can_break[j - 1]:
                best = j
            j += 1
        j = best or last_fit or i + 1
        out.append((i, j, measure))
        i = j
    pre.total = 0.0
    return out


def _measure_at(ms, measures, k):
    while len(ms) <= k:
        ms.append(measures(len(ms)))
    return ms[k]


def _break_lines(p: Paragraph, measures, indent: float, align: str, prune: float, pre) -> list[tuple[int, int, float]]:
    """Choose all breaks of the paragraph: [(start, end, measure), ...].

    measures(k) gives the measure of line k (pt).  Dynamic programming over
    break candidates; state = item index, with the line number carried along
    the best path (lines of one column share a measure, so this is exact
    there).  Candidates are looked at inside a window around the measure
    (found by bisection on the prefix widths); lines needing more than
    STRETCH_WINDOW em of stretch are only tried when the window has none.
    """
    n = len(p.items)
    if n == 0:
        return []
    W, G, E, TS, TG = pre.w, pre.g, pre.e, pre.ts, pre.tg
    S0, S1 = pre.gst
    ms = []
    inv_em = 1.0 / p.size
    c_space, c_cl, c_even = STRETCH_COST[0] * inv_em, STRETCH_COST[1] * inv_em, EVEN_COST * inv_em
    items = p.items
    can_break = p.can_break
    extra = p.extra
    em = p.size
    justify = align == "justify"
    window = STRETCH_WINDOW * em
    best = [INF] * (n + 1)
    back = [-1] * (n + 1)
    lineno = [0] * (n + 1)
    best[0] = 0.0
    floor = {0: 0.0}   # line count -> cheapest path found so far that ends that many lines
    forced = p.forced
    for i in range(n):
        bi = best[i]
        if bi == INF:
            continue
        # a forced line break ahead: no line from i may run past it, and the line ending at it
        # is set like a paragraph's last line
        end_at = n
        if forced:
            fb = forced[bisect_left(forced, i)] if bisect_left(forced, i) < len(forced) else None
            if fb is not None:
                end_at = fb + 1
        k = lineno[i]
        # prune: a start that is already far dearer than the best path ending as many lines
        if bi > floor.get(k, INF) + prune:
            continue
        measure = ms[k] if k < len(ms) else _measure_at(ms, measures, k)
        ind = first_indent(p, indent) if i == 0 else 0.0
        first = items[i]
        open_cut = first.lcut if (first.opening and first.lcut) else 0.0
        base = W[i] + G[i] - ind + open_cut       # nat(i, j) = E[j] - base
        # justified lines look only near the measure; ragged heads may end anywhere
        lo = bisect_left(E, measure - window + base, i + 1, n + 1) if justify else i + 1
        found = False
        cheapest = INF      # the window's cheapest line: if only dear breaks (inside units) are there, look wider
        last_fit = None
        for rng in ((lo, n + 1), (i + 1, lo)):
            for j in range(*rng):
                if j > end_at:
                    break
                nat = E[j] - base
                # narrowest this line could be set: every item and glue shrunk fully
                if nat - (TS[j] - TS[i]) - (TG[j - 1] - TG[i]) + open_cut > measure + 1e-6:
                    break
                last_fit = j if last_fit is None or j > last_fit else last_fit
                if j != n and not can_break[j - 1]:
                    continue
                is_last = j == n or j == end_at
                pen = 0.0
                hy = 0.0
                if extra is not None and not is_last:
                    x = extra.get(j - 1)
                    if x is not None:
                        pen, hy = x[0], x[2]
                        nat += hy        # a hyphenated word's line ends with the hyphen
                diff = measure - nat
                if justify and not is_last and diff > 1e-6:
                    # stretch: word spaces, then Chinese–Latin gaps, then every gap evenly (inlined: hot)
                    need = diff
                    cost = 0.0
                    cap = S0[j - 1] - S0[i]
                    if cap > 0:
                        use = cap if cap < need else need
                        cost += use * c_space
                        need -= use
                    if need > 1e-9:
                        cap = S1[j - 1] - S1[i]
                        if cap > 0:
                            use = cap if cap < need else need
                            cost += use * c_cl
                            need -= use
                        if need > 1e-9:
                            gaps = j - 1 - i if extra is None else pre.gaps(i, j)
                            if gaps <= 0:
                                cost += 5000.0 + need * inv_em * 100 + LOOSE_PENALTY
                            else:
                                per = need / gaps * inv_em
                                cost += need * c_even + per * per * EVEN_SQUARE * gaps
                                if per > EVEN_CAP:
                                    cost += LOOSE_PENALTY
                elif not justify and diff >= -1e-6:
                    # a ragged line that fits: its cost is only how short it falls (last left line free)
                    if is_last and align == "left":
                        cost = 0.0
                    else:
                        slack = diff / em
                        cost = slack * slack
                elif diff < -1e-6:
                    nat_, shrink, stretch, gaps = pre.figures(p, i, j)
                    cost = _line_cost(nat_ + ind + hy, shrink, stretch, gaps, measure, em, justify, is_last, align)
                else:
                    cost = 0.0
                if cost == INF:
                    continue
                if is_last and i > 0 and _is_orphan_line(p, i, j):
                    cost += ORPHAN_PENALTY
                elif not justify and not is_last and (items[j - 1].rclass in (SHRINK_PAUSE, SHRINK_STOP)
                                                      or items[j].opening):
                    cost -= HEAD_PUNCT_BONUS     # heads break at their punctuation or before a quote
                total = bi + cost + 1.0 + pen
                if cost + pen < cheapest:
                    cheapest = cost + pen
                if total < best[j]:
                    best[j] = total
                    back[j] = i
                    lineno[j] = k + 1
                    if total < floor.get(k + 1, INF):
                        floor[k + 1] = total
                found = True
            if found and cheapest < LOOSE_PENALTY:
                break
        if not found:
            # nothing legal fits: force a break at the last fitting place (or one item)
            j = last_fit if last_fit is not None else i + 1
            total = bi + (FORCED_BREAK_PENALTY if last_fit else OVERFULL_PENALTY)
            if total < best[j]:
                best[j] = total
                back[j] = i
                lineno[j] = k + 1
    pre.total = best[n]
    out = []
    j = n
    while j > 0:
        i = back[j]
        out.append((i, j))
        j = i
    out.reverse()
    return [(i, j, measures(k)) for k, (i, j) in enumerate(out)]


# ---------------------------------------------------------------- placement

def place_line(p: Paragraph, i: int, j: int, measure: float, indent: float, align: str, last: bool) -> Line:
    """Distribute the line's shrink or stretch by class; x of every item."""
    line_items = p.items[i:j]
    line_glues = p.glues[i:j - 1]
    n = j - i
    cuts = [[it.lfixed, it.rfixed] for it in line_items]
    first = line_items[0]
    if first.opening and first.lcut:
        cuts[0][0] += first.lcut
    gl = [g.natural for g in line_glues]
    lspace = None
    hyphen = None
    nat = indent + sum(gl) + sum([it.width for it in line_items]) - sum([c[0] + c[1] for c in cuts])
    if p.extra and not last:
        x = p.extra.get(j - 1)
        if x is not None and x[2]:
            hyphen = (x[1], x[2])
            nat += x[2]
    diff = measure - nat
    if diff < -1e-9:
        need = -diff
        # capacities by class, then take in order, proportionally within a class
        for c in range(N_SHRINK):
            if need <= 1e-12:
                break
            caps = []   # (kind, index, capacity)
            for idx, it in enumerate(line_items):
                lc = 0.0 if (idx == 0 and it.opening) else (it.lcut if it.lclass == c else 0.0)
                is_end = idx == n - 1 and it.can_end_line
                if c == SHRINK_LINEEND:
                    rc = it.rcut if is_end else 0.0
                else:
                    rc = it.rcut if (it.rclass == c and not is_end) else 0.0
                if lc:
                    caps.append((0, idx, lc))
                if rc:
                    caps.append((1, idx, rc))
            for gi, g in enumerate(line_glues):
                if g.shrink and g.shrink_class == c:
                    caps.append((2, gi, g.shrink))
            total = sum([cp[2] for cp in caps])
            if total <= 0:
                continue
            take = min(need, total)
            f = take / total
            for kind, idx, cap in caps:
                if kind == 2:
                    gl[idx] -= cap * f
                else:
                    cuts[idx][kind] += cap * f
            need -= take
        justified = True
    elif diff > 1e-9 and align == "justify" and not last:
        need = diff
        for c in (0, 1):
            caps = [(gi, g.stretch) for gi, g in enumerate(line_glues) if g.stretch_class == c and g.stretch]
            if not caps:
                continue
            total = sum([cp[1] for cp in caps])
            take = min(need, total)
            for gi, cap in caps:
                gl[gi] += cap * take / total
            need -= take
            if need <= 1e-12:
                break
        flex = [k for k, g in enumerate(line_glues) if g.stretch_class != RIGID]
        if need > 1e-12 and flex:
            per = need / len(flex)
            if len(flex) == len(gl):
                gl = [g + per for g in gl]
            else:
                for k in flex:
                    gl[k] += per
            need = 0.0
        if need > 1e-12:
            # a line of one unbreakable unit (an e-mail address): space its letters, the last resort
            inner = sum([len(it.glyphs) - 1 for it in line_items])
            rigid = len(gl)
            if inner + rigid:
                per = need / (inner + rigid)
                lspace = [per if len(it.glyphs) > 1 else 0.0 for it in line_items]
                gl = [g + per for g in gl]
                need = 0.0
        justified = need <= 1e-9
    else:
        justified = abs(diff) <= 1e-9
    # x positions
    xs = []
    x = indent
    last_idx = n - 1
    for idx, it in enumerate(line_items):
        xs.append(x)
        c = cuts[idx]
        x += it.width - c[0] - c[1]
        if lspace is not None:
            x += lspace[idx] * (len(it.glyphs) - 1)
        if idx < last_idx:
            x += gl[idx]
    if hyphen is not None:
        x += hyphen[1]
    width = x
    offset = 0.0
    if align == "center":
        offset = (measure - width) / 2
    elif align == "right":
        offset = measure - width
    if offset:
        xs = [v + offset for v in xs]
    return Line(i, j, xs, [tuple(c) for c in cuts], width, measure, justified, i == 0, last, lspace, hyphen)


def first_indent(p: Paragraph, indent: float) -> float:
    """2 em, but 1.5 em before an opening bracket (whose blank half is cut at line start)."""
    if indent and p.items and p.items[0].opening:
        return max(0.0, indent - p.items[0].size / 2)
    return indent


def compose(p: Paragraph, measures, indent: float, align: str) -> list[Line]:
    breaks = break_lines(p, measures, indent, align)
    items = p.items
    out = []
    ind = first_indent(p, indent)
    for n_line, (i, j, m) in enumerate(breaks):
        out.append(place_line(p, i, j, m, ind if i == 0 else 0.0, align,
                              j == len(p.items) or items[j - 1].kind == "break"))
    return out
