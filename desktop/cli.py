"""The ``banmian`` command.

    banmian [FILE]                         open the editor (the sample page when no file)
    banmian export FILE -o OUT.pdf [...]   print-ready PDF/X (refused while preflight has errors)
    banmian preflight FILE [--json]        the preflight report
                                           (--sample instead of FILE: the bundled sample page)
    banmian proof FILE -o DIR [--dpi 150]  PNG proofs of every page through the Qt painter
    banmian import ARTICLE --into LAYOUT   (the importers' sub-command, registered below)
    banmian install-desktop [--user|--system] [--uninstall]   menu entry, MIME type, icons

Everything heavy is imported inside the command that needs it, so
``banmian export`` never loads PySide6 and starts quickly.  No command ends in
a traceback: file problems are reported one line each and end with exit code 3.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_WARNINGS = 1      # preflight: warnings but no errors
EXIT_ERRORS = 2        # preflight errors (export refused unless --force)
EXIT_INPUT = 3         # the layout file is missing, unreadable or invalid
EXIT_OUTPUT = 4        # the output could not be written / the export failed
EXIT_UNAVAILABLE = 5   # a part of Banmian this command needs is not installed (Qt, layout engine)
EXIT_USAGE = 64        # bad command line (argparse would say 2, which means "preflight errors" here)

EPILOG = """\
exit codes:
  0   done; preflight: no errors or warnings (info only)
  1   preflight: warnings but no errors (export goes ahead)
  2   preflight errors: export refused (one line per error on stderr; --force exports anyway)
  3   the layout file is missing, unreadable or invalid (one line per problem)
  4   the output could not be written or the export failed
  5   a part of Banmian the command needs is not available (PySide6, the layout engine)
  64  bad command line
"""

COMMANDS = ("export", "preflight", "proof", "import", "edit", "copyfit", "makeup", "install-desktop")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class _Fail(Exception):
    def __init__(self, code: int, lines):
        self.code = code
        self.lines = [lines] if isinstance(lines, str) else list(lines)


# ------------------------------------------------------------------ shared steps

def log_exception(exc: BaseException, context: str = "") -> str:
    """Append the traceback to the log file (never the terminal); returns the log's path."""
    import traceback
    import time
    try:
        from banmian.core.paths import log_file
        log = log_file()
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} banmian {context}\n")
            fh.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return str(log)
    except Exception:  # noqa: BLE001 — no log is no reason to fail louder
        return "(no log file could be written)"


def _internal(exc: BaseException, code: int, what: str) -> "_Fail":
    """One line for something no check caught: what failed, the exception, where the details are."""
    log = log_exception(exc, what)
    msg = str(exc).splitlines()[0] if str(exc) else ""
    if len(msg) > 160:
        msg = msg[:160] + "…"
    return _Fail(code, f"{what}: {type(exc).__name__}{': ' + msg if msg else ''} (details in {log})")


def _load(path_str: str):
    from banmian.core.io import LayoutFileError, load_document
    path = Path(path_str)
    if not path.exists():
        raise _Fail(EXIT_INPUT, f"{path}: no such file")
    if path.is_dir():
        raise _Fail(EXIT_INPUT, f"{path}: is a folder, not a layout file")
    try:
        doc = load_document(path)
    except LayoutFileError as e:
        raise _Fail(EXIT_INPUT, str(e).splitlines()) from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as e:
        raise _internal(e, EXIT_INPUT, f"{path}: cannot be loaded") from None
    return doc, path.resolve().parent


def _layout(doc, base_dir):
    from banmian.core.typeset.layout import layout_document
    try:
        return layout_document(doc, None, base_dir=base_dir)
    except FileNotFoundError as e:      # a bundled font file is missing
        raise _Fail(EXIT_INPUT, str(e)) from None
    except Exception as e:  # noqa: BLE001 — a layout the checks let through: say so, log it
        raise _internal(e, EXIT_INPUT, "the layout could not be set") from None


def _press(args):
    """The print condition of ``--press NAME`` (default newsprint-240), with ``--profile`` /
    ``--ink-limit`` as a plant's own override."""
    from banmian.core import press
    try:
        return press.resolve(getattr(args, "press", None), profile=getattr(args, "profile", None),
                             ink_limit=args.ink_limit)
    except press.PressError as e:
        raise _Fail(EXIT_INPUT if getattr(args, "profile", None) else EXIT_USAGE, str(e)) from None


