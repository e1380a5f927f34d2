"""Walk what a user sees in a widget tree and find text that is English only (for the zh_CN
completeness tests). Latin inside Chinese is fine ("输出 PDF", "CMYK 色板"), and so are
strings made only of names that are not translated: file formats, units, key names,
standards ("PDF/X-4", "ISO Coated v2", "Ctrl+Shift+S", "100%", "X 12.0  Y 3.5 mm")."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDockWidget, QFileDialog, QGroupBox, QHeaderView, QLabel, QLineEdit,
    QMenu, QMessageBox, QTabBar, QToolBar, QTreeView, QWidget,
)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Latin words allowed in a string that has no Chinese: names, not English
NAMES = {
    "pdf", "cmyk", "rgb", "icc", "icm", "png", "jpg", "jpeg", "tif", "tiff", "docx", "txt", "md", "json",
    "ppi", "dpi", "mm", "pt", "em", "ctrl", "shift", "alt", "esc", "del", "tab", "pgup", "pgdown",
    "iso", "coated", "fogra", "gracol", "cgats", "tr", "swop", "ifra", "newspaper", "uncoated", "wan", "isonewspaper",
    "psr", "lwc", "snp", "banmian", "utf", "gb", "gbk", "big", "qt", "x", "y",
}
_TOKEN = r"[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]"       # a path's characters: not space, not Chinese
PATHLIKE = re.compile(rf"{_TOKEN}*[/\\]{_TOKEN}*|{_TOKEN}+\.(json|pdf|png|jpg|txt|md|docx|icc|icm|log)\b")


def english_only(text: str) -> bool:
    """True when ``text`` has English words and no Chinese."""
    t = re.sub(r"<[^>]+>", " ", text or "")          # rich text
    t = t.replace("&&", "").replace("&", "")          # mnemonics
    t = PATHLIKE.sub(" ", t)
    if not t.strip() or CJK.search(t):
        return False
    words = re.findall(r"[A-Za-z]{2,}", t)
    return any(w.lower() not in NAMES for w in words)


def texts(root: QWidget, *, contents: bool = False):
    """(where, text) for every string the user can see on ``root`` and its children: window
    titles, labels, buttons, tool tips, placeholders, combo items, tab and header labels, menus.
    ``contents``: the items of list widgets too (not by default: they hold the document's own
    names)."""
    out = []
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow() or isinstance(w, QDockWidget):
            out.append((name + ".windowTitle", w.windowTitle()))
        if w.toolTip():
            out.append((name + ".toolTip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(f"{name}[{i}]", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(f"{name}.tab[{i}]", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QHeaderView) and w.model() is not None:
            m = w.model()
            n = m.columnCount() if w.orientation() == Qt.Orientation.Horizontal else 0
            out += [(f"{name}.header[{i}]", str(m.headerData(i, w.orientation()) or "")) for i in range(n)]
        elif isinstance(w, (QMenu, QToolBar)):
            if isinstance(w, QMenu):
                out.append((name + ".title", w.title()))
            for a in w.actions():
                if not a.isSeparator():
                    out.append((f"{name}/{a.objectName() or a.text()}", a.text()))
                    if a.toolTip() and a.toolTip() != a.text().replace("&", ""):
                        out.append((f"{name}/{a.text()}.toolTip", a.toolTip()))
        if isinstance(w, QMessageBox):
            out.append((name + ".text", w.text()))
            out.append((name + ".informativeText", w.informativeText()))
        if isinstance(w, QFileDialog):           # the Type column of its listing ("Folder", "json File")
            tree = w.findChild(QTreeView, "treeView")
            if tree is not None and tree.model() is not None:
                m, root = tree.model(), tree.rootIndex()
                out += [(f"{name}.type[{r}]", str(m.data(m.index(r, 2, root)) or ""))
                        for r in range(min(20, m.rowCount(root)))]
        if contents and type(w).__name__ == "QListWidget":
            out += [(f"{name}[{i}]", w.item(i).text()) for i in range(w.count())]
    return out


def english(root: QWidget, **kw) -> list[tuple[str, str]]:
    return [(where, t) for where, t in texts(root, **kw) if english_only(t)]


__all__ = ["english", "english_only", "texts", "QFileDialog", "QMessageBox"]
