"""Word .docx files: paragraphs and table rows in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile
import zlib

from kg.errors import InputError
from kg.ingest.limits import current_limits, human_size

# What zipfile raises for damaged archives: an unsupported version or method is NotImplementedError,
# an encrypted member RuntimeError, a corrupt stream zlib.error.
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error)


def docx_to_text(data: bytes, *, name: str = "<docx>") -> str:
    """The text of a .docx: one line per paragraph, table cells joined by a tab; raise InputError when corrupt."""
    try:
        import docx
        from docx.table import Table
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(f"{name}: reading .docx needs python-docx; install it or save the file as .txt") from None
    limit = 4 * current_limits().max_file_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS:
        raise InputError(f"{name}: not a readable .docx (damaged zip); re-save it in Word, or save it as .txt") \
            from None
    if expanded > limit:
        raise InputError(f"{name}: .docx expands to {human_size(expanded)}, over {human_size(limit)} "
                         "(4 × KG_MAX_FILE_MB); save it as .txt or raise KG_MAX_FILE_MB")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, AttributeError) as err:
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__}); open and re-save it in Word, "
                         "or save it as .txt") from None
    except Exception as err:  # python-docx raises its own and lxml's errors for broken parts
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__}: {str(err)[:80]}); "
                         "re-save it in Word or as .txt") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.strip()
                    if not cells or text != cells[-1]:  # merged cells repeat their text
                        cells.append(text)
                lines.append("\t".join(cells))
        else:
            lines.append(block.text)
    return "\n".join(lines)
