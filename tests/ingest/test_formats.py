"""Every input format and encoding, each with a small real file written by the test (no binary fixtures)."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest

from kg.build import expand_inputs, load_document
from kg.errors import InputError
from kg.ingest.readers import TEXT_SUFFIXES, read_file, sniff_format

# Excerpts (the opening pages) of real reports from the project's corpus, kept as fixtures.
REAL_DIR = Path(__file__).parents[1] / "fixtures" / "real"
TITLE = "2025年江北市政府工作报告"
BYLINE = "——2025年1月20日在江北市第九届人民代表大会第四次会议上"
BODY = ["各位代表：", "一、2024年工作回顾", "全市地区生产总值增长6.2％，华星光电集团总部落户青山区。",
        "（一）产业发展取得新成效", "青山经济技术开发区新引进企业120家。"]
REPORT = "\n".join([TITLE, BYLINE, *BODY]) + "\n"


def _check(text: str) -> None:
    """The report's title, byline and body lines are all there, in order."""
    doc_lines = [line.strip() for line in text.split("\n") if line.strip()]
    wanted = [TITLE, BYLINE, *BODY]
    positions = [doc_lines.index(line) for line in wanted]
    assert positions == sorted(positions), doc_lines


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_and_markdown_in_every_encoding(tmp_path, encoding, suffix):
    data = REPORT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / f"r{suffix}"
    path.write_bytes(data)
    _check(read_file(path))
    doc = load_document(path)
    assert (doc.title, doc.issuer, doc.date) == (TITLE, "江北市", "2025-01-20")


