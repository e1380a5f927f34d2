"""The character classes and Latin-unit rules of breaking.py at their edges (what mutation
testing found unpinned: each range bound, each and/or, each early return)."""
import pytest

from banmian.core.typeset import uax14 as _uax
from banmian.core.typeset.breaking import (
    CJ_CHARS, NEVER_END, NEVER_START, UAX_NEVER_START, in_chinese_context, is_alnum, is_cjk_punct, is_han,
    unit_breaks, url_end,
)

pytestmark = pytest.mark.core


# each Han / kana range: (first, last) — the bounds are in, the code points beside them out
HAN_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF), (0x3040, 0x30FF)]


@pytest.mark.parametrize("a,b", HAN_RANGES)
def test_is_han_takes_each_range_with_its_bounds(a, b):
    assert is_han(chr(a)) and is_han(chr(b)) and is_han(chr((a + b) // 2))
    for o in (a - 1, b + 1):
        if not any(x <= o <= y for x, y in HAN_RANGES) and o != 0x3007:
            assert not is_han(chr(o)), hex(o)


def test_is_han_takes_ideographic_zero_and_nothing_latin():
    assert is_han("〇") and not is_han(chr(0x3006)) and not is_han(chr(0x3008))
    assert not any(is_han(c) for c in "aZ09,.。、（")


def test_cjk_punctuation_ranges_and_marks():
    for o in (0x3000, 0x3001, 0x303F, 0xFF00, 0xFF01, 0xFF65):
        assert is_cjk_punct(chr(o)), hex(o)
    for o in (0x2FFF, 0x3040, 0xFEFF, 0xFF66):
        assert not is_cjk_punct(chr(o)), hex(o)
    assert is_cjk_punct("—") and is_cjk_punct("…") and is_cjk_punct("“")
    assert not any(is_cjk_punct(c) for c in "a1,.-中")


def test_alnum_is_latin_letters_and_digits_only():
    assert all(is_alnum(c) for c in "aZ09éßΩж٣")
    assert not any(is_alnum(c) for c in " ,.-_@中あ。（ˇˊ")
    assert not is_alnum("Ａ") and not is_alnum("１")       # full-width letters and digits are wide
    assert not is_alnum("한") and not is_alnum("©")        # a wide letter; a symbol that is not wide


@pytest.mark.parametrize("text,i,want", [
    ("中,文", 1, True), ("中,a", 1, True), ("a,中", 1, True), ("a,b", 1, False),
    ("1,000", 1, False), ("4.8", 1, False), ("12:30", 2, False),       # numbers keep their marks
    ("第1,中", 2, True), (",中", 0, True), ("中,", 1, True), (",", 0, False), ("a.", 1, False),
    ("中(a", 1, True), ("a(中", 1, True), ("a(b", 1, False), ("(", 0, False),
    ("。(a", 1, True), ("a!。", 1, True),
    ("(a中", 0, False), (",a中", 0, False),                            # nothing before the first character
    ("１,２", 1, False), ("１X２", 1, True),                            # full-width digits are Chinese text
])
def test_ascii_marks_stand_in_chinese_text_beside_chinese(text, i, want):
    assert in_chinese_context(text, i) is want


@pytest.mark.parametrize("text,i,end", [
    ("见https://example.com/a?b=1。", 1, 26),
    ("www.example.com, 然后", 0, 15),
    ("WWW.Example.com", 0, 15),
    ("写信到 a.b@example.com。", 4, 19),
    ("ab@cd.e", 0, 7),
    ("abc@.d", 0, 0),          # too short after the @ (three characters)
    ("abc@x.d", 0, 7),
    ("@example.com", 0, 0),    # nothing before the @
    ("a.@example.com", 0, 0),  # not a name before the @
    ("ab@example", 0, 0),      # no dot after the @
    ("example.com", 0, 0),     # neither scheme, www. nor @
    ("a@example.com", 0, 13),  # a one-letter name
    ("a.@b@cd.ef", 0, 0),      # the first @ decides
    ("(http://x.cn)", 1, 12),  # a closing bracket after it is not part of it
    ("http://x.cn).", 0, 11),
])
def test_url_and_mail_ends(text, i, end):
    assert url_end(text, i) == end


def test_unit_breaks_in_urls_words_and_numbers():
    assert unit_breaks("example.com/path", 2.0) == ((8, "url"), (12, "url"))
    assert unit_breaks("2024-01-05", 2.0) == ()                          # a date keeps its hyphens
    assert unit_breaks("5.2", 2.0) == ()
    assert unit_breaks("a-b", 2.0) == ((2, "url"),)
    assert unit_breaks("x//y", 2.0) == ((3, "url"),)                      # not between two separators
    assert unit_breaks("a/)", 2.0) == ()                                  # never before a closing mark
    assert unit_breaks("/abc", 2.0) == ((1, "url"),)
    assert unit_breaks("1/2x", 2.0) == ((2, "url"),)                      # only . and - keep to numbers
    assert unit_breaks("a.5x", 2.0) == ((2, "url"),) and unit_breaks("1a.5", 2.0) == ((3, "url"),)
    assert unit_breaks("5.2a/b", 2.0) == ((5, "url"),)
    hy = unit_breaks("information", 2.0)
    assert hy and all(w == "hyphen" for _p, w in hy) and {p for p, _ in hy} <= set(range(1, 11))
    assert unit_breaks("informat1on", 2.0) == ()                          # not a plain word: no hyphenation
    # wide units: between any two characters as the last resort (never before a closing mark)
    assert [p for p, w in unit_breaks("abc1", 3.0)] == [1, 2, 3] and {w for _p, w in unit_breaks("abc1", 3.0)} == {"emergency"}
    assert {w for _p, w in unit_breaks("12345", 3.0)} == {"emergency_word"}
    assert {w for p, w in unit_breaks("information", 3.0) if w != "hyphen"} == {"emergency_word"}
    assert unit_breaks("abc1", 2.99) == ()
    assert 2 not in dict(unit_breaks("ab)c", 3.0)) and 1 not in dict(unit_breaks("(abc", 3.0))


def test_the_uax14_classes_are_whole_ranges():
    """_chars expands UAX #14 ranges inclusively: each range's first and last code point is in."""
    for cls, chars in ((_uax.CJ, CJ_CHARS), (_uax.CL, UAX_NEVER_START), (_uax.NS, UAX_NEVER_START),
                       (_uax.OP, NEVER_END)):
        for a, b in cls:
            assert chr(a) in chars and chr(b) in chars, (hex(a), hex(b))
    assert UAX_NEVER_START <= NEVER_START | UAX_NEVER_START and "。" in NEVER_START