def _preflight(doc, result, base_dir, cond):
    from banmian.core.preflight import preflight
    try:
        return preflight(doc, result, base_dir=base_dir, ink_limit=cond.ink_limit, press=cond)
    except Exception as e:  # noqa: BLE001
        raise _internal(e, EXIT_INPUT, "preflight could not check the layout") from None


def _use_sample(args) -> None:
    """``--sample``: the bundled 主席论坛 page instead of FILE (exactly one of the two)."""
    if getattr(args, "sample", False):
        if args.file:
            raise _Fail(EXIT_USAGE, f"give FILE or --sample, not both ({args.file})")
        from banmian.core.paths import sample_layout
        args.file = str(sample_layout())
    elif not args.file:
        raise _Fail(EXIT_USAGE, f"banmian {args.command}: give a layout FILE (or --sample for the bundled sample page)")


# ------------------------------------------------------------------ export

def cmd_export(args) -> int:
    _use_sample(args)
    out = Path(args.output)
    if out.exists() and out.is_dir():
        raise _Fail(EXIT_USAGE, f"{out}: is a folder; give the PDF's file name")
    if not out.parent.exists():
        raise _Fail(EXIT_OUTPUT, f"{out.parent}: no such folder")
    doc, base = _load(args.file)
    early = _convert_early(doc, base, args)
    try:
        return _export_laid_out(args, out, doc, base, early)
    finally:
        if early is not None:
            early.close()       # (export_pdf has taken it over, or the export never began)


def _convert_early(doc, base, args):
    """On a first export, the photos are converted on the other core while the pages are laid
    out (images.convert_early); not for a page range, serially (BANMIAN_SERIAL=1) or without fork."""
    if args.pages:
        return None
    from banmian.render.pdf.export import _can_fork
    if not _can_fork():
        return None
    from banmian.render.pdf.images import convert_early
    try:
        cond = _press(args)
    except _Fail:
        return None          # (a bad --press is reported where the export reads it)
    return convert_early(doc, base, cond)


def _export_laid_out(args, out, doc, base, early) -> int:
    result = _layout(doc, base)
    if args.pages:
        from banmian.render.pdf import parse_pages
        try:
            parse_pages(args.pages, len(result.pages))
        except ValueError as e:
            raise _Fail(EXIT_USAGE, f"--pages {args.pages}: {e}") from None
    cond = _press(args)
    pdfx = None if args.pdfx == "none" else args.pdfx
    job = _PreflightJob.start(doc, result, base, cond)
    if job is None:
        findings = _preflight(doc, result, base, cond)
        if _refused(findings, args):
            return EXIT_ERRORS
        rep = _export(doc, result, out, base, args, cond, pdfx, workers=os.cpu_count() or 1, images=early)
    else:
        # preflight runs in a forked process on the other core while this one paints the PDF;
        # the PDF replaces OUT only once the findings allow it (export refused: nothing written)
        verdict = {}

        def commit():
            verdict["findings"] = job.findings()
            if _refused(verdict["findings"], args):
                raise _Refused()
        try:
            # the cores the preflight process leaves: on two, preflight beside one painter
            # balances best (a second painter repeats most of the first one's work: parallel.py)
            rep = _export(doc, result, out, base, args, cond, pdfx, commit=commit, workers=_painters(),
                          images=early)
        except _Refused:
            return EXIT_ERRORS
        except _Fail:
            if "findings" not in verdict:         # the export failed first: preflight's verdict decides
                verdict["findings"] = job.findings()
                if _refused(verdict["findings"], args):
                    return EXIT_ERRORS
            raise
        finally:
            job.close()
        findings = verdict["findings"]
    errors = [f for f in findings if f.severity == "error"]
    bad = [im for im in rep.images if im.get("error")]
    if bad:
        for im in bad:
            print(f"error image_unreadable frame {im.get('frame')}: {im.get('path')}: {im['error']}",
                  file=sys.stderr)
        if not args.force:
            try:
                out.unlink()
            except OSError:
                pass
        raise _Fail(EXIT_OUTPUT, f"{out}: export failed: {len(bad)} image{'s' if len(bad) != 1 else ''} "
                                 f"could not be converted" + (" (the PDF was kept: --force)" if args.force else ""))
    kind = {"4": "PDF/X-4", "1a": "PDF/X-1a:2001"}.get(rep.pdfx, "PDF")
    print(f"{out}: {rep.pages} page{'s' if rep.pages != 1 else ''}, {kind}, {len(rep.fonts)} fonts, "
          f"{len(rep.images)} images, {rep.bytes / 1024:.0f} KiB, {rep.seconds:.2f} s"
          + (f" (forced past {len(errors)} preflight errors)" if errors else ""))
    return EXIT_OK