def _html(charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{TITLE}_江北市人民政府网</title>
<style>p {{ color: red }}</style><script>var nav = "首页 下载 打印";</script></head>
<body>
<div class="header"><a href="/">首页</a> &gt; <a href="/zw">政务公开</a></div>
<nav><ul><li>机构设置</li><li>政策文件</li></ul></nav>
<div id="content" class="article-content">
  <h1>{TITLE}</h1>
  <p>{BYLINE}</p>
  {''.join(f'<p>{line}</p>' for line in BODY)}
  <!-- 编辑：某某 -->
</div>
<div class="share-bar">分享到微信</div>
<footer>版权所有 江北市人民政府 京ICP备12345号</footer>
<script>alert("注入")</script>
</body></html>"""


@pytest.mark.parametrize("charset, encoding", [("utf-8", "utf-8"), ("gbk", "gbk"), ("gb2312", "gb18030")])
def test_html_keeps_the_main_content_and_drops_chrome(tmp_path, charset, encoding):
    path = tmp_path / "report.html"
    path.write_bytes(_html(charset).encode(encoding))
    text = read_file(path)
    _check(text)
    for chrome in ("首页", "机构设置", "分享到微信", "版权所有", "alert", "注入", "color", "编辑", "var nav"):
        assert chrome not in text
    assert load_document(path).title == TITLE


def test_html_is_recognised_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(_html(), encoding="utf-8")
    text = read_file(path)
    assert "<p>" not in text and "alert" not in text
    _check(text)


def _docx_bytes(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(_docx_bytes([TITLE, BYLINE, *BODY], table=[["指标", "增长"], ["地区生产总值", "6.2％"]]))
    text = read_file(path)
    _check(text)
    assert "地区生产总值\t6.2％" in text
    doc = load_document(path)
    assert (doc.title, doc.issuer, doc.year) == (TITLE, "江北市", 2025)


def _pdf_bytes(lines: list[str], *, text_layer: bool = True) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # a built-in CJK font: no font file needed
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    if text_layer:
        pdf.setFont("STSong-Light", 11)
        y = 800
        for line in lines:
            pdf.drawString(40, y, line)
            y -= 18
        pdf.drawString(290, 30, "- 1 -")  # a page number, dropped
    else:
        pdf.rect(40, 400, 500, 380, fill=1)  # a "scanned" page: a picture, no text
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf_bytes([TITLE, BYLINE, *BODY]))
    text = read_file(path)
    _check(text)
    assert "- 1 -" not in text
    assert load_document(path).date == "2025-01-20"


def test_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_bytes([], text_layer=False))
    with pytest.raises(InputError, match=r"scan\.pdf: PDF has no text layer.*OCR"):
        read_file(path)


def test_pdf_line_broken_inside_a_sentence_is_joined(tmp_path):
    long = "全市地区生产总值增长6.2％，一般公共预算收入增长4.8％，"
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(_pdf_bytes([TITLE, "各位代表：", long, "城乡居民收入稳步提高。"]))
    doc = load_document(path)
    assert long + "城乡居民收入稳步提高。" in [s.text for s in doc.sentences]


def test_format_is_decided_by_content_before_the_name(tmp_path):
    pdf, docx_data = _pdf_bytes([TITLE, *BODY]), _docx_bytes([TITLE, *BODY])
    assert sniff_format(pdf, ".txt") == "pdf"
    assert sniff_format(docx_data, ".pdf") == "docx"
    assert sniff_format(REPORT.encode(), ".pdf") == "text"
    assert sniff_format(REPORT.encode("utf-16"), ".docx") == "text"
    for name, data in (("a.txt", pdf), ("b.pdf", docx_data), ("c.docx", REPORT.encode("gb18030"))):
        (tmp_path / name).write_bytes(data)
        assert TITLE in read_file(tmp_path / name)


def test_folder_of_mixed_formats_reads_every_report(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT.replace("江北", "江南"), encoding="gb18030")
    (folder / "b.html").write_text(_html().replace("江北", "江东"), encoding="utf-8")
    (folder / "c.docx").write_bytes(_docx_bytes([TITLE.replace("江北", "江西"), BYLINE, *BODY]))
    (folder / "d.pdf").write_bytes(_pdf_bytes([TITLE.replace("江北", "江中"), BYLINE, *BODY]))
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a report suffix: ignored
    assert {".txt", ".html", ".docx", ".pdf"} <= set(TEXT_SUFFIXES)
    paths = expand_inputs([folder])
    assert [p.name for p in paths] == ["a.txt", "b.html", "c.docx", "d.pdf"]
    assert sorted(load_document(p).issuer for p in paths) == ["江东市", "江中市", "江南市", "江西市"]


def test_zip_and_old_word_files_are_refused_with_a_reason(tmp_path):
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", REPORT)
    with pytest.raises(InputError, match="zip archive.*unpack"):
        read_file(archive)
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match=r"old\.doc: old Word \.doc.*save it as \.docx"):
        read_file(old)


REAL = [("national/1954.txt", "traditional"), ("national/1997.txt", "full-width digits"),
        ("provinces-2026/北京市.txt", "web chrome"), ("encodings/national-2017.gb18030.txt", "GB18030")]


@pytest.mark.parametrize("relpath, kind", REAL, ids=[k for _, k in REAL])
def test_real_corpus_files(relpath, kind):
    doc = load_document(REAL_DIR / relpath.replace("/", "-"))
    assert doc.title and "政府工作报告" in doc.title
    assert len(doc.sentences) > 25
    for sent in doc.sentences:
        assert doc.text[sent.span.start:sent.span.end] == sent.text
    if kind == "traditional":
        assert "會議" in doc.text and doc.match_text[doc.text.index("會議"):][:2] == "会议"
    if kind == "full-width digits":
        assert "１" not in doc.text and "一、1996年国内工作的回顾" in [s.heading for s in doc.sections]
    if kind == "web chrome":
        assert doc.title == "2026年北京市政府工作报告" and doc.date == "2026-01-25"
        assert not {"下载", "打印", "全屏", "收藏"} & set(doc.text.split("\n")[:12])
        assert "来源：" not in doc.text[:300]
