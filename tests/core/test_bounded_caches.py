"""The engine's caches are bounded by estimated bytes, and keep one flow per story."""
from banmian.core.cache import SizedLRU
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import KEEP_PASSES, Layouter

from seedpage import seed_paragraphs, six_column_document


def test_lru_evicts_by_size_not_count():
    c = SizedLRU(1000)
    for i in range(100):                 # a hundred small entries fit: no count limit
        c.put(i, str(i), 10)
    assert len(c) == 100 and c.bytes == 1000
    c.put("big", "x", 400)               # one large entry pushes out 40 small ones, oldest first
    assert c.bytes <= 1000
    assert len(c) == 61
    assert 0 not in c and 39 not in c and 40 in c and "big" in c
    c.get(40)                            # used: now the most recent
    c.put("big2", "y", 500)
    assert 40 in c and 41 not in c and c.bytes <= 1000
    c.put("huge", "z", 5000)             # larger than the whole budget: not kept, nothing evicted
    assert "huge" not in c and "big2" in c


def test_lru_drops_what_recent_generations_did_not_use():
    c = SizedLRU(10 ** 6)
    c.generation = 1
    c.put("a", 1, 10)
    c.put("b", 2, 10)
    c.generation = 2
    c.get("a")
    c.put("c", 3, 10)
    assert c.drop_older(2) == 1
    assert "b" not in c and "a" in c and "c" in c and c.bytes == 20


def _doc(n_paras=40, pages=2):
    paras = [f"{i}" + p for i, p in enumerate(seed_paragraphs()[:n_paras])]
    return six_column_document(paras, pages=pages)


def test_layout_caches_stay_within_their_budget_and_output_is_unchanged():
    doc = _doc()
    fonts = default_registry()
    ref = Layouter(fonts).layout(doc).dump()
    budgets = {"paras": 60_000, "lines": 20_000, "specs": 15_000, "stories": 50_000}
    small = Layouter(fonts, budgets=budgets)
    assert small.layout(doc).dump() == ref
    assert small.layout(doc).dump() == ref        # and again, out of a partly evicted cache
    held = small.cache_bytes()
    for name, limit in budgets.items():
        assert 0 < held[name] <= limit or (name == "stories" and held[name] == 0), (name, held)
    # an unbounded run holds far more than the small budgets allow: eviction really happened
    big = Layouter(fonts)
    big.layout(doc)
    assert big.cache_bytes()["paras"] > 2 * budgets["paras"]
    assert len(small._paras) < len(big._paras)


def test_after_many_edits_one_story_keeps_one_flow_and_old_versions_go():
    doc = _doc(n_paras=20, pages=1)
    lay = Layouter(default_registry())
    lay.layout(doc)
    story = doc.stories[0]
    block = story.blocks[3]
    base_paras = len(lay._paras)
    for i in range(30):
        block.runs[0].text = block.runs[0].text + "新"
        lay.layout(doc)
        flows = [k for k in lay._stories.keys() if k[0] == story.id]
        assert len(flows) == 1, flows
    # superseded versions of the typed paragraph are forgotten after KEEP_PASSES passes
    assert len(lay._paras) <= base_paras + KEEP_PASSES
    assert len(lay._lines) <= base_paras + KEEP_PASSES
    # the cached flow is the current one: a fresh layouter gives the same result
    assert lay.layout(doc).dump() == Layouter(default_registry()).layout(doc).dump()


def test_cached_flow_is_reused_when_nothing_changed():
    doc = _doc(n_paras=10, pages=1)
    lay = Layouter(default_registry())
    r1 = lay.layout(doc)
    r2 = lay.layout(doc)
    assert r1.pages[0].items == r2.pages[0].items
    # the very same display items: the flow came from the cache
    assert all(a is b for a, b in zip(r1.pages[0].items, r2.pages[0].items))
