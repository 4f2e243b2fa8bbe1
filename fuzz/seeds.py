"""Seed inputs for the reader fuzzer, made at run time (no binary files in the repository).

    python -m fuzz.seeds /tmp/seeds   # writes one file per seed; the first byte of each picks the file suffix
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

REPORT = "2025年某市政府工作报告\n——2025年1月20日在某市人民代表大会上\n各位代表：\n一、工作回顾\n经济增长5％。"


def _docx() -> bytes:
    """A small .docx made with python-docx."""
    import docx

    document = docx.Document()
    for line in REPORT.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf() -> bytes:
    """A small PDF with a CJK text layer, made with reportlab when it is installed."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return b"%PDF-1.4\n%%EOF"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setFont("STSong-Light", 11)
    for i, line in enumerate(REPORT.split("\n")):
        pdf.drawString(40, 800 - 18 * i, line)
    pdf.save()
    return buf.getvalue()


def seeds() -> dict[str, bytes]:
    """Seed name → bytes; the first byte selects the suffix in fuzz_reader.check (0 none, 1 .txt, … 5 .pdf)."""
    html = f"<!DOCTYPE html><html><body><nav>首页</nav><p>{REPORT.replace(chr(10), '</p><p>')}</p></body></html>"
    return {
        "utf8.txt": b"\x01" + REPORT.encode("utf-8"),
        "gb18030.txt": b"\x01" + REPORT.encode("gb18030"),
        "utf16.txt": b"\x01" + REPORT.encode("utf-16"),
        "chrome.txt": b"\x01" + ("下载\n打印\n【字号：\n】\n来源：某日报\n" + REPORT).encode("utf-8"),
        "page.html": b"\x03" + html.encode("utf-8"),
        "report.docx": b"\x04" + _docx(),
        "report.pdf": b"\x05" + _pdf(),
    }


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz-seeds")
    out.mkdir(parents=True, exist_ok=True)
    for name, data in seeds().items():
        (out / name).write_bytes(data)
    print(f"wrote {len(seeds())} seeds to {out}")
