"""Real copy, item 1: long Latin runs (URLs, e-mail, identifiers, English words) in narrow columns."""
import pytest

from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.typeset.breaking import NEVER_START, hyphen_points, unit_breaks
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.compose import ParaSpec, compose, itemize
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core
BLACK = (0, 0, 0, 1)
PT = 25.4 / 72

URL = "详情请访问https://www.example.com/news/2026/typesetting?id=42&lang=zh，或登录网站查看。"
MAIL = "来稿请发送电子邮件至zhang.san_editor@mail.example.org.cn，编辑部将在三日内回复。"
IDENT = "查看函数prohibition_rules_for_line_start_end的说明，它决定哪些标点不能出现在行首。"
WORDS = "英国作家在《The extraordinary typesetting internationalization》一书中讨论了排版问题。"


@pytest.fixture(scope="module")
def fonts():
    return default_registry()


def lines_of(text, fonts, chars, size=9.0, indent=2.0):
    spec = ParaSpec(tuple((c, "song", size, BLACK) for c in text), indent * size, "justify", 0.0)
    p = itemize(spec, fonts)
    lines = compose(p, lambda k: chars * size, spec.indent, "justify")
    return p, lines


def doc_of(texts, chars):
    story = Story("s", "s", [Block("paragraph", "body", [Run(t)]) for t in texts])
    page = Page("p1", "1", 200, 400, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("a", 10, 10, chars * 9 * PT, 380, story="s")])
    return Document([page], [story], [ParagraphStyle("body", indent=2.0)], swatches=[Swatch("Black", k=100)])


def max_gap(result, size=9.0, spaces=False):
    """Largest space between two neighbouring glyphs of a justified non-last line, in em:
    between glyphs adjacent in the copy, or (spaces=True) at a word space of the copy."""
    worst = 0.0
    page = result.pages[0]
    for info in page.lines:
        if info.last:
            continue
        glyphs = sorted((x + (r.lcuts[i] if r.lcuts else 0.0), (r.widths[i] if r.widths else r.advances[i]),
                         r.start + r.offsets[i])
                        for r in page.glyph_runs() if r.frame == info.frame and abs(r.y - info.baseline) < 1e-6
                        for i, x in enumerate(r.xs))
        for (x0, w0, s0), (x1, _w1, s1) in zip(glyphs, glyphs[1:]):
            if (s1 > s0 + 1) == spaces:
                worst = max(worst, (x1 - (x0 + w0)) / size)
    return worst


@pytest.mark.parametrize("chars", [6, 8, 11, 13])
def test_long_latin_units_never_overflow_and_never_leave_a_loose_line(chars):
    doc = doc_of([URL, MAIL, IDENT, WORDS], chars)
    result = layout_document(doc)
    report = run_checks(doc, result)
    counts = report.counts()
    assert counts["overflow"] == 0, [str(p) for p in report.problems if p.check == "overflow"]
    assert counts["prohibitions"] == 0, [str(p) for p in report.problems if p.check == "prohibitions"]
    assert counts["integrity"] == 0, [str(p) for p in report.problems]
    assert counts["justification"] == 0
    assert counts["overlaps"] == 0
    assert not result.overset
    # no line stretched more than any other line may be: a word space or Chinese–Latin gap to
    # ½ em plus ¼ em of even spacing, Han characters ¼ em apart at most (before: 27–34 pt gaps)
    assert max_gap(result) <= 0.75 + 1e-6, max_gap(result)
    assert max_gap(result, spaces=True) <= 1.0, max_gap(result, spaces=True)   # English word spaces
    assert counts["loose_lines"] == 0


def test_url_and_email_break_after_their_separators_without_a_hyphen(fonts):
    p, lines = lines_of(URL + MAIL, fonts, chars=11)
    texts = ["".join(p.items[k].text for k in range(l.start, l.end)) for l in lines]
    ends = [t[-1] for t in texts[:-1]]
    # at least one line ends inside the URL after a separator, none gets a hyphen
    assert any(e in "/.-_@?&=" for e in ends), texts
    assert all(l.hyphen is None for l in lines)
    assert all(t[0] not in NEVER_START for t in texts), texts
    assert all(abs(l.width - l.measure) < 1e-6 for l in lines[:-1])


