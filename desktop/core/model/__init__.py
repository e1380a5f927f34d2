"""Document model (dataclasses) — see DESIGN.md."""
from .document import (  # noqa: F401
    Article, Block, BoxFrame, CharacterStyle, Document, Frame, FrameBase, Grid,
    ImageFrame, Margins, Master, Page, ParagraphStyle, RuleFrame, Run, Story,
    Swatch, TextFrame, Wrap, BLOCK_ROLES, ALIGNMENTS, REGISTRATION,
)
from .units import HAO_SIZES, mm_to_pt, parse_size, pt_to_mm, size_name  # noqa: F401