def _painters() -> int:
    """Painting processes beside the preflight one: BANMIAN_WORKERS if set (a whole number),
    else the cores the preflight process leaves."""
    v = os.environ.get("BANMIAN_WORKERS", "").strip()
    if v.isdigit() and int(v) > 0:
        return int(v)
    return max(1, (os.cpu_count() or 1) - 1)


class _Refused(Exception):
    """Preflight found errors and --force was not given: the export is called off."""


def _refused(findings, args) -> bool:
    """Print the findings as the export reports them; True when the export is refused."""
    errors = [f for f in findings if f.severity == "error"]
    for f in findings:
        if f.severity == "warning" or (f.severity == "error" and args.force):
            print(f.line(), file=sys.stderr)
    if errors and not args.force:
        for f in errors:
            print(f.line(), file=sys.stderr)
        print(f"导出已取消：预检有 {len(errors)} 个错误（export refused: {len(errors)} preflight "
              f"error{'s' if len(errors) != 1 else ''}; --force exports anyway）", file=sys.stderr)
        return True
    return False


def _export(doc, result, out, base, args, cond, pdfx, commit=None, workers=1, images=None):
    from banmian.render.pdf import ExportError, export_pdf
    try:
        return export_pdf(doc, result, out, base_dir=base, pages=args.pages, marks=not args.no_marks,
                          press=cond, pdfx=pdfx, source_name=Path(args.file).name, commit=commit,
                          workers=workers, fork_images=True, images=images)
    except (_Refused, _Fail):
        raise
    except ExportError as e:
        raise _Fail(EXIT_OUTPUT if "ICC" not in str(e) else EXIT_INPUT, str(e)) from None
    except OSError as e:
        raise _Fail(EXIT_OUTPUT, f"{out}: cannot be written ({e.strerror or e})") from None
    except Exception as e:  # noqa: BLE001
        raise _internal(e, EXIT_OUTPUT, f"{out}: the export failed") from None


class _PreflightJob:
    """Preflight in a forked child (POSIX), its findings pickled back through a pipe.

    The parent has laid the page out already; the child inherits document and layout
    (copy-on-write) and checks them while the parent paints the PDF, so the two
    largest parts of an export use both cores.  Preflight only reads, and the PDF does
    not depend on it, so the file is the same as a serial run's.  No fork on platforms
    without it, or with BANMIAN_SERIAL=1 set (then preflight runs first, as before)."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        self._findings = None

    @classmethod
    def start(cls, doc, result, base, cond):
        import threading
        if not hasattr(os, "fork") or os.environ.get("BANMIAN_SERIAL") == "1" or threading.active_count() > 1:
            return None
        r, w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:                    # the child: check, send, leave without cleanup handlers
            code = 0
            try:
                os.close(r)
                import pickle
                try:
                    from banmian.core.preflight import preflight
                    payload = ("ok", preflight(doc, result, base_dir=base, ink_limit=cond.ink_limit, press=cond))
                except Exception as e:  # noqa: BLE001 — handed to the parent, which logs it
                    from banmian.render.pdf.parallel import failure_payload
                    payload = failure_payload(e, RuntimeError)
                data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(w, "wb") as fh:
                    fh.write(data)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        os.close(w)
        return cls(pid, r)

    def findings(self):
        if self._findings is None:
            import pickle
            with os.fdopen(self.fd, "rb") as fh:
                data = fh.read()
            self.fd = None
            self._reap()
            try:
                kind, value = pickle.loads(data)
            except Exception as e:  # noqa: BLE001 — the child died before it could answer
                raise _internal(RuntimeError(f"the preflight process ended without a result ({e})"),
                                EXIT_INPUT, "preflight could not check the layout") from None
            if kind == "exc":
                raise _internal(value, EXIT_INPUT, "preflight could not check the layout") from None
            self._findings = value
        return self._findings

    def _reap(self):
        if self.pid is not None:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None

    def close(self):
        """End the child if its findings were never asked for (the export failed first)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.pid is not None:
            import signal
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()


