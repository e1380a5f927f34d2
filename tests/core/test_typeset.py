"""The line composer and flow, measured on the layout result (geometry asserts)."""
import pytest

from banmian.core.model import (Block, Document, Grid, ImageFrame, Margins, Page, ParagraphStyle, Run,
                                Story, Swatch, TextFrame, Wrap)
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.compose import ParaSpec, compose, itemize
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import Layouter, layout_document

from seedpage import six_column_document

pytestmark = pytest.mark.core
BLACK = (0, 0, 0, 1)


@pytest.fixture(scope="module")
def fonts():
    return default_registry()


def lines_of(text, fonts, chars=11, size=9.0, indent=2.0, align="justify"):
    spec = ParaSpec(tuple((c, "song", size, BLACK) for c in text), indent * size, align, 0.0)
    p = itemize(spec, fonts)
    lines = compose(p, lambda k: chars * size, spec.indent, align)
    return p, lines, ["".join(p.items[k].text for k in range(l.start, l.end)) for l in lines]


def test_plain_han_lines_hold_exactly_n_characters(fonts):
    text = "中国特色社会主义思想为指导" * 5 + "认真贯彻落实"
    p, lines, texts = lines_of(text, fonts, chars=13, indent=0)
    assert all(len(t) == 13 for t in texts[:-1])
    assert all(abs(l.width - 13 * 9.0) < 1e-6 for l in lines[:-1])


def test_no_line_starts_with_closing_mark_or_ends_with_opening(fonts):
    # at 11 characters the greedy break would put "，" and "”" at line starts
    text = "今年以来扬州市总工会坚持，以“她”力量为主题的活动广泛开展。女职工“巾帼工匠”队伍壮大（人才办）。"
    for chars in range(8, 16):
        _, _, texts = lines_of(text, fonts, chars=chars)
        for t in texts:
            assert t[0] not in "，。、”）》：；！？", (chars, texts)
            assert t[-1] not in "“（《", (chars, texts)


def test_adjacent_marks_take_one_and_a_half_em(fonts):
    p, lines, texts = lines_of("他说：“好。”我们走吧。", fonts, chars=30, indent=0, align="left")
    line = lines[0]
    idx = {p.items[k].text: n for n, k in enumerate(range(line.start, line.end))}
    # "：“" → the colon loses its right half: the quote starts ½ em after the colon
    assert line.x_positions[idx["“"]] - line.x_positions[idx["："]] == pytest.approx(4.5)


def test_ascii_punctuation_in_chinese_is_set_full_width(fonts):
    p, lines, texts = lines_of("扬州市总工会,坚持以(人才办)为指导;发展:好", fonts, chars=40, indent=0, align="left")
    assert texts[0] == "扬州市总工会，坚持以（人才办）为指导；发展：好"
    # 1,000 stays ASCII
    p, lines, texts = lines_of("共1,000人", fonts, chars=40, indent=0, align="left")
    assert "1,000" in texts[0]


def test_han_latin_gap_is_quarter_em(fonts):
    p, lines, texts = lines_of("共787场活动", fonts, chars=40, indent=0, align="left")
    line = lines[0]
    # 共 ends at 9 pt; the number starts a quarter em later
    assert line.x_positions[1] == pytest.approx(9.0 + 9.0 / 4)


def test_units_are_never_split(fonts):
    text = "截至目前已入会货车司机达2295人，会员总数位居第一，增长5.2%，投资¥100万元。" * 3
    for chars in range(9, 15):
        p, lines, texts = lines_of(text, fonts, chars=chars)
        for a, b in zip(texts, texts[1:]):
            assert not (a[-1].isdigit() and (b[0].isdigit() or b[0] in "%.")), (a, b)
            assert not (a[-1] == "¥")


