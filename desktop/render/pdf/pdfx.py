"""PDF/X identification, written by reportlab in the pass that writes the file.

reportlab's catalog keeps a fixed list of keys and its Info dictionary a fixed set,
so the document on the canvas gets a catalog that also writes /OutputIntents and an
Info object with the PDF/X keys (PRINT.md) before it is saved (:func:`install_pdfx`;
there used to be a second pass with pikepdf re-reading and re-writing the whole file:
~35 ms of import and ~30–150 ms of rewriting per export).  This module adds:

- ``/OutputIntents [<< /S /GTS_PDFX /DestOutputProfile <ICC stream> ... >>]``
  naming the CMYK profile the file was made for;
- Info: Title, Creator, Producer, CreationDate, ModDate, ``/Trapped /False``,
  ``GTS_PDFXVersion`` (and ``GTS_PDFXConformance`` for X-1a);
- an XMP packet carrying the same (pdfxid:GTS_PDFXVersion, dc:title,
  xmp:CreateDate, pdf:Producer, pdf:Trapped, xmpMM ids);
- the PDF version of the standard: 1.6 for PDF/X-4, 1.3 for PDF/X-1a:2001
  (which also forbids transparency — checked, not silently dropped);
- a fresh document /ID (made from the file's content under SOURCE_DATE_EPOCH: :func:`finish_ids`).
"""
from __future__ import annotations

import datetime as _dt
import uuid
from pathlib import Path


