"""Bundled CJK faces, installed as the data package ``banmian.fonts`` (see banmian.core.paths)."""
