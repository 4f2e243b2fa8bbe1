"""Hostile and broken input: every failure is one line with exit status 2, nothing injected, nothing stalls."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
import rdflib

from kg.cli import main
from kg.errors import InputError, UsageError
from kg.extract.pipeline import Extraction
from kg.ingest.document import parse_document
from kg.ingest.readers import read_bytes, read_file
from kg.model import Entity, Mention, Span
from kg.rdf.export import serialize_rdf
from kg.rdf.graph import extraction_quads
from kg.rdf.iri import document_iri, iri_segment, mint_iri

HOSTILE = '华星> "光电" \\集团 {a} |b| ^c^ `d` e\tf\ng <script>'
IRI_BREAKERS = set('<>"{}|^`\\ \t\n')


def _run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def _bad_files(tmp_path):
    """(name, bytes, expected words) for every bad input a user can hand the reader."""
    docx_buf = io.BytesIO()
    with zipfile.ZipFile(docx_buf, "w") as z:
        z.writestr("word/document.xml", "<not-closed")
        z.writestr("[Content_Types].xml", "<Types/>")
    return [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not text"),
        ("latin1.txt", "Rapport annuel: croissance économique élevée.".encode("latin-1") + bytes(range(0x80, 0x100)),
         "cannot decode|readable"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n%%EOF", "PDF"),
        ("truncated.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "PDF"),
        ("broken.docx", docx_buf.getvalue(), "docx"),
        ("halfzip.docx", b"PK\x03\x04" + b"\x00" * 100, "docx|not text"),
        ("archive.zip", _zip({"a.txt": "天津"}), "zip archive"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no text"),
        ("bad-bom.txt", b"\xef\xbb\xbf\xff\xfe\xfa", "cannot decode"),
    ]


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_every_bad_file_is_one_line_naming_the_file_and_exit_2(tmp_path, capsys):
    for name, data, words in _bad_files(tmp_path):
        path = tmp_path / name
        path.write_bytes(data)
        code, err = _run(["build", str(path), "-o", str(tmp_path / "out"), "--no-page"], capsys)
        assert code == 2, (name, err)
        lines = err.strip().split("\n")
        assert len(lines) == 1, (name, err)
        assert name in lines[0] and ";" in lines[0], (name, err)  # file, what went wrong; what to do
        assert re.search(words, lines[0]), (name, lines[0])
        assert not (tmp_path / "out" / "graph.ttl").exists()


def test_debug_shows_the_traceback(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        main(["--debug", "build", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")])


def test_missing_file_and_empty_folder(tmp_path, capsys):
    code, err = _run(["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")], capsys)
    assert code == 2 and "nope.txt: no such file" in err
    (tmp_path / "empty-dir").mkdir()
    code, err = _run(["build", str(tmp_path / "empty-dir"), "-o", str(tmp_path / "o")], capsys)
    assert code == 2 and "empty-dir" in err and len(err.strip().split("\n")) == 1


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KG_MAX_FILE_MB", "0.01")  # 10 KiB
    path = tmp_path / "big.txt"
    path.write_text("2025年某市政府工作报告\n" + "经济增长。" * 5000, encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.txt: file is .* over the limit of .*KG_MAX_FILE_MB"):
        read_file(path)
    code, err = _run(["build", str(path), "-o", str(tmp_path / "o"), "--no-page"], capsys)
    assert code == 2 and "over the limit" in err


def test_a_bad_limit_setting_is_a_usage_error(tmp_path, monkeypatch):
    path = tmp_path / "r.txt"
    path.write_text("标题\n正文。", encoding="utf-8")
    monkeypatch.setenv("KG_MAX_FILE_MB", "lots")
    with pytest.raises(UsageError, match="KG_MAX_FILE_MB='lots': not a number"):
        read_file(path)


def test_docx_that_expands_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_FILE_MB", "0.05")
    bomb = _zip({"word/document.xml": "<w:document>" + " " * 2_000_000 + "</w:document>",
                 "[Content_Types].xml": "<Types/>"})
    assert len(bomb) < 50_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    with pytest.raises(InputError, match="bomb.docx: .*expands to"):
        read_file(path)


def test_docx_external_entities_are_not_resolved(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("MARKER")
    buf = io.BytesIO()
    document.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = text.replace("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
                                    "<?xml version='1.0' encoding='UTF-8'?>"
                                    '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                data = text.replace("MARKER", "天津&xxe;").encode("utf-8")
            dst.writestr(item, data)
    path = tmp_path / "xxe.docx"
    path.write_bytes(out.getvalue())
    try:
        text = read_file(path)
    except InputError as err:
        assert "xxe.docx" in str(err)
        return
    assert "root:" not in text


def test_html_entities_and_scripts_inject_nothing():
    page = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>天津&xxe;经济增长。</p>'
            '<p>&lt;script&gt;alert(1)&lt;/script&gt;说明文字。</p><script>document.write("x")</script>'
            '<p onclick="evil()">正文。</p></body></html>').encode()
    text = read_bytes(page, name="p.html")
    assert "root:" not in text and "document.write" not in text and "evil" not in text
    assert "<script>alert(1)</script>说明文字。" in text  # escaped text stays text, as written


def test_invisible_and_bidi_characters_are_dropped():
    doc = parse_document("标题\n天\u200b津\u202e港\u2066口\u00ad集团。\n", source="x.txt")
    assert doc.sentences[1].text == "天津港口集团。"


def test_one_huge_sentence_is_split_with_a_warning_and_does_not_stall(monkeypatch):
    monkeypatch.setenv("KG_MAX_SENTENCE_CHARS", "500")
    text = "2025年某市政府工作报告\n" + "推进产业发展，" * 60_000  # 420,000 characters, no full stop
    started = time.perf_counter()
    doc = parse_document(text, source="long.txt")
    assert time.perf_counter() - started < 20
    assert max(len(s.text) for s in doc.sentences) <= 500
    assert any("longer than 500" in w for w in doc.warnings)
    assert "".join(s.text for s in doc.sentences[1:]) == text.split("\n")[1]  # nothing lost


def test_many_headings_do_not_make_sectioning_quadratic():
    text = "标题\n" + "".join(f"{'一二三四五六七八九'[i % 9]}、标题{i}\n（一）小节\n正文。\n" for i in range(5_000))
    started = time.perf_counter()
    doc = parse_document(text, source="h.txt")
    assert time.perf_counter() - started < 20
    assert len(doc.sections) == 10_001


def _hostile_extraction() -> Extraction:
    text = f"{HOSTILE}政府工作报告\n各位代表：\n{HOSTILE}集团投资建设。\n"
    doc = parse_document(text, source='we"ird <name>{1}|^`\\.txt')
    sent = doc.sentences[-1]
    mentions = [Mention(sent.text[:5], "Enterprise", Span(sent.span.start, sent.span.start + 5), sent.index, "t")]
    entities = [Entity("Enterprise", label, {label + " alias"}, mentions)
                for label in (HOSTILE, "a>b", 'q"uote', "back\\slash", "{}|^`", " ", "\u202eevil")]
    return Extraction(doc, mentions=mentions, entities=entities)


@pytest.mark.parametrize("fmt, rdflib_format", [("nt", "nt"), ("nq", "nquads"), ("ttl", "turtle"),
                                                 ("trig", "trig"), ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_iris_minted_from_hostile_names_parse_in_every_export(fmt, rdflib_format):
    quads = extraction_quads(_hostile_extraction())
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object):
            if hasattr(term, "value") and type(term).__name__ == "NamedNode":
                assert not IRI_BREAKERS & set(term.value), term.value
    data = serialize_rdf(quads, fmt)
    graph = rdflib.Dataset()
    graph.parse(data=data, format=rdflib_format)
    labels = {str(o) for _, _, o, _ in graph.quads((None, rdflib.RDFS.label, None, None))}
    assert HOSTILE in labels and 'q"uote' in labels and "back\\slash" in labels


def test_iri_segment_encodes_every_breaker():
    for ch in IRI_BREAKERS | set("\x00\x7f\u2028\ue000%#?/"):
        seg = iri_segment(f"a{ch}b")
        assert ch not in seg or ch == "%" and seg.startswith("a%25"), (repr(ch), seg)
    iri = document_iri(issuer='x"y', year=2025, title="<t>", source="s.txt")
    assert not IRI_BREAKERS & set(iri)
    assert not IRI_BREAKERS & set(mint_iri("Zone", 'a b\\c"d'))


def test_zip_with_an_unsupported_version_is_refused_in_one_line(tmp_path):
    """Found by the fuzzer: zipfile raises NotImplementedError for a 'version needed' it does not know."""
    import io
    import zipfile

    from kg.errors import InputError
    from kg.ingest.readers import read_file

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = bytearray(buf.getvalue())
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = (235).to_bytes(2, "little")  # needs version 23.5 to extract
    for suffix in (".docx", ".txt"):
        path = tmp_path / f"odd{suffix}"
        path.write_bytes(bytes(data))
        try:
            read_file(path)
        except InputError as err:
            assert "\n" not in str(err) and path.name in str(err)