def test_justified_lines_end_at_the_measure_and_no_orphans(fonts):
    text = "劳动者低学历、年轻化倾向明显；劳动时间长、流动性大；劳动关系复杂，保障不足；工会知晓率不高、参与维权的手段不多。"
    for chars in range(9, 16):
        p, lines, texts = lines_of(text, fonts, chars=chars)
        for l in lines[:-1]:
            assert l.width == pytest.approx(chars * 9.0, abs=0.01)
        last = texts[-1]
        assert sum(1 for c in last if "\u4e00" <= c <= "\u9fff") >= 2, texts


def test_first_line_indent_is_two_em_or_one_and_a_half_before_a_bracket(fonts):
    p, lines, _ = lines_of("今年以来扬州市总工会坚持以习近平新时代", fonts, chars=11)
    assert lines[0].x_positions[0] == pytest.approx(18.0)
    p, lines, _ = lines_of("《主席论坛》专栏是本报为更好地履行服务职能", fonts, chars=11)
    assert lines[0].x_positions[0] == pytest.approx(13.5)


def test_glyphs_are_never_scaled_and_text_is_justified_on_the_seed(fonts):
    for chars in (11, 13):
        doc = six_column_document(chars=chars)
        result = layout_document(doc)
        report = run_checks(doc, result, fonts)
        counts = report.counts()
        assert counts["integrity"] == 0, report.problems[:3]
        for name in ("prohibitions", "split_units", "overflow", "justification", "orphans", "indent",
                     "scaling", "grid"):
            assert counts[name] == 0, [str(p) for p in report.problems if p.check == name][:5]
        assert counts["loose_lines"] <= 0.01 * report.lines
        assert not result.overset


def test_layout_is_deterministic():
    doc = six_column_document(chars=13)
    a = layout_document(doc).dump()
    b = Layouter().layout(six_column_document(chars=13)).dump()
    assert a == b
    assert len(a) > 10000


def test_cached_relayout_equals_fresh_layout():
    doc = six_column_document(chars=13)
    lay = Layouter()
    lay.layout(doc)
    block = doc.stories[0].blocks[7]
    block.runs[0].text = block.runs[0].text[:10] + "新" + block.runs[0].text[10:]
    assert lay.layout(doc).dump() == layout_document(doc).dump()


def test_overset_counts_characters_that_did_not_fit():
    doc = six_column_document(chars=13, pages=1)
    doc.pages[0].frames[0].h = 100
    result = layout_document(doc)
    assert len(result.overset) == 1
    o = result.overset[0]
    text = doc.stories[0].text
    assert o.chars == len(text[o.first_char:].replace("\n", ""))
    assert 3000 < o.chars < len(text)
    # what was placed ends exactly where the overset begins
    last = max(l.end for p in result.pages for l in p.lines)
    assert text[last:o.first_char].strip() == ""


def _doc_with_frames(frames, text):
    story = Story("s", "s", [Block("paragraph", "body", [Run(t)]) for t in text])
    page = Page("p1", "1", 200, 300, 3, Margins(10, 10, 10, 10), Grid(2, 13, 1, 9.0, 15.0), frames=frames)
    return Document([page], [story], [ParagraphStyle("body", indent=2.0)], swatches=[Swatch("Black", k=100)])


def test_thread_flows_from_frame_to_frame():
    t = "政治性是群团组织的灵魂，是第一位的。" * 12
    pt = 25.4 / 72
    doc = _doc_with_frames([TextFrame("a", 10, 10, 13 * 9 * pt, 40, story="s", next="b"),
                            TextFrame("b", 100, 150, 13 * 9 * pt, 100)], [t])
    result = layout_document(doc)
    frames = [l.frame for l in result.pages[0].lines]
    assert frames[0] == "a" and frames[-1] == "b"
    assert frames == sorted(frames)
    assert not result.overset
    assert run_checks(doc, result).count("integrity") == 0


