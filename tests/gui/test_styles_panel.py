"""Issue 14 item 10 through the Paragraph styles panel: clicks on the list and the buttons, a
size typed into the size box, the delete dialog answered by the user's keys and clicks."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit

from helpers import when_modal
from banmian.gui.styles_panel import ReplaceStyleDialog

pytestmark = pytest.mark.gui


def panel(w):
    w.docks["styles"].show()
    w.docks["styles"].raise_()
    return w.styles_panel


def click_style(qtbot, p, name):
    for i in range(p.list.count()):
        it = p.list.item(i)
        if it.data(Qt.ItemDataRole.UserRole) == name:
            p.list.scrollToItem(it)
            qtbot.mouseClick(p.list.viewport(), Qt.MouseButton.LeftButton, pos=p.list.visualItemRect(it).center())
            assert p.current().name == name
            return it
    raise AssertionError(name)


def type_size(qtbot, p, text):
    ed = p.size.lineEdit()
    qtbot.mouseDClick(ed, Qt.MouseButton.LeftButton)
    ed.selectAll()
    qtbot.keyClicks(ed, text)
    qtbot.keyClick(ed, Qt.Key.Key_Return)


def ime_commit(widget, text):
    """Chinese typed as an input method delivers it: one commit string."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def labels(p):
    return [p.list.item(i).text() for i in range(p.list.count())]


def test_labels_are_unique_and_follow_the_size(qtbot, window):
    p = panel(window)
    shown = labels(p)
    assert len(shown) == len(set(shown))                 # headline and headline-2 are both 黑体二号
    assert "主题 黑体二号 · headline" in shown
    click_style(qtbot, p, "headline")
    type_size(qtbot, p, "26")
    st = window.session.doc.paragraph_style("headline")
    assert st.size == 26
    shown = labels(p)
    assert "主题 黑体一号 · headline" in shown            # headline-1b is 一号 as well
    assert "主题 黑体二号 · headline" not in shown and "主题 黑体二号" in shown   # headline-2 alone now
    assert len(shown) == len(set(shown))
    window.session.undo_stack.undo()
    assert st.size == 22 and "主题 黑体二号 · headline" in labels(p)


def test_automatic_leading_moves_with_the_size(qtbot, window):
    p = panel(window)
    click_style(qtbot, p, "headline")
    st = window.session.doc.paragraph_style("headline")
    assert (st.size, st.leading) == (22, 30)
    click(qtbot, p.auto_leading)
    assert st.leading_ratio == pytest.approx(30 / 22, abs=1e-4) and st.leading == 30
    assert not p.leading.isEnabled()
    type_size(qtbot, p, "36")
    assert st.size == 36 and st.leading == pytest.approx(36 * 30 / 22, abs=0.01)
    assert p.leading.value() == pytest.approx(st.leading, abs=0.01)
    assert not p.leading_warning.isVisible()
    # undo takes size and leading back in one step
    window.session.undo_stack.undo()
    assert (st.size, st.leading) == (22, 30)


def test_fixed_leading_smaller_than_the_size_warns(qtbot, window):
    p = panel(window)
    click_style(qtbot, p, "headline")
    assert not p.leading_warning.isVisible()
    type_size(qtbot, p, "36")                            # 36 pt over a fixed 30 pt leading
    assert window.session.doc.paragraph_style("headline").leading == 30
    assert p.leading_warning.isVisible() and "30" in p.leading_warning.text()
    pf = window.preflight_panel
    pf.refresh()
    assert any(f.code == "leading_tight" for f in pf.findings)
    assert any("行距 30 pt 小于字号 36 pt" in pf.list.item(i).text() for i in range(pf.list.count()))


def test_new_and_duplicate_from_the_buttons(qtbot, window):
    p = panel(window)
    doc = window.session.doc
    n = len(doc.paragraph_styles)

    def answer(dlg):
        ed = dlg.findChild(QLineEdit)
        ed.selectAll()
        ime_commit(ed, "社论标题")
        qtbot.keyClick(ed, Qt.Key.Key_Return)
    found = when_modal(qtbot, answer, QInputDialog)
    qtbot.mouseClick(p.new_btn, Qt.MouseButton.LeftButton)
    assert found
    assert len(doc.paragraph_styles) == n + 1
    new = doc.paragraph_styles[-1]
    assert new.label == "社论标题 宋体小五" and p.current().name == new.name
    assert "社论标题 宋体小五" in labels(p)
    click_style(qtbot, p, "kicker")
    qtbot.mouseClick(p.dup_btn, Qt.MouseButton.LeftButton)
    names = [s.name for s in doc.paragraph_styles]
    assert names[names.index("kicker") + 1] == "kicker-2"
    assert doc.paragraph_style("kicker-2").label == "引题副本 黑体五号"
    assert p.current().name == "kicker-2"
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert len(doc.paragraph_styles) == n


def test_deleting_a_style_in_use_asks_for_its_replacement(qtbot, window):
    p = panel(window)
    doc = window.session.doc
    story = doc.story("s1")
    assert story.blocks[0].style == "headline"
    click_style(qtbot, p, "headline")

    def answer(dlg):
        combo = dlg.combo
        combo.setFocus()
        for _ in range(combo.count()):
            if combo.currentData() == "headline-2":
                break
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == "headline-2"
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    found = when_modal(qtbot, answer, ReplaceStyleDialog)
    qtbot.mouseClick(p.del_btn, Qt.MouseButton.LeftButton)
    assert found
    assert doc.paragraph_style("headline") is None
    assert story.blocks[0].style == "headline-2"
    window.session.undo_stack.undo()
    assert doc.paragraph_style("headline") is not None and story.blocks[0].style == "headline"
    # Cancel deletes nothing
    click_style(qtbot, p, "headline")
    found = when_modal(qtbot, lambda dlg: qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton), ReplaceStyleDialog)
    qtbot.mouseClick(p.del_btn, Qt.MouseButton.LeftButton)
    assert found and doc.paragraph_style("headline") is not None


def test_an_unused_style_goes_without_a_question(qtbot, window):
    p = panel(window)
    doc = window.session.doc
    assert not any(b.style == "box-head" for s in doc.stories for b in s.blocks)
    click_style(qtbot, p, "box-head")
    qtbot.mouseClick(p.del_btn, Qt.MouseButton.LeftButton)
    assert doc.paragraph_style("box-head") is None
    assert window.session.undo_stack.undoText().endswith("删除段落样式")
