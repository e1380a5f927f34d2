"""Automatic make-up (自动组版): whole pages proposed from stories, photos and a template.

    makeup(template, items, alternatives=3) -> MakeupResult
    Item(story, priority, photo=Photo(px_w, px_h, path, caption, widths))

See :mod:`banmian.core.makeup.engine` for the method and the score.  No Qt, no reportlab.
"""
_ENGINE = ("Box", "Item", "Leaf", "load", "measure", "overflow_chars", "MakeupError", "MakeupResult", "Photo",
           "Proposal", "empty_feet", "makeup", "page_capacity", "page_grid")
__all__ = list(_ENGINE)


def __getattr__(name):
    """The engine is imported on first use: the CLI registers `banmian makeup` (makeup/cli.py)
    on every start, the editor's included, and needs none of it for that."""
    if name in _ENGINE:
        from . import engine
        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
