"""Real copy, item 4: the importer's normalisation never changes what the copy means."""
import pytest

from banmian.core.importers.normalize import normalize_paragraph

pytestmark = pytest.mark.core


def norm(text):
    out, changes, _warnings = normalize_paragraph(text)
    return out, [(c.before, c.after, c.rule) for c in changes]


def test_a_standard_number_keeps_its_single_em_dash():
    assert norm("标点符号用法按GB/T 15834—2011执行。") == ("标点符号用法按GB/T 15834—2011执行。", [])
    assert norm("见1—9页")[0] == "见1—9页"


def test_a_character_named_in_brackets_or_quotes_is_not_doubled():
    text = "破折号写作[—]，省略号写作[…]，引号里的“—”也一样。"
    assert norm(text) == (text, [])


def test_dash_and_ellipsis_between_han_text_are_still_doubled_and_reported():
    out, changes = norm("他说—我们走吧…")
    assert out == "他说——我们走吧……"
    assert ("—", "——", "dash") in changes and ("…", "……", "ellipsis") in changes


def test_letters_and_their_punctuation_fold_together():
    out, changes = norm("“Ｂ．盖茨”创办了ＡＢＣ－ＤＥＦ公司，评分４．８分。")
    assert out == "“B.盖茨”创办了ABC-DEF公司，评分4.8分。"
    assert ("．", ".", "width") in changes and ("－", "-", "width") in changes
    # every character that changed is reported
    assert sum(1 for c in changes if c[2] == "width") == 1 + 1 + 7 + 3


def test_full_width_stop_after_han_is_left_alone():
    # a full-width ． that belongs to Chinese text (no letter before it) is not a Latin period
    assert norm("第一章．总则")[0] == "第一章．总则"
