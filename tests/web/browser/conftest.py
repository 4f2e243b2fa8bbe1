"""Headless Debian chromium driven by Playwright; skipped, with the reason, where either is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                 "--disable-component-update", "--disable-default-apps", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's chromium (or $KG_CHROMIUM), if installed."""
    for candidate in (os.environ.get("KG_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A persistent context on a fresh user-data-dir; every request to a host is aborted and recorded."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser test skipped: playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        pytest.skip("browser test skipped: Debian chromium not found at /usr/bin/chromium "
                    "(apt-get install chromium fonts-wqy-microhei; .ci/run tries this)")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout \
        if shutil.which("fc-list") else ""
    if not fonts.strip():
        warnings.warn("no CJK font installed (apt-get install fonts-wqy-microhei): screenshots show boxes",
                      stacklevel=1)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900}, locale="zh-CN")
        context.requests = []  # every URL the pages asked for

        def guard(route):
            context.requests.append(route.request.url)
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        context.on("request", lambda request: context.requests.append(request.url))
        try:
            yield context
        finally:
            context.close()


def open_page(context, path: Path, ready: str):
    """A new page on a local file, its errors collected, waited on until the JavaScript condition ``ready`` holds;
    the context's request log starts empty for it."""
    context.requests.clear()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.resolve().as_uri())
    page.wait_for_function(ready, timeout=60_000)
    return page


def left_machine(context, local: tuple[str, ...] = ("file:", "data:")) -> list[str]:
    """The URLs the pages asked for that are not local (each was aborted by the context's guard)."""
    return [u for u in context.requests if not u.startswith(local)]