def escape(text: str) -> str:
    """XML character data: &, < and > escaped (what xml.sax.saxutils.escape does, without
    importing xml.sax, which pulls in urllib, http and email: ~25 ms of every export)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")

VERSIONS = {
    # key: (Info GTS_PDFXVersion, GTS_PDFXConformance or None, XMP pdfxid version, PDF version)
    "4": ("PDF/X-4", None, "PDF/X-4", "1.6"),
    "1a": ("PDF/X-1:2001", "PDF/X-1a:2001", "PDF/X-1:2001", "1.3"),
}
PRODUCER = "Banmian 版面 (reportlab pdfgen)"


class PdfxError(Exception):
    pass


def output_intent_fields(press, profile_desc: str) -> dict[str, str]:
    """The OutputIntent's naming keys, from the print condition (banmian.core.press) —
    never guessed from the profile's description.  Without a condition (a bare
    profile), the profile is named as what it is: a "Custom" condition."""
    if press is None:
        return {"OutputConditionIdentifier": "Custom", "OutputCondition": profile_desc,
                "RegistryName": "http://www.color.org", "Info": profile_desc}
    return {"OutputConditionIdentifier": press.output_condition_identifier,
            "OutputCondition": press.output_condition or profile_desc,
            "RegistryName": press.registry_name,
            "Info": press.info or profile_desc}


def _pdf_date(t: _dt.datetime) -> str:
    off = t.utcoffset() or _dt.timedelta(0)
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    return t.strftime("D:%Y%m%d%H%M%S") + f"{sign}{mins // 60:02d}'{mins % 60:02d}'"


def _xmp(*, title: str, created: _dt.datetime, pdfx_xmp: str, conformance: str | None,
         producer: str, creator: str, doc_id: str, instance_id: str) -> bytes:
    iso = created.isoformat(timespec="seconds")
    conf = f"\n      <pdfxid:GTS_PDFXConformance>{conformance}</pdfxid:GTS_PDFXConformance>" if conformance else ""
    pdfx_ns = ""
    if conformance:  # X-1a readers look for pdfx: too
        pdfx_ns = (f"\n      <pdfx:GTS_PDFXVersion>{pdfx_xmp}</pdfx:GTS_PDFXVersion>"
                   f"\n      <pdfx:GTS_PDFXConformance>{conformance}</pdfx:GTS_PDFXConformance>")
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
        xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
        xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
      <xmp:CreateDate>{iso}</xmp:CreateDate>
      <xmp:ModifyDate>{iso}</xmp:ModifyDate>
      <xmp:MetadataDate>{iso}</xmp:MetadataDate>
      <xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>
      <pdf:Producer>{escape(producer)}</pdf:Producer>
      <pdf:Trapped>False</pdf:Trapped>
      <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
      <xmpMM:InstanceID>uuid:{instance_id}</xmpMM:InstanceID>
      <xmpMM:VersionID>1</xmpMM:VersionID>
      <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
      <pdfxid:GTS_PDFXVersion>{pdfx_xmp}</pdfxid:GTS_PDFXVersion>{conf}{pdfx_ns}
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")


def _check_no_transparency(canvas) -> list[str]:
    """Where the document uses transparency (forbidden in PDF/X-1a): the canvas's graphics
    states (constant alpha below 1, a blend mode other than Normal) and soft-masked images."""
    problems = []
    states = {}         # every page's graphics states (the canvas starts a fresh table per page)
    for page in canvas._doc.Pages.pages:
        table = getattr(page, "ExtGState", None)
        states.update(table.dict if table is not None else {})
    ext = getattr(canvas, "_extgstate", None)
    if ext is not None:
        states.update(ext.getState().dict if ext._c else {})
    for name, gs in states.items():
        for key, value in gs.dict.items():
            if key in ("CA", "ca") and float(value) < 1:
                problems.append(f"{name} /{key} {float(value)}")
            elif key == "BM" and str(value) not in ("/Normal", "/Compatible"):
                problems.append(f"{name} blend mode {value}")
            elif key == "SMask" and str(value) != "/None":
                problems.append(f"{name} has a soft mask")
    for oid, obj in canvas._doc.idToObject.items():
        d = getattr(getattr(obj, "dictionary", None), "dict", None)
        if d and "SMask" in d:
            problems.append(f"image {oid} has a soft mask")
    return problems


_ICC_JOBS: dict = {}   # profile digest -> [thread, compressed bytes] started by prefetch_icc


def prefetch_icc(profile_path) -> None:
    """On the first export (no cached compressed profile yet), start compressing the profile
    in a background thread — zlib releases the GIL — so it is ready when make_pdfx needs it."""
    import hashlib
    import threading

    from banmian.core import cache
    try:
        icc = Path(profile_path).read_bytes()
    except OSError:
        return
    digest = hashlib.sha1(icc).hexdigest()
    if digest in _ICC_JOBS or (cache.cache_dir() / f"icc-{digest}.zlib").is_file():
        return
    job = [None, None]

    def work():
        import zlib
        job[1] = zlib.compress(icc, 6)
        cache.write_bytes(cache.cache_dir() / f"icc-{digest}.zlib", job[1])

    job[0] = threading.Thread(target=work, name="banmian-icc", daemon=True)
    _ICC_JOBS[digest] = job
    job[0].start()


def _compressed_icc(path: Path, icc: bytes) -> bytes:
    """The profile Flate-compressed, cached under ~/.cache/banmian (a 1 MB press
    profile takes ~55 ms to compress, on every export otherwise)."""
    import hashlib
    import zlib

    from banmian.core import cache
    digest = hashlib.sha1(icc).hexdigest()
    job = _ICC_JOBS.pop(digest, None)
    if job is not None:
        job[0].join()
        if job[1] is not None:
            return job[1]
    path = cache.cache_dir() / f"icc-{digest}.zlib"
    data = cache.read_bytes(path)
    try:
        if data and len(data) > 16 and zlib.decompress(data) == icc:
            return data   # checked whole: a cache file must not put anything else in the PDF
    except zlib.error:
        pass
    data = zlib.compress(icc, 6)
    cache.write_bytes(path, data)
    return data


# same length as a uuid and unique in the file: replaced by the ids made from the file's
# content once it is written (SOURCE_DATE_EPOCH), without moving any byte
_PLACEHOLDER_UUIDS = tuple(f"{n:08x}-b4b4-4b4b-8b4b-b4b4b4b4b4b4" for n in range(1, 4))


def install_pdfx(canvas, *, version: str = "4", profile_path, profile_desc: str, title: str,
                 creator: str = "Banmian 版面", producer: str = PRODUCER, press=None) -> None:
    """Make the reportlab document on ``canvas`` a PDF/X-``version`` file when it is saved:
    the OutputIntent and the XMP packet in its catalog, the Info keys, the standard's PDF
    version and the document /ID, all written by reportlab in the one pass that writes the
    file (no second pass re-reading and re-writing it).  Call before ``canvas.save()``;
    with SOURCE_DATE_EPOCH set, call :func:`finish_ids` on the saved file.

    ``press``: the print condition (banmian.core.press.PressCondition) the file was made
    for; it names the OutputIntent."""
    from reportlab.pdfbase import pdfdoc
    if version not in VERSIONS:
        raise PdfxError(f"unknown PDF/X version {version!r}; choose 4 or 1a")
    info_version, conformance, xmp_version, pdf_version = VERSIONS[version]
    if version == "1a":
        problems = _check_no_transparency(canvas)
        if problems:
            raise PdfxError("PDF/X-1a forbids transparency: " + "; ".join(problems))
    doc = canvas._doc
    icc = Path(profile_path).read_bytes()
    naming = output_intent_fields(press, profile_desc)
    from .report import reproducible_epoch
    epoch = reproducible_epoch()
    if epoch is None:
        now = _dt.datetime.now().astimezone().replace(microsecond=0)
        ids = tuple(str(uuid.uuid4()) for _ in range(3))
    else:       # SOURCE_DATE_EPOCH: that moment, and ids made from the file's content (finish_ids)
        now = _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)
        ids = _PLACEHOLDER_UUIDS
    icc_stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 4, "Filter": pdfdoc.PDFName("FlateDecode")}),
                                  _compressed_icc(Path(profile_path), icc))
    intent = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFX"),
        **{k: pdfdoc.PDFString(v) for k, v in naming.items()},
        "DestOutputProfile": doc.Reference(icc_stream, "BanmianOutputProfile")})
    meta = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"),
                                                  "Subtype": pdfdoc.PDFName("XML")}),
                            _xmp(title=title, created=now, pdfx_xmp=xmp_version, conformance=conformance,
                                 producer=producer, creator=creator, doc_id=ids[0], instance_id=ids[1]),
                            filters=None)     # never compressed: a reader finds the packet by scanning
    cat = doc.Catalog
    cat.__class__ = _catalog_class()
    cat.OutputIntents = pdfdoc.PDFArray([doc.Reference(intent, "BanmianOutputIntent")])
    cat.Metadata = meta
    stamp = _pdf_date(now)
    keys = {"Title": pdfdoc.PDFString(title), "Creator": pdfdoc.PDFString(creator),
            "Producer": pdfdoc.PDFString(producer), "CreationDate": pdfdoc.PDFString(stamp),
            "ModDate": pdfdoc.PDFString(stamp), "Trapped": pdfdoc.PDFName("False"),
            "GTS_PDFXVersion": pdfdoc.PDFString(info_version)}
    if conformance:
        keys["GTS_PDFXConformance"] = pdfdoc.PDFString(conformance)
    info = doc.info
    info.__class__ = _info_class()
    info.keys = keys
    # the /ID: [permanent, changing], both from this export (placeholders under SOURCE_DATE_EPOCH)
    a, c = uuid.UUID(ids[0]).bytes, uuid.UUID(ids[2]).bytes
    doc._ID = b"\n[<" + a.hex().encode() + b"> <" + c.hex().encode() + b">]\n"
    major, minor = pdf_version.split(".")
    doc._pdfVersion = (int(major), int(minor))


_CATALOG = []


def _catalog_class():
    """reportlab's catalog with an /OutputIntents key (an array, written in place)."""
    if not _CATALOG:
        from reportlab.pdfbase import pdfdoc

        class PdfxCatalog(pdfdoc.PDFCatalog):
            __NoDefault__ = pdfdoc.PDFCatalog.__NoDefault__ + ["OutputIntents"]
            __Refs__ = pdfdoc.PDFCatalog.__Refs__
        _CATALOG.append(PdfxCatalog)
    return _CATALOG[0]