# ------------------------------------------------------------------ preflight

def cmd_preflight(args) -> int:
    from banmian.core.preflight import exit_code
    _use_sample(args)
    doc, base = _load(args.file)
    result = _layout(doc, base)
    findings = _preflight(doc, result, base, _press(args))
    code = exit_code(findings)
    if args.json:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        json.dump({"file": str(args.file), "exit": code, "counts": counts,
                   "findings": [f.to_dict() for f in findings]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(f.line())
        n_err = sum(f.severity == "error" for f in findings)
        n_warn = sum(f.severity == "warning" for f in findings)
        print(f"{args.file}: {n_err} 个错误, {n_warn} 个警告, {len(findings) - n_err - n_warn} 条提示")
    return code


# ------------------------------------------------------------------ proof

def cmd_proof(args) -> int:
    outdir = Path(args.output)
    doc, base = _load(args.file)
    try:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication
    except ImportError as e:     # Qt's own libraries missing on this machine
        raise _Fail(EXIT_UNAVAILABLE, f"proofs need Qt (PySide6): {e}") from None
    from banmian.render.qt import render_page_image
    result = _layout(doc, base)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "banmian"])  # noqa: F841
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _Fail(EXIT_OUTPUT, f"{outdir}: cannot be made ({e.strerror or e})") from None
    stem = Path(args.file).stem
    for pr in result.pages:
        img = render_page_image(pr, args.dpi)
        target = outdir / f"{stem}-{pr.index + 1}.png"
        if not img.save(str(target), "PNG"):
            raise _Fail(EXIT_OUTPUT, f"{target}: cannot be written")
        print(target)
    return EXIT_OK


# ------------------------------------------------------------------ the editor

def cmd_edit(args) -> int:
    path = getattr(args, "file", None)
    if path is not None and not Path(path).exists():
        raise _Fail(EXIT_INPUT, f"{path}: no such file")
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as e:     # Qt's own libraries missing on this machine
        raise _Fail(EXIT_UNAVAILABLE, f"the editor needs Qt (PySide6): {e}") from None
    from banmian.gui.app import run
    return int(run(path) or 0)


# ------------------------------------------------------------------ install-desktop

def cmd_install_desktop(args) -> int:
    from banmian import integration
    home = Path(args.prefix) if args.prefix else (integration.SYSTEM_DATA_HOME if args.system else None)
    try:
        if args.uninstall:
            files, notes = integration.uninstall_desktop(home)
        else:
            files, notes = integration.install_desktop(home)
    except integration.Unsupported as e:
        raise _Fail(EXIT_UNAVAILABLE, str(e)) from None
    except OSError as e:
        raise _Fail(EXIT_OUTPUT, f"{e.filename or home}: cannot be written ({e.strerror or e})"
                    + ("; --system needs root" if args.system else "")) from None
    for f in files:
        print(("removed " if args.uninstall else "") + str(f))
    for n in notes:
        print(n)
    return EXIT_OK


# ------------------------------------------------------------------ parser

# ------------------------------------------------------------------ copyfit

