"""PDF files with a text layer (pypdf); a scanned PDF without one gets an error that says so."""

from __future__ import annotations

import io
import re

from kg.errors import InputError
from kg.ingest.limits import current_limits

# A line that is only a page number: 3, - 3 -, —3—, 第3页, 3/20.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)\s*$"
)


def pdf_to_text(data: bytes, *, name: str = "<pdf>") -> str:
    """The text layer of every page, page-number lines dropped; raise InputError for scanned, encrypted or corrupt
    files."""
    import logging

    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object of real-world files
    limits = current_limits()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported encryption
                unlocked = 0
            if not unlocked:
                raise InputError(f"{name}: PDF is password-protected; remove the password and pass it again")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise InputError(f"{name}: PDF has {count} pages, over the limit of {limits.max_pdf_pages}; split it or "
                             "raise KG_MAX_PDF_PAGES")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, ZeroDivisionError) as err:
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}); re-export it as PDF or save it as "
                         ".txt") from None
    except Exception as err:  # noqa: BLE001 - corrupt files reach pypdf code paths that raise anything
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}); re-export it or save it as .txt") \
            from None
    if count == 0:
        raise InputError(f"{name}: PDF has no pages; pass a PDF of the report")
    lines = [line for text in pages for line in text.split("\n") if not PAGE_NUMBER.match(line)]
    text = "\n".join(lines)
    if sum(1 for ch in text if not ch.isspace()) < 10:
        raise InputError(f"{name}: PDF has no text layer (a scanned image?); run OCR on it first (e.g. ocrmypdf "
                         "-l chi_sim) or pass the report as text")
    return text
