"""字数统计 (Tools → Word count): the newsroom count of the selection, the current story and
the current page, side by side (banmian.core.textsearch.count_words says what counts: each Han
character and punctuation mark 1, each Latin word or number 1; spaces and line ends nothing)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout

from ..core.textsearch import WordCount, count_words, page_text

ROWS = ("total", "han", "punct", "words", "other", "chars", "paragraphs")


def selection_text(window) -> str:
    """The text selected on the page (Type tool) or in the story editor."""
    from .text_edit import TypeTool
    t = window.canvas.tool
    if isinstance(t, TypeTool) and t.editing:
        s = t.selected_text()
        if s:
            return s
    ed = getattr(window, "story_editor", None)
    return ed.selected_text() if ed is not None else ""


def current_story(window) -> str | None:
    from .text_edit import TypeTool
    t = window.canvas.tool
    if isinstance(t, TypeTool) and t.story_id:
        return t.story_id
    s = window.session
    for fid in s.selection:
        sid = s.story_of_frame(fid)
        if sid:
            return sid
    ed = getattr(window, "story_editor", None)
    return ed.story_id if ed is not None and ed.story_id and s.doc.story(ed.story_id) else None


def counts(window) -> dict[str, WordCount | None]:
    s = window.session
    sel = selection_text(window)
    sid = current_story(window)
    st = s.doc.story(sid) if sid else None
    pid = s.current_page or (s.doc.pages[0].id if s.doc.pages else None)
    pi = next((i for i, p in enumerate(s.doc.pages) if p.id == pid), None)
    return {"selection": count_words(sel) if sel else None,
            "story": count_words(st.text) if st is not None else None,
            "page": count_words(page_text(s.doc, s.result, pi)) if pi is not None else None}


class WordCountDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("word_count")
        self.setWindowTitle(self.tr("Word count"))
        self.values = counts(window)
        s = window.session
        sid = current_story(window)
        st = s.doc.story(sid) if sid else None
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        heads = {"selection": self.tr("Selected text"),
                 "story": self.tr("Current story") + (f"\n{st.name or st.id}" if st is not None else ""),
                 "page": self.tr("This page")}
        names = {"total": self.tr("Characters (字数)"), "han": self.tr("Chinese characters"),
                 "punct": self.tr("Punctuation"), "words": self.tr("Latin words and numbers"),
                 "other": self.tr("Other characters"), "chars": self.tr("Characters without spaces"),
                 "paragraphs": self.tr("Paragraphs")}
        self.cells: dict[tuple[str, str], QLabel] = {}
        for c, key in enumerate(("selection", "story", "page"), 1):
            h = QLabel(heads[key])
            h.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(h, 0, c)
        for r, row in enumerate(ROWS, 1):
            lab = QLabel(names[row])
            if row == "total":
                f = lab.font()
                f.setBold(True)
                lab.setFont(f)
            grid.addWidget(lab, r, 0)
            for c, key in enumerate(("selection", "story", "page"), 1):
                wc = self.values[key]
                v = "—" if wc is None else str(getattr(wc, row))
                cell = QLabel(v)
                cell.setObjectName(f"wc_{key}_{row}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if row == "total":
                    cell.setFont(lab.font())
                grid.addWidget(cell, r, c)
                self.cells[(key, row)] = cell
        lay.addLayout(grid)
        note = QLabel(self.tr("Each Chinese character and punctuation mark counts 1, each Latin word or "
                              "number 1; spaces and line ends do not count."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        lay.addWidget(note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        lay.addWidget(box)


def show_word_count(window) -> None:
    dlg = WordCountDialog(window)
    page = counts(window)["page"]
    if page is not None:
        msg = QCoreApplication.translate("WordCountDialog", "Page: %1 characters")
        window.statusBar().showMessage(msg.replace("%1", str(page.total)), 8000)
    dlg.exec()


def install(window, menu) -> None:
    """Tools menu: 字数统计."""
    menu.addSeparator()
    window._action(QCoreApplication.translate("MainWindow", "Word count…"), lambda: show_word_count(window),
                   menu=menu, key="word_count")


__all__ = ["WordCountDialog", "counts", "show_word_count", "install"]
