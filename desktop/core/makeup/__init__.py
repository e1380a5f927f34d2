"""Automatic make-up (自动组版): whole pages proposed from stories, photos and a template.

    makeup(template, items, alternatives=3) -> MakeupResult
    Item(story, priority, photo=Photo(px_w, px_h, path, caption, widths))

See :mod:`banmian.core.makeup.engine` for the method and the score.  No Qt, no reportlab.
"""
from .engine import (  # noqa: F401
    Item, Leaf, MakeupError, MakeupResult, Photo, Proposal, empty_feet, makeup, page_capacity, page_grid,
)
