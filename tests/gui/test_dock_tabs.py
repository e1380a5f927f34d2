"""Issue 14 item 15: the dock tabs (Properties / Paragraph styles / Preflight / Story editor)
show their labels whole in English and in Chinese — they were cut to "Prop…", "Pr…" — and all
of them fit in the dock area (no scroll arrows hiding one). Grabbed to look at in the artifacts."""
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QTabBar

from helpers import artifacts_dir

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_dock_tab_labels_are_whole(qtbot, sample_file, settings, lang):
    from banmian.gui.app import I18N_DIR
    from banmian.gui.main_window import MainWindow
    tr = QTranslator()
    if lang == "zh_CN":
        assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
        QCoreApplication.installTranslator(tr)
    try:
        w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
        w.prompt_save = lambda: "discard"
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        qtbot.wait(50)
        bars = [tb for tb in w.findChildren(QTabBar) if tb.isVisible() and tb.count() > 1]
        assert bars, "no dock tabs"
        labels = []
        for tb in bars:
            fm = tb.fontMetrics()
            for i in range(tb.count()):
                text = tb.tabText(i)
                labels.append(text)
                assert tb.tabRect(i).width() >= fm.horizontalAdvance(text) + 8, (text, tb.tabRect(i).width())
            right = max(tb.tabRect(i).right() for i in range(tb.count()))
            assert right <= tb.width(), (right, tb.width())          # every tab in view, none behind arrows
        want = ["Properties", "Paragraph styles", "Preflight", "Story editor"] if lang == "en" else \
            ["属性", "段落样式", "印前检查", "稿件编辑器"]
        assert all(x in labels for x in want), labels
        w.grab().save(str(artifacts_dir() / f"dock_tabs_{lang}.png"))
    finally:
        QCoreApplication.removeTranslator(tr)
