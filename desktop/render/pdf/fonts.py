"""reportlab font handling: each bundled .ttf registered once per export under a
unique subset tag, parsed lazily (memory-mapped, only the header tables parsed,
the big tables read on demand); the TJ arrays put glyphs at the engine's x."""
from __future__ import annotations

import secrets
from pathlib import Path


def _subset_tag(base: int, n: int) -> str:
    """Six capital letters, the PDF subset-tag convention, distinct per subset."""
    v = (base + n) % (26 ** 6)
    s = ""
    for _ in range(6):
        v, r = divmod(v, 26)
        s = chr(65 + r) + s
    return s


# path -> ((size, mtime), reportlab face, parsed by reportlab?) for this process: one per font file
_FACE_CACHE: dict[str, tuple] = {}


def _map_file(path: Path):
    """The font file memory-mapped: subsetting touches only the glyphs it copies, so
    a 13 MB font costs a few hundred KiB of resident memory instead of 13 MB."""
    import mmap
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


class _Overlay:
    """code point -> glyph id: the layout registry's cmap (shared, never written)
    plus this process's private-use codes for alternate glyphs."""

    def __init__(self, base):
        self.base = base
        self.extra: dict[int, int] = {}

    def __contains__(self, cp):
        return cp in self.extra or cp in self.base

    def __getitem__(self, cp):
        v = self.extra.get(cp)
        return self.base[cp] if v is None else v

    def get(self, cp, default=None):
        v = self.extra.get(cp)
        return self.base.get(cp, default) if v is None else v

    def __setitem__(self, cp, gid):
        self.extra[cp] = gid


class _Widths:
    """code point -> advance in 1/1000 em, from the layout registry's advances."""

    def __init__(self, cmap: _Overlay, advances, upem: int):
        self.cmap, self.advances, self.upem = cmap, advances, upem
        self.extra: dict[int, float] = {}

    def get(self, cp, default=None):
        v = self.extra.get(cp)
        if v is not None:
            return v
        gid = self.cmap.get(cp)
        if gid is None or gid >= len(self.advances):
            return default
        aw = round(self.advances[gid] * self.upem)       # the hmtx value, exactly
        return aw if self.upem == 1000 else aw * 1000 / self.upem

    def __setitem__(self, cp, w):
        self.extra[cp] = w


class _Hmtx:
    """hmetrics[gid] -> (advance, lsb) read from the mapped hmtx table on demand."""

    def __init__(self, data, off: int, n_hmetrics: int, n_glyphs: int):
        self.data, self.off, self.n, self.count = data, off, n_hmetrics, n_glyphs

    def __len__(self):
        return self.count

    def __getitem__(self, gid):
        import struct
        if gid < self.n:
            return struct.unpack_from(">HH", self.data, self.off + 4 * gid)
        aw = struct.unpack_from(">H", self.data, self.off + 4 * (self.n - 1))[0]
        lsb = struct.unpack_from(">H", self.data, self.off + 4 * self.n + 2 * (gid - self.n))[0]
        return aw, lsb


class _Loca:
    """glyphPos[gid] -> offset of the glyph in glyf, read from the mapped loca table."""

    def __init__(self, data, off: int, long_format: bool, count: int):
        self.data, self.off, self.long, self.count = data, off, long_format, count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        import struct
        if self.long:
            return struct.unpack_from(">L", self.data, self.off + 4 * i)[0]
        return struct.unpack_from(">H", self.data, self.off + 2 * i)[0] << 1


class _TableSlice:
    """A table of the mapped file that hands out copies of the slices asked for only:
    reportlab's subsetter takes ``get_table('glyf')`` (10–13 MB in a CJK face) and
    then slices out the few hundred glyphs it keeps; this spares the whole copy."""

    def __init__(self, data, off: int, length: int):
        self.data, self.off, self.length = data, off, length

    def __len__(self):
        return self.length

    def __getitem__(self, s):
        if not isinstance(s, slice):
            raise TypeError("table slices only")
        a, b, step = s.indices(self.length)
        if step != 1:
            raise ValueError("no strided slices")
        return self.data[self.off + a:self.off + max(a, b)]


