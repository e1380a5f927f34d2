"""A small test page built in code: the 对开 template plus one article.

Article a1: a headline frame over four columns, two body frames threaded
(the story is long, so it is overset), an image frame, and an empty text
frame t-empty on columns 7–8 to link into.
"""
import pytest

from banmian.core.io import load_document, save_document
from banmian.core.model.document import (
    Article, Block, ImageFrame, Page, ParagraphStyle, Run, Story, Swatch, TextFrame, Document,
)
from banmian.gui.geometry import column_edges
from banmian.gui.main_window import TEMPLATES

BODY = ("朱熹在白鹿洞书院讲学，提出“博学之，审问之，慎思之，明辨之，笃行之”的为学次第。"
        "今天的论坛从这段话出发，讨论读书、做事与修身的关系。与会学者认为，传统书院精神"
        "对于当代教育仍有借鉴意义，尤其是在培养独立思考能力方面。")


def build_doc(paragraphs=24) -> Document:
    path = TEMPLATES / "duikai.json"
    if path.is_file():
        doc = load_document(path)
    else:
        doc = Document(swatches=[Swatch("Black", k=100)], pages=[Page("p1")])
    names = {s.name for s in doc.paragraph_styles}
    for n, kw in (("body", {"indent": 2}), ("headline", {"font": "hei-bold", "size": 22, "leading": 30})):
        if n not in names:
            doc.paragraph_styles.append(ParagraphStyle(n, **kw))
    page = doc.pages[0]
    cols = column_edges(page)
    top = page.margins.top + 10
    doc.articles.append(Article("a1", "论坛"))
    blocks = [Block("headline", "headline", [Run("朱熹论坛：书院精神的当代回响")])]
    blocks += [Block("paragraph", "body", [Run(BODY)]) for _ in range(paragraphs)]
    doc.stories.append(Story("s1", "论坛正文", blocks))
    doc.stories.append(Story("s2", "短讯", [Block("paragraph", "body", [Run("短讯：" + BODY[:40])])]))
    x0, x1 = cols[0][0], cols[1][1]
    page.frames += [
        TextFrame("t-body1", x0, top, x1 - x0, 120, article="a1", story="s1", next="t-body2"),
        TextFrame("t-body2", cols[2][0], top, cols[3][1] - cols[2][0], 120, article="a1"),
        ImageFrame("i-photo", cols[4][0], top, cols[5][1] - cols[4][0], 60, article="a1"),
        TextFrame("t-empty", cols[6][0], top + 150, cols[7][1] - cols[6][0], 100),
        TextFrame("t-short", cols[0][0], top + 250, cols[3][1] - cols[0][0], 60, story="s2"),
    ]
    return doc


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """Every GUI test has its own user folders (log, recovery files, user templates)."""
    home = tmp_path / "banmian-home"
    monkeypatch.setenv("BANMIAN_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_error_reports():
    """Menu commands report their exceptions in a dialog instead of raising: a test
    that did not expect one fails (tests that expect one clear the list)."""
    from banmian.gui import errors
    errors.reports.clear()
    yield
    bad = list(errors.reports)
    errors.reports.clear()
    assert not bad, "the editor reported errors:\n" + "\n".join(r["traceback"] for r in bad)


@pytest.fixture
def sample_file(tmp_path):
    p = tmp_path / "page.json"
    save_document(build_doc(), p)
    return p


@pytest.fixture
def photo(tmp_path):
    from PySide6.QtGui import QColor, QImage
    img = QImage(1200, 800, QImage.Format.Format_RGB32)
    img.fill(QColor(40, 120, 200))
    p = tmp_path / "photo.jpg"
    assert img.save(str(p), "JPG")
    return p


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return s


@pytest.fixture
def window(qtbot, sample_file, settings):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.canvas.fit_page()
    return w
