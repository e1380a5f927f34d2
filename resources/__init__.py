"""Bundled ICC profiles and the sample photo, installed as ``banmian.resources`` (see banmian.core.paths)."""