def test_break_opportunities_inside_units():
    brk = dict(unit_breaks("https://www.example.com/a?b=1&c=2", 16))
    assert brk[8] == "url"                      # after "//", never between the two slashes
    assert 7 not in brk
    assert brk[12] == "url" and brk[20] == "url"   # www. | example. | com/
    assert dict(unit_breaks("a_b@c.de", 1.0)) == {2: "url", 4: "url", 6: "url"}
    # a number keeps its separators; nothing before a closing mark
    assert unit_breaks("5.2", 1.5) == ()
    assert 5 not in dict(unit_breaks("x.com)", 3.0))
    # English words: the dictionary's points; short words none
    assert dict(unit_breaks("typesetting", 5.0)).get(4) == "hyphen"
    assert hyphen_points("typesetting") == (4, 7)
    assert hyphen_points("the") == ()


def test_english_word_is_hyphenated_at_a_dictionary_point_when_a_line_would_be_loose(fonts):
    word = "internationalization"
    hyphenated = 0
    for chars in range(8, 15):
        p, lines = lines_of("我们读过了" + word + "这本书。", fonts, chars=chars, indent=0)
        for l in lines[:-1]:
            assert abs(l.width - l.measure) < 1e-6
            head = "".join(p.items[k].text for k in range(0, l.end))
            if head.startswith("我们读过了") and len(head) < 5 + len(word):
                # the word is broken: only at a dictionary point, and then with a hyphen
                assert len(head) - 5 in hyphen_points(word), (chars, head)
                assert l.hyphen is not None
                hyphenated += 1
    assert hyphenated >= 5


def test_hyphenated_line_draws_a_hyphen_that_the_checks_do_not_count_as_copy():
    doc = doc_of(["我们读过了internationalization这本书，这是一本关于国际化的著作。"], 11)
    result = layout_document(doc)
    drawn = [r.text for r in result.pages[0].glyph_runs()]
    assert any(t.endswith("\u00ad") for t in drawn), drawn
    report = run_checks(doc, result)
    assert report.count("integrity") == 0 and report.count("split_units") == 0
    assert report.count("justification") == 0 and report.count("overflow") == 0


def test_emergency_break_rather_than_overflow(fonts):
    # a 30-character code with no separator in a 6-em column: broken between characters
    code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"
    p, lines = lines_of("编号" + code + "已登记。", fonts, chars=6, indent=0)
    assert len(lines) > 2
    for l in lines:
        assert l.width <= l.measure + 1e-6
    doc = doc_of(["编号" + code + "已登记。"], 6)
    report = run_checks(doc, layout_document(doc))
    assert report.count("overflow") == 0 and report.count("integrity") == 0


def _mixed_copy(n_paras, seed):
    """Technical Chinese copy: Han text, punctuation, URLs, identifiers, standard numbers, kana marks."""
    import random
    rnd = random.Random(seed)
    han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    punct = list("，。、；：？！") + ["“", "”", "（", "）", "《", "》", "——", "……"]
    latin = ["https://www.w3.org/TR/clreq/", "GB/T 15834—2011", "U+2E3A", "ISO/IEC 10646:2020",
             "zhang.san@example.com", "prohibition_rules_for_line_start_end", "Unicode", "JavaScript",
             "internationalization", "5.2%", "30℃", "¥100", "UAX #14", "line_break()", "PDF/X-4",
             "https://github.com/lxgw/LxgwWenKai/releases/tag/v1.250", "Noto Serif CJK SC",
             "々", "ゝ", "ー", "‰", "℃", "％", "‥", "〜", "・", "⸺⸺"]
    paras = []
    for _ in range(n_paras):
        parts = [rnd.choice(han)]       # a paragraph opens with text (else its first line must start with a mark)
        for _ in range(rnd.randint(40, 140)):
            r = rnd.random()
            parts.append(rnd.choice(han) if r < 0.8 else rnd.choice(punct) if r < 0.93 else rnd.choice(latin))
        paras.append("".join(parts) + "。")
    return paras


@pytest.mark.parametrize("chars", [8, 13, 22])
def test_mixed_technical_copy_never_overflows_or_starts_a_line_with_a_prohibited_mark(chars):
    doc = doc_of(_mixed_copy(15, seed=chars), chars)
    doc.pages[0].height = 8000
    doc.pages[0].frames[0].h = 7900
    result = layout_document(doc)
    assert not result.overset
    report = run_checks(doc, result)
    for name in ("overflow", "integrity", "overlaps", "prohibitions", "scaling"):
        assert report.count(name) == 0, [str(p) for p in report.problems if p.check == name][:5]
    # what remains are the last resorts, reported, and rare
    assert report.count("split_units") <= 0.02 * report.lines
    assert report.count("loose_lines") <= 0.02 * report.lines
