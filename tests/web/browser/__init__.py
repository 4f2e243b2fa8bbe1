"""Browser tests of the interactive page (headless Debian chromium driven by Playwright)."""