def test_wrap_cuts_the_lines_of_each_column_it_overlaps():
    pt = 25.4 / 72
    w = (2 * 13 + 1) * 9 * pt
    t = "女职工人数占扬州职工队伍的近半数，是推动扬州高质量发展不可或缺的重要力量。" * 22
    img = ImageFrame("i", 10 + 13 * 9 * pt / 2, 60, 13 * 9 * pt, 40, wrap=Wrap("box", 2.0))
    doc = _doc_with_frames([TextFrame("a", 10, 10, w, 200, columns=2, gutter=9 * pt, story="s"), img], [t])
    result = layout_document(doc)
    ex_top, ex_bottom = (60 - 2) / pt, (100 + 2) / pt
    ex_left, ex_right = (img.x - 2) / pt, (img.x + img.w + 2) / pt
    beside = [l for l in result.pages[0].lines if ex_top < l.baseline < ex_bottom + 9]
    assert beside
    for l in beside:   # no line of either column runs under the picture
        assert l.x1 <= ex_left + 0.01 or l.x0 >= ex_right - 0.01
    assert {l.column for l in beside} == {0, 1}
    report = run_checks(doc, result)
    assert report.count("overflow") == 0 and report.count("justification") == 0


def test_body_baselines_align_across_columns():
    doc = six_column_document(chars=11)
    result = layout_document(doc)
    page = result.pages[0]
    by_col = {}
    for l in page.lines:
        if l.grid:
            by_col.setdefault(l.column, set()).add(round(l.baseline, 3))
    cols = list(by_col.values())
    common = set.intersection(*cols)
    assert len(common) > 10


def test_balanced_frame_evens_out_its_columns():
    pt = 25.4 / 72
    w = (3 * 13 + 2) * 9 * pt
    t = "女职工人数占扬州职工队伍的近半数，是推动扬州高质量发展不可或缺的重要力量。" * 6
    doc = _doc_with_frames([TextFrame("a", 10, 10, w, 250, columns=3, gutter=9 * pt, story="s", balance=True)], [t])
    result = layout_document(doc)
    per_col = {}
    for l in result.pages[0].lines:
        per_col[l.column] = per_col.get(l.column, 0) + 1
    assert len(per_col) == 3
    assert max(per_col.values()) - min(per_col.values()) <= 1, per_col
    assert not result.overset
    doc.pages[0].frames[0].balance = False
    unbalanced = {l.column for l in layout_document(doc).pages[0].lines}
    assert unbalanced == {0}     # without balancing the text sits in the first column


SAMPLE = __import__("pathlib").Path(__file__).resolve().parents[2] / "layouts" / "samples" / "zhuxi-luntan.json"


def test_sample_page_meets_every_typographic_check(fonts):
    from banmian.core.io import load_document
    doc = load_document(SAMPLE)
    result = layout_document(doc, base_dir=SAMPLE.parent)
    report = run_checks(doc, result, fonts)
    counts = report.counts()
    for name, n in counts.items():
        if name == "loose_lines":
            assert n <= 0.01 * report.lines, [str(p) for p in report.problems if p.check == name]
        else:
            assert n == 0, [str(p) for p in report.problems if p.check == name][:5]
    assert report.lines > 300
    assert not result.overset


def test_a_character_no_font_has_is_reported_and_still_drawn():
    t = "今年以来\U0010fffd扬州市总工会坚持以习近平新时代中国特色社会主义思想为指导"
    pt = 25.4 / 72
    doc = _doc_with_frames([TextFrame("a", 10, 10, 13 * 9 * pt, 100, story="s")], [t])
    result = layout_document(doc)
    assert result.missing_glyphs == (("s", 4, "\U0010fffd"),)
    drawn = "".join(r.text for r in result.pages[0].glyph_runs())
    assert "\U0010fffd" in drawn            # drawn as .notdef, never dropped
    assert run_checks(doc, result).count("integrity") == 0


def test_heads_break_at_their_punctuation_or_before_a_quote(fonts):
    _, _, texts = lines_of("着重凝心铸魂，强化巾帼工匠政治引领", fonts, chars=11, indent=0, align="center")
    assert texts == ["着重凝心铸魂，", "强化巾帼工匠政治引领"]
    _, _, texts = lines_of("多维发力推动工会与货车司机“双向奔赴”", fonts, chars=14, indent=0, align="center")
    assert texts == ["多维发力推动工会与货车司机", "“双向奔赴”"]
