"""Real copy, item 2: every character of the strict line-start classes (UAX #14 data) never starts a line."""
import pytest

from banmian.core.typeset import uax14
from banmian.core.typeset.breaking import NEVER_START
from banmian.core.typeset.compose import ParaSpec, compose, itemize
from banmian.core.typeset.fonts import default_registry

pytestmark = pytest.mark.core
BLACK = (0, 0, 0, 1)
CLASSES = ("NS", "CJ", "IN", "EX", "IS", "CL", "CP", "PO")


def members():
    return [chr(cp) for name in CLASSES for a, b in getattr(uax14, name) for cp in range(a, b + 1)]


def test_the_generated_table_records_its_source_and_covers_the_known_failures():
    assert uax14.SOURCE.startswith("uniseg") and uax14.UNICODE_VERSION >= "15"
    for ch in "々〻ゝゞヽヾ〜‐゠‰℃℉％￠‵﹪‥․︙･ー ぁァ":
        assert ch == " " or ch in NEVER_START, ch
    assert len(members()) > 250


@pytest.mark.parametrize("indent", [0.0, 2.0])
def test_no_member_of_the_strict_classes_starts_a_line(indent):
    fonts = default_registry()
    chars = 11
    bad = []
    for ch in members():
        # ch falls where the natural break would be: at the start of line 2 and of line 4
        head = chars - int(indent)
        text = "国" * head + ch + "国" * (2 * chars - 1) + ch + "国" * 8 + "。"
        spec = ParaSpec(tuple((c, "song", 9.0, BLACK) for c in text), indent * 9.0, "justify", 0.0)
        p = itemize(spec, fonts)
        lines = compose(p, lambda k: chars * 9.0, spec.indent, "justify")
        for l in lines[1:]:
            first = p.items[l.start].text
            if first and first[0] == ch:
                bad.append(f"U+{ord(ch):04X}")
                break
        assert all(l.width <= l.measure + 1e-6 for l in lines), ch
    assert not bad, bad


def test_iteration_mark_after_han_is_not_a_break_even_though_both_are_one_em():
    fonts = default_registry()
    text = "人人天天年年岁岁花相似人人" + "々" + "家家户户"
    spec = ParaSpec(tuple((c, "song", 9.0, BLACK) for c in text), 0.0, "justify", 0.0)
    p = itemize(spec, fonts)
    k = next(i for i, it in enumerate(p.items) if it.text == "々")
    assert p.can_break[k - 1] is False
    assert p.can_break[k] is True
