"""Names the editor shows for block roles (one place, translated in context "Roles")."""
from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    names = {   # literal calls, so pyside6-lupdate finds every string
        "kicker": QCoreApplication.translate("Roles", "Kicker"),
        "headline": QCoreApplication.translate("Roles", "Headline"),
        "subtitle": QCoreApplication.translate("Roles", "Subtitle"),
        "byline": QCoreApplication.translate("Roles", "Byline"),
        "lead": QCoreApplication.translate("Roles", "Lead"),
        "paragraph": QCoreApplication.translate("Roles", "Paragraph"),
        "subhead": QCoreApplication.translate("Roles", "Subhead"),
        "note": QCoreApplication.translate("Roles", "Note"),
        "list": QCoreApplication.translate("Roles", "List"),
        "caption": QCoreApplication.translate("Roles", "Caption"),
        "credit": QCoreApplication.translate("Roles", "Credit"),
        "title": QCoreApplication.translate("Roles", "Title"),
        "header": QCoreApplication.translate("Roles", "Header"),
    }
    return names.get(role, role)