def cmd_copyfit(args) -> int:
    from banmian.core.typeset.copyfit import copyfit
    from banmian.core.typeset.layout import Layouter
    doc, base = _load(args.file)
    fits = copyfit(doc, layouter=Layouter(base_dir=base))
    if args.json:
        json.dump({"file": str(args.file), "stories": [f.as_dict() for f in fits]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in fits:
            print(f"{f.story}  {f.name}: {f.state.describe()}")
            for r in f.remedies:
                print(f"    {r.label:<12} → {r.result.describe()}")
    return EXIT_OK if all(f.state.fits for f in fits) else EXIT_WARNINGS


def build_parser(with_import: bool = True) -> argparse.ArgumentParser:
    p = _Parser(prog="banmian", description="Banmian 版面 — page layout for Chinese newspapers.",
                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    e = sub.add_parser("edit", help="open the editor (also: banmian [FILE])", epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("file", nargs="?", metavar="FILE")
    e.set_defaults(func=cmd_edit)

    x = sub.add_parser("export", help="write the print-ready PDF (PDF/X-4 by default)",
                       description="Export a layout as a print-ready PDF/X file. Refuses while "
                                   "preflight finds errors, unless --force.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    x.add_argument("file", metavar="FILE", nargs="?", help="the layout (.json)")
    x.add_argument("--sample", action="store_true", help="the bundled sample page instead of FILE")
    x.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    x.add_argument("--pages", metavar="LIST", help="pages to export, e.g. 1,3-4 (default: all)")
    x.add_argument("--no-marks", action="store_true",
                   help="no crop marks, registration targets or slug (MediaBox = BleedBox)")
    from banmian.core import press as _presets
    press_help = ("print condition: " + ", ".join(_presets.names())
                  + f" (default {_presets.DEFAULT_PRESS}); decides profile, ink limit, intent, marks, plant checks")
    x.add_argument("--press", choices=_presets.names(), default=None, metavar="NAME", help=press_help)
    x.add_argument("--profile", metavar="ICC",
                   help="a plant's own CMYK output profile (overrides the condition's; custom needs it)")
    x.add_argument("--ink-limit", type=float, default=None, metavar="PCT",
                   help="total area coverage limit, %% (default: the condition's, 240 for newsprint)")
    x.add_argument("--pdfx", choices=("4", "1a", "none"), default="4", help="PDF/X-4 (default) or PDF/X-1a:2001")
    x.add_argument("--force", action="store_true", help="export even when preflight finds errors")
    x.set_defaults(func=cmd_export)

    f = sub.add_parser("preflight", help="check a layout for print problems",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    f.add_argument("file", metavar="FILE", nargs="?")
    f.add_argument("--sample", action="store_true", help="the bundled sample page instead of FILE")
    f.add_argument("--json", action="store_true", help="machine-readable report")
    f.add_argument("--press", choices=_presets.names(), default=None, metavar="NAME", help=press_help)
    f.add_argument("--profile", metavar="ICC", help="a plant's own CMYK output profile")
    f.add_argument("--ink-limit", type=float, default=None, metavar="PCT")
    f.set_defaults(func=cmd_preflight)

    c = sub.add_parser("copyfit", help="how far each story is from fitting, and remedies that fit",
                       description="For every placed story: overset (溢出) or short (欠) in 字 and lines, "
                                   "and remedies checked by laying them out. Exit 0 when every story "
                                   "fits, 1 when one does not.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("file", metavar="FILE")
    c.add_argument("--json", action="store_true", help="machine-readable report")
    c.set_defaults(func=cmd_copyfit)

    from banmian.core.makeup import cli as makeup_cli      # `banmian makeup` (自动组版)
    makeup_cli.register(sub, epilog=EPILOG)

    r = sub.add_parser("proof", help="PNG proofs of every page through the Qt painter",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("file", metavar="FILE")
    r.add_argument("-o", "--output", required=True, metavar="DIR")
    r.add_argument("--dpi", type=float, default=150)
    r.set_defaults(func=cmd_proof)

    d = sub.add_parser("install-desktop", help="add Banmian to the desktop's menu, file types and icons",
                       description="Install the .desktop entry, the MIME type application/x-banmian-layout "
                                   "(*.banmian.json and JSON files with \"format\": \"banmian/1\") and the "
                                   "icons into an XDG data folder (Linux/BSD desktops).")
    w = d.add_mutually_exclusive_group()
    w.add_argument("--user", action="store_true", help="for this user: $XDG_DATA_HOME or ~/.local/share (default)")
    w.add_argument("--system", action="store_true", help="for everyone: /usr/local/share (needs root)")
    w.add_argument("--prefix", metavar="DIR", help="into DIR (DIR/applications, DIR/mime, DIR/icons)")
    d.add_argument("--uninstall", action="store_true", help="remove what install-desktop installed")
    d.set_defaults(func=cmd_install_desktop)

    # --- import subcommand (desktop/core/importers/cli.py registers it; not loaded at all
    #     for the other commands, to keep `banmian export` quick)
    if with_import:
        from banmian.core.importers import cli as import_cli
        import_cli.register(sub)
    # --- end import subcommand
    return p


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `banmian` and `banmian FILE` open the editor
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["edit"] + argv
    parser = build_parser(with_import=argv[0] in ("import", "-h", "--help"))
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_USAGE
        return int(args.func(args) or 0)
    except _Fail as e:
        for line in e.lines:
            print(line, file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 — anything left: one line, the documented code, a log
        cmd = argv[0] if argv else "banmian"
        f = _internal(e, EXIT_INPUT, f"banmian {cmd}")
        for line in f.lines:
            print(line, file=sys.stderr)
        return f.code


if __name__ == "__main__":
    sys.exit(main())
