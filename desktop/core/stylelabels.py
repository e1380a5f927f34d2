"""The names paragraph styles show in the editor: "主题 黑体二号", "正文 宋体小五".

A label is the editor's word for the style (主题, 正文 …) followed by its face and size
(黑体二号, the 号 name when the size is one, else "黑体13pt"), sometimes with a note (加框).
The face-and-size part follows the style: it is rewritten from the style's font and size,
so a label never says 二号 for a style set in 一号.  Two styles that would show the same
label are told apart by their names ("主题 黑体二号 · headline-2").
"""
from __future__ import annotations

import re

from .model.document import ParagraphStyle
from .model.units import HAO_SIZES, size_name

#: the word for each bundled face (hei-bold keeps 黑体 — the templates' habit — or 粗黑)
FACE_WORDS = {"song": ("宋体",), "hei": ("黑体",), "hei-bold": ("黑体", "粗黑"), "kai": ("楷体",)}
_ALL_FACES = ("宋体", "黑体", "粗黑", "楷体", "仿宋")
_SIZE = "|".join(sorted(HAO_SIZES, key=len, reverse=True)) + r"|\d+(?:\.\d+)?\s*pt"
TOKEN = re.compile(f"({'|'.join(_ALL_FACES)})({_SIZE})")


def size_word(size: float) -> str:
    """二号 for 22 pt, 13pt for a size that is no 号."""
    return size_name(size) or f"{size:g}pt"


def face_size(font: str, size: float, face: str | None = None) -> str:
    """黑体二号: the face word (``face`` when it names ``font``) and the size word."""
    words = FACE_WORDS.get(font, (font,))
    return (face if face in words else words[0]) + size_word(size)


def follow(label: str, font: str, size: float) -> str:
    """The label with its face-and-size part rewritten for ``font`` and ``size``; a label
    without one gets it appended; an empty label stays empty (the editor shows the name)."""
    if not label.strip():
        return label
    m = TOKEN.search(label)
    if m is None:
        return f"{label} {face_size(font, size)}"
    return label[:m.start()] + face_size(font, size, m.group(1)) + label[m.end():]


def shown_label(style: ParagraphStyle) -> str:
    """What one style shows on its own: its label following its size, or its name."""
    return follow(style.label, style.font, style.size) or style.name


def display_labels(styles: list[ParagraphStyle]) -> dict[str, str]:
    """Style name → the label the editor shows; no two styles show the same one."""
    shown = {s.name: shown_label(s) for s in styles}
    count: dict[str, int] = {}
    for v in shown.values():
        count[v] = count.get(v, 0) + 1
    return {name: (f"{v} · {name}" if count[v] > 1 and v != name else v) for name, v in shown.items()}
