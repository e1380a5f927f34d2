"""PDF/X identification, added with pikepdf after reportlab has written the file.

reportlab's catalog keeps a fixed list of keys, so it cannot write an
OutputIntent or GTS_PDFXVersion (PRINT.md).  This module adds:

- ``/OutputIntents [<< /S /GTS_PDFX /DestOutputProfile <ICC stream> ... >>]``
  naming the CMYK profile the file was made for;
- Info: Title, Creator, Producer, CreationDate, ModDate, ``/Trapped /False``,
  ``GTS_PDFXVersion`` (and ``GTS_PDFXConformance`` for X-1a);
- an XMP packet carrying the same (pdfxid:GTS_PDFXVersion, dc:title,
  xmp:CreateDate, pdf:Producer, pdf:Trapped, xmpMM ids);
- the PDF version of the standard: 1.6 for PDF/X-4, 1.3 for PDF/X-1a:2001
  (which also forbids transparency — checked, not silently dropped);
- a fresh document /ID (qpdf writes one on save).
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
PRODUCER = "Banmian 版面 (reportlab pdfgen + pikepdf)"


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


def _check_no_transparency(pdf) -> list[str]:
    """Where the file uses transparency (forbidden in PDF/X-1a)."""
    import pikepdf
    problems = []
    for n, page in enumerate(pdf.pages, 1):
        res = page.obj.get("/Resources", {})
        for name, gs in dict(res.get("/ExtGState", {})).items():
            for key in ("/CA", "/ca"):
                if key in gs and float(gs[key]) < 1:
                    problems.append(f"page {n}: {name} {key} {float(gs[key])}")
            if "/SMask" in gs and gs.SMask != pikepdf.Name.None_:
                problems.append(f"page {n}: {name} has a soft mask")
            if "/BM" in gs and gs.BM not in (pikepdf.Name.Normal, pikepdf.Name.Compatible):
                problems.append(f"page {n}: {name} blend mode {gs.BM}")
        for name, xo in dict(res.get("/XObject", {})).items():
            if "/SMask" in xo:
                problems.append(f"page {n}: image {name} has a soft mask")
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


def make_pdfx(src, dst, *, version: str = "4", profile_path, profile_desc: str, title: str,
              creator: str = "Banmian 版面", producer: str = PRODUCER, press=None) -> None:
    """Turn the PDF at ``src`` into PDF/X-``version`` at ``dst`` (may be the same path).

    ``press``: the print condition (banmian.core.press.PressCondition) the file was made
    for; it names the OutputIntent."""
    import pikepdf
    if version not in VERSIONS:
        raise PdfxError(f"unknown PDF/X version {version!r}; choose 4 or 1a")
    info_version, conformance, xmp_version, pdf_version = VERSIONS[version]
    icc = Path(profile_path).read_bytes()
    naming = output_intent_fields(press, profile_desc)
    from .report import reproducible_epoch
    epoch = reproducible_epoch()
    if epoch is None:
        now = _dt.datetime.now().astimezone().replace(microsecond=0)
        ids = (uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    else:       # SOURCE_DATE_EPOCH: that moment, and ids made from the file's content
        import hashlib
        now = _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)
        digest = hashlib.sha256(Path(src).read_bytes()).digest()
        ids = tuple(uuid.UUID(bytes=hashlib.sha256(digest + bytes([n])).digest()[:16], version=4) for n in range(3))
    with pikepdf.open(str(src), allow_overwriting_input=True) as pdf:
        if version == "1a":
            problems = _check_no_transparency(pdf)
            if problems:
                raise PdfxError("PDF/X-1a forbids transparency: " + "; ".join(problems))
        icc_stream = pikepdf.Stream(pdf, _compressed_icc(Path(profile_path), icc))
        icc_stream.Filter = pikepdf.Name.FlateDecode
        icc_stream.N = 4
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFX,
            **{k: pikepdf.String(v) for k, v in naming.items()},
            DestOutputProfile=icc_stream,
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        info = pdf.docinfo
        for key in list(info.keys()):   # reportlab's placeholders ("anonymous", "unspecified") go
            if key not in ("/Title", "/Author", "/Subject", "/Keywords") or \
                    str(info[key]) in ("", "anonymous", "unspecified"):
                del info[key]
        info.Title = pikepdf.String(title)
        info.Creator = pikepdf.String(creator)
        info.Producer = pikepdf.String(producer)
        info.CreationDate = pikepdf.String(_pdf_date(now))
        info.ModDate = pikepdf.String(_pdf_date(now))
        info.Trapped = pikepdf.Name("/False")
        info.GTS_PDFXVersion = pikepdf.String(info_version)
        if conformance:
            info.GTS_PDFXConformance = pikepdf.String(conformance)
        doc_id = ids[0]
        meta = pikepdf.Stream(pdf, _xmp(title=title, created=now, pdfx_xmp=xmp_version,
                                        conformance=conformance, producer=producer, creator=creator,
                                        doc_id=str(doc_id), instance_id=str(ids[1])))
        meta.Type = pikepdf.Name.Metadata
        meta.Subtype = pikepdf.Name.XML
        pdf.Root.Metadata = pdf.make_indirect(meta)
        # a fresh /ID: [permanent, changing] — both from this export
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(doc_id.bytes), pikepdf.String(ids[2].bytes)])
        pdf.save(str(dst), force_version=pdf_version, fix_metadata_version=False,
                 deterministic_id=epoch is not None,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable if version == "1a"
                 else pikepdf.ObjectStreamMode.preserve)
