"""Real copy, item 6 in the editor: the Preflight panel lists typographic findings; clicking one selects its frame."""
import pytest

from banmian.core.io import save_document

pytestmark = pytest.mark.gui


def test_preflight_panel_shows_typographic_warnings_and_selects_the_frame(qtbot, tmp_path, settings):
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "core"))
    from test_realcopy_preflight import narrow_doc
    from PySide6.QtCore import Qt
    from banmian.gui.main_window import MainWindow
    path = tmp_path / "narrow.json"
    save_document(narrow_doc(), path)
    w = MainWindow(path, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    panel = w.preflight_panel
    qtbot.waitUntil(lambda: any(f.code.startswith("typo_") for f in panel.findings), timeout=5000)
    row = next(i for i in range(panel.list.count())
               if panel.list.item(i).data(Qt.ItemDataRole.UserRole).code == "typo_prohibitions")
    item = panel.list.item(row)
    assert "避头尾" in item.text()
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.session.selection == ["narrow"] or list(w.session.selection) == ["narrow"]
