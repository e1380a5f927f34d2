"""The main window: canvas with rulers, tools, menus, dock panels, files.

Strings are English in the source and translated by Qt's machinery
(desktop/gui/i18n/banmian_zh_CN.ts → .qm); the app installs the Chinese
translator unless the locale or the ``language`` setting says otherwise.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QGridLayout, QInputDialog, QLabel, QMainWindow,
    QMessageBox, QWidget,
)

from ..core import commands as C
from ..core import paths
from ..core.io import LayoutFileError, dumps, load_document, loads
from ..core.model.document import Document, ImageFrame, Page, ParagraphStyle, Swatch, TextFrame
from . import errors, files
from . import find_dialog, wordcount
from .canvas import Canvas, Ruler
from .pages_panel import PagesPanel
from .panels import ArticlesPanel, PreflightPanel, PropertiesPanel
from .session import Session
from .story_editor import StoryEditor
from .styles_panel import StylesPanel
from .text_edit import TypeTool
from .tools import FrameTool, HandTool, LinkTool, SelectionTool, ZoomTool

SAMPLE = paths.sample_layout()
TEMPLATES = paths.templates_dir()
AUTOSAVE_MS = 60_000
RECOVERY_SUFFIX = paths.RECOVERY_SUFFIX


def blank_document() -> Document:
    """One empty 对开 page with basic styles (used when no template is there)."""
    return Document(
        swatches=[Swatch("Black", k=100)],
        paragraph_styles=[ParagraphStyle("paragraph", indent=2, label="正文"),
                          ParagraphStyle("headline", font="hei-bold", size=26, align="center", label="主题")],
        pages=[Page("page-1")],
        meta={},
    )


def default_document_path() -> Path | None:
    if SAMPLE.is_file():
        return SAMPLE
    for name in ("duikai.json", "sikai.json"):
        if (TEMPLATES / name).is_file():
            return TEMPLATES / name
    return None


recovery_path = paths.recovery_path

#: every open editor window (one per document); a window leaves the list when it closes
WINDOWS: list["MainWindow"] = []


def fallback_recovery_path(path: Path | None, key: str | None = None) -> Path:
    """Where autosave writes when the user data folder cannot be written (full, read-only,
    not a folder): the system's temporary folder, same file name."""
    import tempfile
    return Path(tempfile.gettempdir()) / "banmian-recovery" / recovery_path(path, key).name


def recovery_files(path: Path | None, key: str | None = None) -> list[Path]:
    return [recovery_path(path, key), fallback_recovery_path(path, key)]


def untitled_recovery_files() -> list[Path]:
    """Every untitled page's recovery file left by an earlier run (either folder)."""
    pattern = "untitled*" + paths.RECOVERY_SUFFIX
    out = []
    for folder in (paths.recovery_dir(), fallback_recovery_path(None).parent):
        try:
            out += [p for p in folder.glob(pattern) if p.is_file()]
        except OSError:
            pass
    return out


