"""Bundled page templates and the sample page, installed as ``banmian.layouts`` (see banmian.core.paths)."""