def _info_class():
    """reportlab's Info object writing the PDF/X keys only (no placeholders such as "anonymous")."""
    _catalog_class()            # _CATALOG[0]
    if len(_CATALOG) < 2:
        from reportlab.pdfbase import pdfdoc

        class PdfxInfo(pdfdoc.PDFInfo):
            keys: dict = {}

            def format(self, document):
                return pdfdoc.PDFDictionary(dict(self.keys)).format(document)
        _CATALOG.append(PdfxInfo)
    return _CATALOG[1]


def finish_ids(path) -> None:
    """SOURCE_DATE_EPOCH: put ids made from the written file's content (placeholders in, the
    same length) into the XMP packet and the trailer's /ID — in place, no offset moves."""
    import hashlib
    path = Path(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).digest()
    ids = [uuid.UUID(bytes=hashlib.sha256(digest + bytes([n])).digest()[:16], version=4) for n in range(3)]
    out = data
    for ph, new in zip(_PLACEHOLDER_UUIDS, ids):
        old_txt, new_txt = ph.encode(), str(new).encode()
        old_hex, new_hex = uuid.UUID(ph).bytes.hex().encode(), new.bytes.hex().encode()
        if ph != _PLACEHOLDER_UUIDS[2]:
            if out.count(old_txt) != 1:
                raise PdfxError("the XMP packet's document ids are not where they were written")
            out = out.replace(old_txt, new_txt)
        tail = out.rindex(b"trailer")
        if ph != _PLACEHOLDER_UUIDS[1]:
            if out.count(b"<" + old_hex + b">", tail) != 1:
                raise PdfxError("the trailer's /ID is not where it was written")
            out = out[:tail] + out[tail:].replace(b"<" + old_hex + b">", b"<" + new_hex + b">")
    with open(path, "r+b") as fh:
        fh.write(out)
