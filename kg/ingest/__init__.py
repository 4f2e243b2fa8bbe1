"""Ingest: file → text → Document. The readers sniff a file's format (text in any Chinese encoding, HTML,
.docx, PDF) and return plain text within the size limits; `document` normalises it and finds the report's
metadata, sections and sentences with exact offsets; `sidecar` merges metadata from the text, a sidecar file
and CLI options; `tokenize` is the shared jieba segmentation every extractor sees."""
