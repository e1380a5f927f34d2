"""Refresh banmian_zh_CN.ts from the sources and compile the .qm.

    python desktop/gui/i18n/fill_ts.py

Runs pyside6-lupdate over desktop/gui/*.py, writes the translations of
zh_CN.py into the .ts (marking them finished), then pyside6-lrelease.
Strings without a translation stay "unfinished" and are listed.
"""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUI = HERE.parent
TS = HERE / "banmian_zh_CN.ts"
QM = HERE / "banmian_zh_CN.qm"


def tool(name):
    for cand in (f"pyside6-{name}", name):
        p = shutil.which(cand)
        if p:
            return p
    import PySide6
    p = Path(PySide6.__file__).parent / name
    if p.exists():
        return str(p)
    sys.exit(f"{name} not found (it ships with PySide6-Essentials)")


def main():
    sys.path.insert(0, str(HERE))
    from zh_CN import ZH
    srcs = sorted(str(p) for p in GUI.glob("*.py"))
    subprocess.run([tool("lupdate"), *srcs, "-ts", str(TS), "-target-language", "zh_CN", "-no-obsolete"],
                   check=True)
    tree = ET.parse(TS)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.find("source").text
        tr = msg.find("translation")
        zh = ZH.get(src)
        if zh is None:
            missing.append(src)
            continue
        if msg.get("numerus") == "yes":
            for c in list(tr):
                tr.remove(c)
            tr.text = None
            nf = ET.SubElement(tr, "numerusform")
            nf.text = zh
        else:
            tr.text = zh
        tr.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(QM)], check=True)
    if missing:
        print("untranslated:", *missing, sep="\n  ")


if __name__ == "__main__":
    main()
