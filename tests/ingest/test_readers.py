"""Reading files in every encoding Chinese reports come in, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest

from kg.errors import InputError
from kg.ingest.readers import read_file

TEXT = "2025年天津市政府工作报告\n全市地区生产总值增长5.1％左右。"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_every_encoding_decodes_to_the_same_text(tmp_path, encode):
    path = tmp_path / "r.txt"
    path.write_bytes(encode(TEXT))
    assert read_file(path) == TEXT


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        read_file(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="not text"):
        read_file(path)


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_file(tmp_path)


def test_web_chrome_at_head_and_tail_is_dropped_title_and_date_kept(tmp_path):
    page = ("当前位置：\n首页\n>\n政务信息\n2026年江北市政府工作报告\n发表时间：\n2026-02-09 09:45:30\n"
            "来源：\n江北日报\n"
            "【字体：\n小\n中\n大\n】\n——2026年1月20日在江北市第九届人民代表大会第四次会议上\n各位代表：\n"
            "全市经济增长6％。\n责任编辑：\n某某\n扫一扫在手机打开当前页\n相关链接>>\nabc123:\n另一篇文章\n")
    path = tmp_path / "江北市.txt"
    path.write_text(page, encoding="utf-8")
    text = read_file(path)
    assert text.split("\n") == ["2026年江北市政府工作报告", "——2026年1月20日在江北市第九届人民代表大会第四次会议上",
                                "各位代表：", "全市经济增长6％。"]


def test_chrome_cleanup_leaves_a_plain_report_alone(tmp_path):
    report = "2025年江北市政府工作报告\n各位代表：\n一、工作回顾\n大力发展。\n下载量增长一倍。\n"
    path = tmp_path / "r.txt"
    path.write_text(report, encoding="utf-8")
    assert read_file(path) == report.rstrip("\n")


def test_unreadable_file_is_refused(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file; permission errors cannot be provoked")
    path = tmp_path / "locked.txt"
    path.write_text("天津", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_file(path)
