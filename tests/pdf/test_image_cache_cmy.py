"""The converted-photo cache keeps the per-block C+M+Y maxima the overprint check reads:
read back without numpy, they answer exactly as the arrays they were made from."""
import numpy as np
import pytest

from banmian.render.pdf import images

pytestmark = pytest.mark.pdf


def test_cmy_blocks_survive_the_disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path))
    rng = np.random.default_rng(7)
    arr = rng.integers(0, 256, size=(70, 90, 4), dtype=np.uint8)
    grid, size = images._cmy_blocks(arr)
    images._disk_cache_put("k" * 64, (b"\xff\xd8" + b"x" * 10, 90, 70, "DCTDecode", "RGB", 231.0, (grid, size)))
    hit = images._disk_cache_get("k" * 64)
    assert hit is not None
    *_, (back, back_size) = hit
    assert back_size == size == (90, 70)
    gh, gw = grid.shape
    for r0, r1, c0, c1 in ((0, gh, 0, gw), (1, 2, 0, 3), (0, 1, gw - 1, gw + 5), (gh - 1, gh + 2, 2, 3)):
        assert back[r0:r1, c0:c1].max() == grid[r0:r1, c0:c1].max()
    # a record whose grid has the wrong length is a miss, not a wrong answer
    f = images._disk_cache_file("k" * 64)
    from banmian.core import cache
    h, blobs = cache.read_record(f, "image")
    cache.write_record(f, "image", h, [blobs[0], blobs[1][:-2]])
    assert images._disk_cache_get("k" * 64) is None