def _rl_face(path: Path, ff=None):
    """A reportlab TTFontFace for a font file, without reportlab parsing the whole font.

    reportlab's parser builds Python dicts of every code point, width, metric and
    glyph offset (~0.2 s and ~15 MB per 30 000-glyph face).  Banmian already has
    the cmap and advances in the layout's font registry (``ff``), and subsetting
    needs hmtx/loca only for the few hundred glyphs a page uses, so reportlab
    parses only the face's header tables (names, flags, bbox, table directory:
    its ``charInfo=0`` mode, about a millisecond) from the memory-mapped file,
    and the big tables are read on demand from the same mapping.  Nothing is
    cached on disk.  Without ``ff`` reportlab parses the file.
    """
    import struct
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace, TTFontFile
    st = path.stat()
    key = (st.st_size, st.st_mtime_ns)
    hit = _FACE_CACHE.get(str(path))
    if hit is not None and hit[0] == key and (ff is None) == hit[2]:
        return hit[1]
    if ff is None:
        face = TTFontFace(str(path), validate=0)
        _FACE_CACHE[str(path)] = (key, face, True)      # one face per file: a changed file replaces it
        return face
    data = _map_file(path)
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.filename = str(path)
    face._ttf_data = data             # reportlab reads from this instead of loading the file
    TTFontFile.__init__(face, str(path), charInfo=0, validate=0)
    upem = face.unitsPerEm
    face._pdfScale = (lambda x: x) if upem == 1000 else (lambda x, f=1000 / upem: x * f)
    table = face.table
    head, hhea = table["head"]["offset"], table["hhea"]["offset"]
    n_glyphs = struct.unpack_from(">H", data, table["maxp"]["offset"] + 4)[0]
    long_loca = struct.unpack_from(">h", data, head + 50)[0] == 1
    n_hm = struct.unpack_from(">H", data, hhea + 34)[0]
    face.charToGlyph = _Overlay(ff.cmap)
    face.charWidths = _Widths(face.charToGlyph, ff.advances, upem)
    face.glyphToChar = {}
    face.hmetrics = _Hmtx(data, table["hmtx"]["offset"], n_hm, n_glyphs)
    face.glyphPos = _Loca(data, table["loca"]["offset"], long_loca, n_glyphs + 1)
    face.defaultWidth = face._pdfScale(face.hmetrics[0][0])
    whole = face.get_table

    def get_table(tag, whole=whole, table=table, data=data):
        if tag == "glyf":
            return _TableSlice(data, table["glyf"]["offset"], table["glyf"]["length"])
        return whole(tag)
    face.get_table = get_table
    _FACE_CACHE[str(path)] = (key, face, False)
    return face


def to_unicode_cmap(fontname: str, subset) -> str:
    """A ToUnicode CMap for a one-byte subset: code i -> the character subset[i], written as
    UTF-16BE (a surrogate pair beyond the BMP: CJK Extension B–F names; reportlab's own
    makeToUnicodeCMap writes those as five hex digits, which readers reject)."""
    entries = []
    for i, v in enumerate(subset):
        if not v:
            continue
        entries.append(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>")
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{max(len(subset) - 1, 0):02X}>", "endcodespacerange",
    ]
    for k in range(0, len(entries), 100):       # at most 100 entries per bfchar block
        chunk = entries[k:k + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _make_font_class():
    """A TTFont whose subsets carry this export's own tag and whose ToUnicode maps
    alternate glyphs (drawn through private-use codes) back to their characters."""
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, TTEncoding, TTFont, makeToUnicodeCMap  # noqa: F401
    from weakref import WeakKeyDictionary

    class ExportFont(TTFont):
        def __init__(self, name: str, face, tag_base: int):
            # TTFont.__init__ would parse the file again; the face is shared and cached.
            self.fontName = name
            self.face = face
            self.encoding = TTEncoding()
            self.state = WeakKeyDictionary()
            self._asciiReadable = False
            self._shapable = False
            self.tag_base = tag_base
            self.alt_unicode: dict[int, int] = {}   # private-use code -> the character it shows
            self.subset_names: list[str] = []

        def addObjects(self, doc):
            state = self._assignState(doc)
            state.frozen = 1
            for n, subset in enumerate(state.subsets):
                internal = self.getSubsetInternalName(n, doc)[1:]
                base = f"{_subset_tag(self.tag_base, n)}+{self.face.name.decode('latin-1')}"
                self.subset_names.append(base)
                font = pdfdoc.PDFTrueTypeFont()
                font.__Comment__ = f"Font {self.fontName} subset {n}"
                font.Name = internal
                font.BaseFont = base
                font.FirstChar = 0
                font.LastChar = len(subset) - 1
                font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset])
                cmap = pdfdoc.PDFStream()
                cmap.content = to_unicode_cmap(base, [self.alt_unicode.get(c, c) for c in subset])
                if doc.compression:
                    cmap.filters = [pdfdoc.PDFZCompress]
                font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
                font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
                doc.Reference(font, internal)
                doc.idToObject["BasicFonts"].dict[internal] = font
            del self.state[doc]

    return ExportFont