class MainWindow(QMainWindow):
    ready = Signal()

    def __init__(self, path=None, *, settings: QSettings | None = None, ask=None, template=False,
                 document: Document | None = None):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.settings = settings or QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
        # ask(title, text) -> bool; tests replace it to answer dialogs
        self.ask = ask or self._ask
        from . import wheel_guard
        wheel_guard.install()      # the wheel scrolls; it never changes an unfocused combo/spin box
        self.prompt_save = self._prompt_save
        self.session: Session | None = None
        self.template_origin = template
        self._ready_time = None
        self.setDockOptions(QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AnimatedDocks)
        # one window per document, built once: its own undo stack, panels and actions
        # (replacing the document inside a window re-created docks and actions,
        # which left every shortcut registered twice and the canvas 50 px wide)
        self._build_session(Session(document, None) if document is not None else self._load_initial(path))
        WINDOWS.append(self)
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self.resize(1400, 900)

    # ================================================================ building
    def _load_initial(self, path) -> Session:
        if path is None:
            # an untitled page's autosave from a session that did not end: offered first
            untitled = Session(blank_document(), None)
            if self._offer_recovery(untitled):
                return untitled
            p = default_document_path()
            if p is None:
                return Session(blank_document())
            sess = Session.open(p)
            if p.parent == TEMPLATES:      # a template opens as a new untitled page
                sess = Session(sess.doc, None)
                sess._template_dir = p.parent
            return sess
        sess = Session.open(path)
        self._offer_recovery(sess)
        return sess

    def _offer_recovery(self, sess: Session) -> bool:
        """Offer the newest recovery file of this page whenever one exists — for untitled pages
        too; when the page on disk changed after the autosave, the message gives both times."""
        if sess.path is None:
            recs = untitled_recovery_files()
        else:
            recs = [r for r in recovery_files(sess.path) if r.is_file()]
        if not recs:
            return False
        rec = max(recs, key=lambda r: r.stat().st_mtime)
        try:
            doc = loads(rec.read_text("utf-8"), str(rec))
            rec_t = rec.stat().st_mtime
        except (OSError, ValueError, LayoutFileError):
            return False

        def when(t):
            return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t))
        name = sess.path.name if sess.path else self.tr("an untitled page")
        text = (self.tr("Banmian found changes to “%1” that were not saved (autosaved %2). "
                        "Recover them?").replace("%1", name).replace("%2", when(rec_t)))
        try:
            disk_t = sess.path.stat().st_mtime if sess.path else None
        except OSError:
            disk_t = None
        if disk_t is not None and disk_t > rec_t:
            text += "\n\n" + (self.tr("The page on disk was saved later, at %1 (autosave: %2). Recovering "
                                        "shows the autosaved version; Undo gives back the one on disk.")
                                .replace("%1", when(disk_t)).replace("%2", when(rec_t)))
        if self.ask(self.tr("Recover unsaved changes?"), text):
            # one undoable edit: the window shows unsaved changes, and Undo gives
            # back the document as it was on disk
            if sess.push(C.ReplaceDocument(dumps(sess.doc), dumps(doc), text="恢复自动保存的修改")):
                sess.recovered = True
                if sess.path is None:      # the page goes on autosaving into that file
                    sess.recovery_key = paths.untitled_key(rec)
                return True
        return False

    def _build_session(self, sess: Session) -> None:
        assert self.session is None, "a window shows one document; open others in new windows"
        if sess.path is None and getattr(sess, "recovery_key", None) is None \
                and not getattr(sess, "recovered", False):
            import secrets      # this window's own untitled recovery file
            sess.recovery_key = secrets.token_hex(4)
        self.session = sess
        sess.setParent(self)
        self._build_ui()
        self._update_title()

    def _build_ui(self):
        s = self.session
        self.canvas = Canvas(s)
        central = QWidget()
        grid = QGridLayout(central)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        self.hruler = Ruler(self.canvas, True)
        self.vruler = Ruler(self.canvas, False)
        corner = QLabel("mm")
        corner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        corner.setFixedSize(20, 20)
        grid.addWidget(corner, 0, 0)
        grid.addWidget(self.hruler, 0, 1)
        grid.addWidget(self.vruler, 1, 0)
        grid.addWidget(self.canvas, 1, 1)
        self.setCentralWidget(central)
        # panels
        self.story_editor = StoryEditor(s)
        self.pages_panel = PagesPanel(s)
        self.articles_panel = ArticlesPanel(s)
        self.props_panel = PropertiesPanel(s)
        self.styles_panel = StylesPanel(s)
        self.preflight_panel = PreflightPanel(s)
        self.docks = {}
        for key, title, w, area in (
                ("pages", self.tr("Pages"), self.pages_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("articles", self.tr("Articles"), self.articles_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("properties", self.tr("Properties"), self.props_panel, Qt.DockWidgetArea.RightDockWidgetArea),
                ("styles", self.tr("Paragraph styles"), self.styles_panel, Qt.DockWidgetArea.RightDockWidgetArea),
                ("preflight", self.tr("Preflight"), self.preflight_panel, Qt.DockWidgetArea.RightDockWidgetArea),
                ("story", self.tr("Story editor"), self.story_editor, Qt.DockWidgetArea.RightDockWidgetArea)):
            d = QDockWidget(title, self)
            d.setObjectName(key)
            d.setWidget(w)
            self.addDockWidget(area, d)
            self.docks[key] = d
        self.tabifyDockWidget(self.docks["properties"], self.docks["styles"])
        self.tabifyDockWidget(self.docks["styles"], self.docks["preflight"])
        self.tabifyDockWidget(self.docks["preflight"], self.docks["story"])
        self.docks["properties"].raise_()
        self.resizeDocks([self.docks["pages"], self.docks["properties"]], [200, self._dock_tabs_width()],
                         Qt.Orientation.Horizontal)
        # status bar
        self.zoom_label = QLabel()
        self.pos_label = QLabel()
        self.layout_label = QLabel()
        sb = self.statusBar()
        sb.addPermanentWidget(self.layout_label)
        sb.addPermanentWidget(self.pos_label)
        sb.addPermanentWidget(self.zoom_label)
        self._build_actions()
        from . import pages_panel
        pages_panel.install(self)          # the Page menu; masters edited in the canvas
        self._connect_session()
        self.set_tool("select")

    def _dock_tabs_width(self) -> int:
        """The right dock area's width: at least 300 px, and wide enough for its tab labels whole
        (English ones were cut to "Prop…", "Pr…"); the labels are never elided."""
        from PySide6.QtWidgets import QTabBar
        need = 0
        for tb in self.findChildren(QTabBar):
            tb.setElideMode(Qt.TextElideMode.ElideNone)
            need = max(need, sum(tb.tabSizeHint(i).width() for i in range(tb.count())))
        return max(300, need + 12)

    def _connect_session(self):
        s = self.session
        s.clean_changed.connect(lambda _c: self._update_title())
        s.path_changed.connect(self._update_title)
        s.layout_changed.connect(lambda *_: self._update_status())
        self.canvas.zoom_changed.connect(lambda *_: self._update_status())
        self.canvas.cursor_moved.connect(lambda x, y: self.pos_label.setText(f"X {x:.1f}  Y {y:.1f} mm"))
        self.canvas.frame_double_clicked.connect(self.open_story_of_frame)
        self.pages_panel.page_activated.connect(self._page_activated)
        self.articles_panel.story_activated.connect(self.open_story)
        # the story editor follows a finding without covering the Preflight tab it shares
        # (raising it made a double-click on the next finding impossible)
        self.preflight_panel.story_activated.connect(
            lambda sid, ch: self.story_editor.show_story(sid, ch if ch >= 0 else None))
        self.preflight_panel.finding_shown.connect(self.canvas.show_frame)
        self.act_undo_stack_bind()

    # ================================================================ actions
    def _action(self, text, slot=None, shortcut=None, checkable=False, menu=None, key=None):
        a = QAction(text, self)
        if shortcut:
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QKeySequence(k) for k in shortcut])
            else:
                a.setShortcut(QKeySequence(shortcut))
        a.setCheckable(checkable)
        if slot is not None:
            # triggered(checked) never reaches the slot as an argument (save_as(path=None)
            # got False as a path) except for checkable actions, which want it; any
            # exception reaches the user as a dialog naming the command, and the log
            a.triggered.connect(errors.guarded(slot, text.replace("&", ""), pass_args=checkable))
        if menu is not None:
            menu.addAction(a)
        self.addAction(a)
        if key:
            self.actions_by_key[key] = a
        return a

    def _build_actions(self):
        self.actions_by_key: dict[str, QAction] = {}
        mb = self.menuBar()
        A = self._action
        # -- File (slots with an optional path get none: triggered(bool) would pass False as one)
        m = mb.addMenu(self.tr("&File"))
        A(self.tr("New from template…"), self.new_from_template, QKeySequence.StandardKey.New, menu=m, key="new")
        A(self.tr("Open…"), self.open_dialog, QKeySequence.StandardKey.Open, menu=m, key="open")
        self.recent_menu = m.addMenu(self.tr("Open recent"))
        self._fill_recent()
        m.addSeparator()
        A(self.tr("Save"), self.save, QKeySequence.StandardKey.Save, menu=m, key="save")
        A(self.tr("Save as…"), self.save_as, QKeySequence("Ctrl+Shift+S"), menu=m, key="save_as")
        A(self.tr("Revert"), self.revert, menu=m, key="revert")
        m.addSeparator()
        A(self.tr("Import article…"), lambda: self.import_article(), QKeySequence("Ctrl+Shift+I"), menu=m, key="import")
        A(self.tr("Place image…"), lambda: self.place_image(), QKeySequence("Ctrl+D"), menu=m, key="place")
        m.addSeparator()
        A(self.tr("Export PDF…"), self.export_pdf, QKeySequence("Ctrl+E"), menu=m, key="export")
        A(self.tr("Export PNG proofs…"), lambda: self.export_png(), QKeySequence("Ctrl+Shift+E"), menu=m, key="proofs")
        m.addSeparator()
        A(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, menu=m, key="quit")
        # -- Edit
        m = mb.addMenu(self.tr("&Edit"))
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("Redo"))
        # Ctrl+Shift+Z (and Ctrl+Y nowhere: it opens the story editor, as in InDesign — the
        # platform's Redo key would make Ctrl+Y ambiguous on Windows and Linux)
        redo_keys = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                     if k != QKeySequence("Ctrl+Y")]
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        m.addAction(self.undo_action)
        m.addAction(self.redo_action)
        self.actions_by_key["undo"], self.actions_by_key["redo"] = self.undo_action, self.redo_action
        m.addSeparator()
        A(self.tr("Select all on page"), self.select_all, QKeySequence.StandardKey.SelectAll, menu=m, key="select_all")
        A(self.tr("Select article"), self.select_article, QKeySequence("Ctrl+Shift+A"), menu=m, key="select_article")
        A(self.tr("Delete"), self.delete_selection, QKeySequence.StandardKey.Delete, menu=m, key="delete")
        A(self.tr("Unlink frame"), self.unlink_selection, QKeySequence("Ctrl+Shift+U"), menu=m, key="unlink")
        find_dialog.install(self, m)
        m.addSeparator()
        A(self.tr("Language: Chinese / English (restart)"), self.toggle_language, menu=m, key="language")
        # -- View
        m = mb.addMenu(self.tr("&View"))
        c = self.canvas
        A(self.tr("Zoom in"), c.zoom_in, [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")], menu=m, key="zoom_in")
        A(self.tr("Zoom out"), c.zoom_out, QKeySequence("Ctrl+-"), menu=m, key="zoom_out")
        A(self.tr("Fit page"), c.fit_page, QKeySequence("Ctrl+0"), menu=m, key="fit_page")
        A(self.tr("Fit width"), c.fit_width, QKeySequence("Ctrl+Alt+0"), menu=m, key="fit_width")
        A(self.tr("Actual size (100%)"), c.actual_size, QKeySequence("Ctrl+1"), menu=m, key="actual")
        m.addSeparator()
        g = A(self.tr("Guides"), lambda on: self._toggle("show_guides", on), QKeySequence("Ctrl+;"),
              True, m, "guides")
        g.setChecked(True)
        A(self.tr("Baseline grid"), lambda on: self._toggle("show_baseline", on), QKeySequence("Ctrl+Alt+'"),
          True, m, "baseline")
        fe = A(self.tr("Frame edges"), lambda on: self._toggle("show_frames", on), QKeySequence("Ctrl+H"),
               True, m, "frames")
        fe.setChecked(True)
        sn = A(self.tr("Snap to grid and frames"), lambda on: self._toggle("snap", on), QKeySequence("Ctrl+Shift+;"),
               True, m, "snap")
        sn.setChecked(True)
        A(self.tr("Preview (as printed)"), lambda on: self._toggle("preview", on), QKeySequence("W"),
          True, m, "preview")
        A(self.tr("Soft proof (press colours)"), self.toggle_soft_proof, QKeySequence("Ctrl+Alt+Y"),
          True, m, "soft_proof")
        # -- Tools
        m = mb.addMenu(self.tr("&Tools"))
        self.tool_group = QActionGroup(self)
        self.tools = {
            "select": (self.tr("Selection"), "V", SelectionTool),
            "text": (self.tr("Text frame"), "T", TypeTool),
            "image": (self.tr("Image frame"), "F", lambda: FrameTool("image")),
            "rule": (self.tr("Rule"), "\\", lambda: FrameTool("rule")),
            "box": (self.tr("Box"), "M", lambda: FrameTool("box")),
            "link": (self.tr("Link text frames"), "L", LinkTool),
            "hand": (self.tr("Hand"), "H", HandTool),
            "zoom": (self.tr("Zoom"), "Z", ZoomTool),
        }
        tb = self.addToolBar(self.tr("Tools"))
        tb.setObjectName("tools")
        for key, (label, sc, _factory) in self.tools.items():
            a = A(label, lambda _=False, k=key: self.set_tool(k), QKeySequence(sc), True, m, "tool_" + key)
            self.tool_group.addAction(a)
            tb.addAction(a)
        wordcount.install(self, m)
        # -- Type
        m = mb.addMenu(self.tr("T&ype"))
        A(self.tr("Story editor"), self.open_story_editor, QKeySequence("Ctrl+Y"), menu=m, key="story")
        from . import arrange
        arrange.install(self)        # -- Arrange (排列): align, distribute, order, lock, guides
        # -- Window
        m = mb.addMenu(self.tr("&Window"))
        for d in self.docks.values():
            m.addAction(d.toggleViewAction())
        # -- Help
        m = mb.addMenu(self.tr("&Help"))
        A(self.tr("Keyboard shortcuts"), self.show_shortcuts, QKeySequence("F1"), menu=m, key="shortcuts")

    def act_undo_stack_bind(self):
        pass

    def toggle_soft_proof(self, on):
        """印刷预览: the current page as the chosen press prints it (gui/softproof.py)."""
        from .softproof import toggle
        toggle(self, bool(on))

    def _toggle(self, attr, on):
        setattr(self.canvas, attr, bool(on))
        self.canvas.viewport().update()

    def set_tool(self, key: str, instance=None):
        tool = instance or self.tools[key][2]()
        self.canvas.set_tool(tool)
        a = self.actions_by_key.get("tool_" + key)
        if a is not None:
            a.setChecked(True)

    def shortcut_rows(self):
        """(command, keys) once per command: the menus' actions (Undo/Redo by their own names,
        not "Undo 移动框"), then the mouse gestures; a command reached two ways is one row."""
        rows = []
        names = {self.undo_action: self.tr("Undo"), self.redo_action: self.tr("Redo")}
        for a in self.findChildren(QAction):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
            name = names.get(a, a.text()).replace("&", "")
            if keys and name:
                rows.append((name, keys))
        rows += [(self.tr("Move a frame 1 mm (Shift: 10 mm)"), [self.tr("Arrow keys")]),
                 (self.tr("Pan while held"), [self.tr("Space")]),
                 (self.tr("Zoom around the pointer"), [self.tr("Ctrl+wheel")]),
                 (self.tr("Select article"), [self.tr("Alt+click")]),
                 (self.tr("Add to / remove from selection"), [self.tr("Shift+click")]),
                 (self.tr("Constrain a move or keep proportions"), [self.tr("Shift+drag")]),
                 (self.tr("Open the frame's story at that character"), [self.tr("Double-click a text frame")]),
                 (self.tr("Move the picture inside its frame (crop)"),
                  [self.tr("Ctrl+drag, or double-click the image frame and drag (Esc leaves)")]),
                 (self.tr("Add a guide"), [self.tr("Drag from a ruler onto the page")]),
                 (self.tr("Move or remove a guide"), [self.tr("Drag it (off the page removes it)")])]
        merged: dict[str, list[str]] = {}
        for name, keys in rows:
            have = merged.setdefault(name, [])
            have += [k for k in keys if k not in have]
        return [(name, ", ".join(keys)) for name, keys in merged.items()]

    def show_shortcuts(self):
        from .dialogs import ShortcutsDialog
        ShortcutsDialog(self.shortcut_rows(), self).exec()

    # ================================================================ status / title
    def _update_title(self):
        s = self.session
        name = s.path.name if s.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — " + self.tr("Banmian"))
        self.setWindowModified(s.is_modified())

    def _update_status(self):
        self.zoom_label.setText(f"{self.canvas.zoom * 100:.0f}%")
        s = self.session
        if s.layout_error:
            self.layout_label.setText(self.tr("Layout error: %1").replace("%1", s.layout_error))
        else:
            self.layout_label.setText(self.tr("layout %1 ms").replace("%1", f"{s.last_layout_ms:.0f}"))

    def first_paint(self):
        """Called by the canvas after its first paint (startup benchmark hook)."""
        if self._ready_time is None:
            self._ready_time = time.perf_counter()
            self.ready.emit()
            _freeze_heap()

    def showEvent(self, e):
        super().showEvent(e)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            QTimer.singleShot(0, self.canvas.fit_page)
            QTimer.singleShot(0, self._update_status)

    # ================================================================ selection / edit
    def select_all(self):
        s = self.canvas.session        # the page's, or the master's being edited
        page = next((p for p in s.doc.pages if p.id == s.current_page), None)
        if page is not None:
            s.set_selection([f.id for f in page.frames])

    def select_article(self):
        s = self.session
        ids = []
        for fid in s.selection:
            ids += s.article_frames(fid)
        s.set_selection(ids)

    def delete_selection(self):
        s = self.canvas.session        # the page's, or the master's being edited
        if s.selection:
            s.push(C.DeleteFrame(s.selection))

    def unlink_selection(self):
        for fid in self.session.selection:
            _, f = self.session.doc.find_frame(fid)
            if isinstance(f, TextFrame) and f.next:
                self.session.push(C.UnlinkFrame(fid))

    def _page_activated(self, pid):
        self.session.current_page = pid
        self.canvas.scroll_to_page(pid)

    # ================================================================ story editor
    def open_story_editor(self):
        s = self.session
        sid = None
        for fid in s.selection:
            sid = s.story_of_frame(fid)
            if sid:
                break
        self.open_story(sid or self.story_editor.story_id)

    def open_story(self, story_id, char=None):
        self.docks["story"].show()
        self.docks["story"].raise_()
        self.story_editor.show_story(story_id, char)
        if char is None:
            self.story_editor.focus_block(0)

    def open_story_of_frame(self, frame_id: str, pos=None):
        """Open the frame's story; at the character under ``pos`` (viewport point) if given."""
        s = self.session
        sid = s.story_of_frame(frame_id)
        if sid is None:
            return
        hit = self.canvas.char_at(frame_id, pos) if pos is not None else None
        if hit is not None and hit[0] == sid:
            self.open_story(sid, hit[1])
            return
        # open at the first character this frame shows
        char = None
        for pr in s.result.pages:
            for fl in pr.frames:
                if fl.frame == frame_id:
                    char = fl.first_char
        self.open_story(sid, char)

    # ================================================================ images / import
    def place_image(self, path: str | None = None):
        s = self.session
        if path is None:
            path = files.get_open_file(self, self.tr("Place image"), str(files.default_folder(s.path)),
                                       self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff)"))
            if not path:
                return False
        link = self._relative(Path(path))
        if link is None:
            return False
        rel, allow = link
        pre = [allow] if allow is not None else []      # the link folder, in the same undo step
        target = None
        for fid in s.selection:
            _, f = s.doc.find_frame(fid)
            if isinstance(f, ImageFrame):
                target = f.id
                break
        if target is not None:
            cmd = C.PlaceImage(target, rel)
            return s.push(C.Compound(pre + [cmd], text=cmd.text) if pre else cmd)
        # no image frame selected: a new one over two columns at the top of the current page
        page = next((p for p in s.doc.pages if p.id == s.current_page), s.doc.pages[0])
        from .geometry import column_edges
        cols = column_edges(page)
        x0, x1 = cols[0][0], cols[min(1, len(cols) - 1)][1]
        fid = C.new_id(s.doc, "image")
        frame = ImageFrame(fid, x0, page.margins.top, x1 - x0, (x1 - x0) * 0.7, fit="fill")
        ok = s.push(C.Compound(pre + [C.AddFrame(page.id, frame), C.PlaceImage(fid, rel)], text="置入图片"))
        if ok:
            s.set_selection([fid])
        return ok

    def _relative(self, p: Path):
        """(the path the layout links the image by, a SetMeta allowing its folder or None), or
        None when the editor declines.  Inside the layout's folder: a relative path.  Outside it
        (another folder, another drive): the absolute path, once the editor agrees to allow its
        folder as a link folder of this layout — the loader and preflight refuse links outside
        the layout's folder otherwise."""
        from ..core import imagefile
        base = self.session.base_dir.resolve()
        real = p.resolve()
        try:
            return real.relative_to(base).as_posix(), None
        except ValueError:
            pass
        folder = real.parent
        allowed = imagefile.link_folders(self.session.doc.meta, base)
        if any(folder == a or a in folder.parents for a in allowed):
            return real.as_posix(), None
        if not self.ask(self.tr("Image outside the layout folder"),
                        self.tr("The image is outside the layout's folder. Allow its folder "
                                "(%1) as a link folder of this page?").replace("%1", str(folder))):
            return None
        lines = [ln for ln in str(self.session.doc.meta.get(imagefile.LINK_FOLDERS_KEY, "")).splitlines() if ln]
        return real.as_posix(), C.SetMeta(imagefile.LINK_FOLDERS_KEY, "\n".join(lines + [str(folder)]))

    def import_article(self, path: str | None = None):
        """Choose an article, confirm its roles in the import dialog, add it as unplaced copy.

        Returns the dialog (opened window-modal, not exec'd: tests drive it and
        accept or reject it) or None when nothing was read.  OK adds the story
        with one AddStory command; Cancel adds nothing.
        """
        from ..core.importers import import_file
        if path is None:
            path = files.get_open_file(self, self.tr("Import article"), str(files.default_folder(self.session.path)),
                                       self.tr("Articles (*.txt *.md *.docx)"))
            if not path:
                return None
        s = self.session
        image_dir = s.path.parent / "images" if s.path else None
        try:
            res = import_file(path, image_dir=image_dir)
        except Exception as e:      # ArticleImportError names the file and the reason
            QMessageBox.warning(self, self.tr("Import article"), errors.core_text(str(e)))
            return None
        from .import_dialog import ImportArticleDialog
        dlg = ImportArticleDialog(path, res, self, image_dir=image_dir)
        dlg.accepted.connect(lambda d=dlg: self._add_imported(d))
        dlg.finished.connect(dlg.deleteLater)
        self.import_dialog = dlg
        dlg.open()
        return dlg

    def _add_imported(self, dlg) -> bool:
        s = self.session
        story, pstyles, cstyles, swatches = dlg.story_for(s.doc)
        ok = s.push(C.AddStory(story, paragraph_styles=pstyles, character_styles=cstyles, swatches=swatches))
        dlg.added_story = story.id if ok else None
        if ok:
            self.docks["articles"].show()
            self.docks["articles"].raise_()
            self.articles_panel.refresh()
            self.articles_panel.select_story(story.id)
            self.open_story(story.id)
            self.statusBar().showMessage(
                self.tr("“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame")
                .replace("%1", story.name or story.id), 8000)
        return ok

    # ================================================================ files
    def _ask(self, title, text) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _maybe_save(self) -> bool:
        if not self.session.is_modified():
            return True
        r = self.prompt_save()
        if r == "save":
            return self.save()
        return r == "discard"

    def _prompt_save(self) -> str:
        """'save', 'discard' or 'cancel' (tests replace ``prompt_save``)."""
        r = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this page first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if r == QMessageBox.StandardButton.Save:
            return "save"
        return "discard" if r == QMessageBox.StandardButton.Discard else "cancel"

    def _pristine(self) -> bool:
        """An untitled page nobody has touched: opening a file may take its place."""
        return self.session.path is None and not self.session.is_modified() \
            and self.session.undo_stack.count() == 0

    def open_window(self, path=None, document: Document | None = None) -> "MainWindow | None":
        """A new window beside this one, for a file or a document (the current one stays open)."""
        try:
            w = MainWindow(path, settings=self.settings, ask=self.ask, document=document)
        except LayoutFileError as e:    # the loader's lines as the CLI prints them, under a translated head
            QMessageBox.critical(self, self.tr("Cannot open"), self.tr("The page could not be opened:") + "\n" + str(e))
            return None
        w.prompt_save = self.prompt_save if self.prompt_save != self._prompt_save else w._prompt_save
        w.resize(self.size())
        w.move(self.pos() + QPoint(30, 30))
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def open_path(self, path) -> "MainWindow | None":
        """Open a layout in its own window (an untouched untitled window gives way to it)."""
        for w in WINDOWS:       # already open: show that window
            if w.session.path is not None and Path(path).resolve() == w.session.path.resolve():
                w.raise_()
                w.activateWindow()
                return w
        w = self.open_window(path)
        if w is None:
            return None
        w._add_recent(w.session.path)
        if self._pristine():
            self.close()
        return w

    def open_dialog(self):
        p = files.get_open_file(self, self.tr("Open page"), str(files.default_folder(self.session.path)),
                                self.tr("Banmian pages (*.json)"))
        if p:
            self.open_path(p)

    def new_from_template(self) -> "MainWindow | None":
        """Pick a template in the dialog; the new untitled page opens in a new window."""
        from .template_dialog import NewFromTemplateDialog
        dlg = NewFromTemplateDialog(self)
        self.template_dialog = dlg
        if dlg.exec() != NewFromTemplateDialog.DialogCode.Accepted:
            return None
        doc = dlg.chosen_document()
        if doc is None:
            it = dlg.list.currentItem()
            QMessageBox.critical(self, self.tr("Cannot open"), it.toolTip() if it else "")
            return None
        return self.open_window(document=doc)

    def save(self) -> bool:
        if self.session.path is None or self.session.path.parent == TEMPLATES:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if not isinstance(path, (str, Path)):      # None (or a stray signal argument): ask
            start = files.default_file(self.session.path, ".json", self.tr("Untitled"))
            path = files.get_save_file(self, self.tr("Save page as"), start, self.tr("Banmian pages (*.json)"))
            if not path:
                return False
            if not path.endswith(".json"):
                path += ".json"
        return self._save_to(Path(path))

    def _recovery_files(self) -> list[Path]:
        s = self.session
        return recovery_files(s.path, getattr(s, "recovery_key", None) if s.path is None else None)

    def _save_to(self, path: Path) -> bool:
        old_recs = self._recovery_files()
        try:
            self.session.save(path)
        except Exception as e:    # the old file is intact (atomic save)
            QMessageBox.critical(self, self.tr("Save failed"), self._save_failure(Path(path), e))
            return False
        for rec in set(old_recs + self._recovery_files()):
            try:
                rec.unlink()
            except OSError:
                pass
        self._add_recent(self.session.path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        return True

    def _save_failure(self, path: Path, e: Exception) -> str:
        """What happened, naming the real file — never the temporary one."""
        from ..core.io import ReadOnlyTargetError
        reason = errors.os_reason(e)
        if not path.parent.is_dir():
            return self.tr("The folder “%1” no longer exists; nothing was saved. Use Save As to save the "
                           "page somewhere else.").replace("%1", str(path.parent))
        elif isinstance(e, ReadOnlyTargetError):      # the head says it all (core's reason is English)
            return self.tr("“%1” is read-only; it was not overwritten. Use Save As, or make the file "
                           "writable.").replace("%1", str(path))
        elif path.exists():
            head = self.tr("“%1” could not be saved; the file on disk is unchanged.").replace("%1", str(path))
        else:
            head = self.tr("“%1” could not be saved; nothing was written.").replace("%1", str(path))
        return f"{head}\n\n{reason}"

    def revert(self):
        if self.session.path is None:
            return
        if self.session.is_modified() and not self.ask(self.tr("Revert"),
                                                        self.tr("Discard every change since the last save?")):
            return
        s = self.session
        try:
            disk = load_document(s.path)
        except (OSError, LayoutFileError) as e:
            QMessageBox.critical(self, self.tr("Cannot open"), self.tr("The page could not be opened:") + "\n" + str(e))
            return
        old, new = dumps(s.doc), dumps(disk)
        if old != new:
            # an undoable command: Undo after Revert gives back what was open
            s.push(C.ReplaceDocument(old, new, text="恢复到已保存"))
        s.undo_stack.setClean()         # the document is the file on disk again
        self._update_title()

    def autosave(self) -> Path | None:
        """Write the recovery file if there are unsaved changes (never the document itself).

        When the user data folder cannot be written, the fallback in the temporary folder is
        used, and a status-bar warning stays until autosave works again."""
        s = self.session
        if not s.is_modified():
            return None
        from ..core.io import atomic_write_bytes
        data = dumps(s.doc).encode("utf-8")
        rec, fallback = self._recovery_files()
        try:
            rec.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(rec, data)
        except OSError as e:
            try:
                fallback.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(fallback, data)
                written = fallback
            except OSError:
                written = None
            self._show_autosave_problem(rec, e, written)
            return written
        if getattr(self, "autosave_warning", None) is not None and self.autosave_warning.isVisible():
            self.autosave_warning.hide()
            try:
                fallback.unlink()
            except OSError:
                pass
        return rec

    def _show_autosave_problem(self, rec: Path, e: OSError, written: Path | None) -> None:
        if getattr(self, "autosave_warning", None) is None:
            self.autosave_warning = QLabel()
            self.autosave_warning.setObjectName("autosave_warning")
            self.autosave_warning.setStyleSheet("color: #b00020; font-weight: bold")
            self.statusBar().addPermanentWidget(self.autosave_warning)
        msg = self.tr("Autosave failed: %1").replace("%1", f"{rec.parent}: {errors.os_reason(e)}")
        msg += " — " + (self.tr("saved to %1 instead").replace("%1", str(written)) if written
                        else self.tr("no fallback location could be written either; save the page now"))
        self.autosave_warning.setText(msg)
        self.autosave_warning.setToolTip(msg)
        self.autosave_warning.show()

    def _recent(self) -> list[str]:
        v = self.settings.value("recent", [])
        if isinstance(v, str):
            v = [v]
        return [x for x in (v or []) if x]

    def _add_recent(self, path):
        if path is None:
            return
        lst = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent", lst[:10])
        self._fill_recent()

    def _fill_recent(self):
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        for p in self._recent():
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, p=p: self.open_path(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def export_pdf(self):
        from .dialogs import ExportPdfDialog
        s = self.session
        # the layout's folder when it can be written, else Documents (never a bundled sample's folder)
        out = files.default_file(s.path, ".pdf", self.tr("Untitled"))
        dlg = ExportPdfDialog(s, out, self)
        self.export_dialog = dlg
        if dlg.exec():
            from ..core.press import PressError
            try:                 # the Preflight panel checks for the print condition chosen here
                self.preflight_panel.set_press(dlg.condition())
            except PressError:
                pass

    def export_png(self, out_dir: str | None = None):
        if out_dir is None:
            out_dir = files.get_directory(self, self.tr("Export PNG proofs"),
                                          str(files.default_folder(self.session.path)))
            if not out_dir:
                return []
        from ..render.qt import render_page_image
        out = []
        for i, pr in enumerate(self.session.result.pages):
            p = Path(out_dir) / f"page-{i + 1}.png"
            render_page_image(pr, dpi=150).save(str(p))
            out.append(p)
        self.statusBar().showMessage(self.tr("%1 proofs written").replace("%1", str(len(out))), 4000)
        return out

    def toggle_language(self):
        cur = self.settings.value("language", "")
        self.settings.setValue("language", "en" if cur != "en" else "zh_CN")
        self.statusBar().showMessage(self.tr("The language changes at the next start."), 5000)

    def closeEvent(self, e):
        if not self._maybe_save():
            e.ignore()
            return
        for rec in self._recovery_files():
            try:
                rec.unlink()
            except OSError:
                pass
        if self in WINDOWS:
            WINDOWS.remove(self)
        e.accept()


_heap_frozen = False


def _freeze_heap() -> None:
    """Once, after the first window is painted: what exists then (fonts, their metrics, Qt's
    wrappers, the first document) is moved out of the cyclic collector's reach (gc.freeze).
    A full collection otherwise walked it all every few dozen keystrokes (~50 ms, a keystroke
    that stalls); objects freed by their reference counts are freed as before."""
    global _heap_frozen
    if not _heap_frozen:
        import gc
        _heap_frozen = True
        gc.freeze()

