"""Painting a many-page export in two processes, with the serial run's bytes.

What one page's content stream says depends on the pages before it: the font
subsets are filled in the order characters first appear (a character's code is
its place in its subset), private-use codes for alternate glyphs, ExtGState and
XObject names, object numbers — all handed out in painting order.  So the work
is split like this (POSIX ``fork``: the child inherits the canvas, fonts and
layout as they are, nothing is pickled on the way in):

- this process (the parent) paints pages ``[0, k)`` as a serial export would and
  pipes their content streams to the child;
- the child first walks pages ``[0, k)`` in *state* mode — everything the
  painter does except writing out the text operators (the costly part: TJ
  arrays, number formatting, width look-ups), so every subset code, name and
  object is handed out exactly as the parent hands them out — then paints pages
  ``[k, n)`` in full, puts the parent's streams into pages ``[0, k)``, converts
  the images, writes the file and the PDF/X parts, and pipes the report back.

The child's walk of the parent's pages costs about 0.6 of painting them (the
order-dependent bookkeeping is most of the painter's work), so ``k`` is about
0.7 of the pages (:func:`balance`) and the painting takes ~0.7 of the serial time
on two free cores; the file's tail (images, save, PDF/X) stays serial.  The parent renames the
finished file over the target (export.py), so a failure in either process
leaves the old file as it was.
"""
from __future__ import annotations

import math
import os
import pickle

# what the child's walk of a page in state mode costs against painting it in full (CPU,
# the sample issue, bench/bench_export.py --pages 16): most of a page's painting is the
# order-dependent bookkeeping the walk must repeat (codes, subsets, colours, overprint)
STATE_COST = 0.6


def balance(n: int) -> int:
    """Pages the parent paints: its k pages take as long as the child's walk of them
    (STATE_COST each) plus painting the other n − k (the file's tail comes after both)."""
    k = math.ceil(n / (2.0 - STATE_COST))
    return max(1, min(n - 1, k))


def failure_payload(e: BaseException, stand_in) -> tuple:
    """("exc", e) for a forked child to hand its exception to the parent — or, when ``e`` does
    not pickle, ``stand_in("<type>: <message>")`` in its place."""
    try:
        pickle.dumps(e)
        return "exc", e
    except Exception:  # noqa: BLE001
        return "exc", stand_in(f"{type(e).__name__}: {e}")


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def _write_all(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def paint_in_two(canvas, painter, pages, k: int, start_threads, finish, report, progress=None):
    """Paint ``pages`` (PageResults, in order) on ``canvas`` through ``painter``, the first
    ``k`` here and the rest in a forked child, which also runs ``finish()`` (images, save,
    PDF/X) — the file is then complete at the path the canvas writes to.  Returns the
    child's report (its knockouts, warnings, fonts, images and page count)."""
    from banmian.render.paint import paint_page

    from .report import ExportError
    to_child_r, to_child_w = os.pipe()
    to_parent_r, to_parent_w = os.pipe()
    pid = os.fork()
    if pid == 0:                                        # ---- the child
        code = 0
        try:
            os.close(to_child_w)
            os.close(to_parent_r)
            try:
                start_threads()
                painter.state_only = True
                for pr in pages[:k]:
                    paint_page(pr, painter)
                painter.state_only = False
                for pr in pages[k:]:
                    paint_page(pr, painter)
                streams = pickle.loads(_read_all(to_child_r))
                done = canvas._doc.Pages.pages
                if len(streams) != k or len(done) != len(pages):
                    raise ExportError(f"parallel export: {len(streams)} pages from the parent, "
                                      f"{len(done)} in the file (want {k} and {len(pages)})")
                for page, stream in zip(done, streams):
                    page.stream = stream
                finish()
                payload = ("ok", report)
            except BaseException as e:  # noqa: BLE001 — handed to the parent, which raises it
                payload = failure_payload(e, ExportError)
            _write_all(to_parent_w, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    # ---- the parent
    os.close(to_child_r)
    os.close(to_parent_w)
    to_child = os.fdopen(to_child_w, "wb", buffering=0)
    from_child = os.fdopen(to_parent_r, "rb")
    reaped = False
    try:
        with to_child:
            for n, pr in enumerate(pages[:k]):
                paint_page(pr, painter)
                if progress:
                    progress(n + 1, len(pages))
            streams = [p.stream for p in canvas._doc.Pages.pages[:k]]
            data = memoryview(pickle.dumps(streams, protocol=pickle.HIGHEST_PROTOCOL))
            try:
                while data:
                    data = data[to_child.write(data):]
            except BrokenPipeError:
                pass            # the child has stopped: its answer below says why
        with from_child:
            data = from_child.read()
        os.waitpid(pid, 0)
        reaped = True
        try:
            kind, value = pickle.loads(data)
        except Exception as e:  # noqa: BLE001
            raise ExportError(f"the second export process ended without a result ({e})") from None
        if kind == "exc":
            raise value
        if progress:
            progress(len(pages), len(pages))
        return value
    finally:
        to_child.close()
        from_child.close()
        if not reaped:
            import signal
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