class _Fonts:
    """This export's fonts: font id -> registered reportlab font, made from the face table's
    entries (result.Face: file, PostScript name, the engine's cmap and advances)."""

    def __init__(self):
        from reportlab.pdfbase import pdfmetrics
        self._pdfmetrics = pdfmetrics
        self.cls = _make_font_class()
        from .report import reproducible_epoch
        epoch = reproducible_epoch()
        rnd = secrets if epoch is None else __import__("random").Random(epoch)
        self.tag = "%06x" % rnd.randbelow(1 << 24) if epoch is None else "%06x" % rnd.randrange(1 << 24)
        self.tag_base = rnd.randbelow(26 ** 6) if epoch is None else rnd.randrange(26 ** 6)
        self.fonts: dict[str, object] = {}
        self.face_of: dict[str, object] = {}
        # (font, char, glyph, source char) -> code: what code_for answered (it answers the same
        # again: a private-use code, once handed out, stays this glyph's for the export)
        self._codes: dict[tuple, int] = {}

    def get(self, ff):
        """The reportlab font for face table entry ``ff`` (a result.Face)."""
        font_id = ff.id
        f = self.fonts.get(font_id)
        if f is None:
            face = _rl_face(Path(ff.path), ff)
            name = f"{ff.ps_name}-{self.tag}"
            f = self.cls(name, face, self.tag_base + 7919 * len(self.fonts))
            # Not pdfmetrics.registerFont: for TrueType it hands back the font object first
            # registered with the same PostScript face name (an earlier export's, with its
            # subset tags).  The canvas only needs to find our object under our name.
            self._pdfmetrics._fonts[name] = f
            self.fonts[font_id] = f
            self.face_of[font_id] = ff
        return f

    def code_for(self, font, ch: str, gid: int, source: str | None = None) -> int:
        """The code point reportlab should encode so that glyph ``gid`` is drawn.

        ``source`` is the copy's character when the glyph stands for another one (U+2015
        drawn for U+2014, ？ for ASCII ?): the glyph then gets a private-use code of its own
        whose ToUnicode entry is the copy's character, so the text layer reads as the copy."""
        key = (font.fontName, ch, gid, source)
        hit = self._codes.get(key)
        if hit is not None:
            return hit
        hit = self._codes[key] = self._code_for(font, ch, gid, source)
        return hit

    def _code_for(self, font, ch: str, gid: int, source: str | None) -> int:
        face = font.face
        cp = ord(ch) if len(ch) == 1 else 0
        if source is not None and source != ch and len(source) == 1:
            key = (gid, source)
            cp = ord(source)
        else:
            key = gid
            if face.charToGlyph.get(cp) == gid:
                return cp
        # an alternate glyph (vertical form, locl …), a ligature or a stand-in: a private-use code
        alts = face.__dict__.setdefault("_banmian_alts", {})
        pua = alts.get(key)
        if pua is None:
            pua = 0xE000
            while pua in face.charToGlyph:
                pua += 1
            if pua > 0xF8FF:
                return ord(ch) if len(ch) == 1 else 0
            alts[key] = pua
            face.charToGlyph[pua] = gid
            face.glyphToChar.setdefault(gid, []).append(pua)
            upem = face.unitsPerEm
            face.charWidths[pua] = (face.hmetrics[gid][0] * 1000 / upem if gid < len(face.hmetrics)
                                    else face.defaultWidth)
        if cp:
            font.alt_unicode[pua] = cp
        return pua

    def release(self):
        for f in self.fonts.values():
            self._pdfmetrics._fonts.pop(f.fontName, None)

    def report(self) -> list[dict]:
        return [{"id": fid, "ps_name": self.face_of[fid].ps_name, "file": str(self.face_of[fid].path),
                 "subsets": list(f.subset_names)} for fid, f in self.fonts.items()]
