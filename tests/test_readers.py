"""Reading files in every encoding Chinese reports come in, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest

from kg.errors import InputError
from kg.readers import read_file

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
