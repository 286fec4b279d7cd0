#!/usr/bin/env python3
"""Checks `lecture preview` in headless Chromium: an open page reloads by itself
after a save and shows the new output, scrolled where it was; a compile error
shows over the page with its file:line, and fixing it clears it; a chapter
whose run takes a while shows the edit before it is done, with the cells still
running marked and a notice, which axe-core finds accessible, and then
reloads without them.

Runs the preview on a copy of a course's lectures in a temporary folder (the
lectures given are never changed), opens a chapter page, scrolls it, then saves
edits to the copy as an editor does (a new file renamed over the old one).

Usage: check_preview.py [--axe AXE.MIN.JS] [--screenshot PNG] LECTURE_BINARY LECTURES_FOLDER CHAPTER_FILE OLD_TEXT NEW_TEXT
(OLD_TEXT is text of a cell's code in CHAPTER_FILE that the cell prints, such
as a string literal; NEW_TEXT replaces it, and must show in the cell's output
once the page reloaded.)
Prints one line per check and ends with "N passed, N failed".
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, find_chromium  # noqa: E402
from check_site import Report, check_accessibility  # noqa: E402

SCROLL = 600
# A cell that keeps the chapter running long enough to look at its page meanwhile.
SLOW_CELL = '\n```swift\nimport Foundation\nThread.sleep(forTimeInterval: 30)\nprint("the slow cell is done")\n```\n'


def save(path, text):
    """Writes `text` to `path` as vim and VS Code save: a new file, renamed over the old."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
    os.rename(temporary, path)


def in_output(text):
    """An expression: whether a cell's output on the page shows `text`."""
    return f"[...document.querySelectorAll('.output')].some(output => output.innerText.includes({text!r}))"


def wait_until(browser, expression, timeout):
    """Polls `expression` in the page until it is true (a reload in between is no error)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if browser.evaluate(expression):
                return True
        except (RuntimeError, TimeoutError):
            pass
        time.sleep(0.05)
    return False


def start_preview(binary, folder):
    """The preview of the lectures in `folder`, as a course of this package (run from its root)."""
    output = open(os.path.join(folder, "preview.out"), "w+", encoding="utf-8")
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    process = subprocess.Popen([binary, "preview", "--port", "0", "--lectures", os.path.join(folder, "lectures")], cwd=root,
                               stdout=output, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 900
    while time.time() < deadline and process.poll() is None:
        output.seek(0)
        found = re.search(r"preview: serving .*?(http://127\.0\.0\.1:\d+/)", output.read())
        if found:
            return process, found.group(1), output
        time.sleep(0.1)
    output.seek(0)
    raise RuntimeError("the preview did not start:\n" + output.read())


def main():
    arguments = sys.argv[1:]
    axe = screenshot = None
    while arguments and arguments[0] in ("--axe", "--screenshot") and len(arguments) > 1:
        if arguments[0] == "--axe":
            with open(arguments[1], encoding="utf-8") as file:
                axe = file.read()
        else:
            screenshot = arguments[1]
        arguments = arguments[2:]
    if len(arguments) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    binary, lectures, chapter, old, new = arguments
    chromium = find_chromium()
    if not chromium:
        print("error: no Chromium found (install the Debian package chromium)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    report = Report()
    folder = tempfile.mkdtemp(prefix="preview-browser-")
    shutil.copytree(lectures, os.path.join(folder, "lectures"))
    source = os.path.join(folder, "lectures", chapter)
    with open(source, encoding="utf-8") as file:
        original = file.read()
    if old not in original:
        print(f"error: '{old}' is not in {chapter}", file=sys.stderr)
        return 2
    process, address, output = start_preview(os.path.abspath(binary), folder)
    page = address + chapter[:-3] + ".html"
    browser = Browser(chromium)
    try:
        browser.set_viewport(1280, 700)
        browser.open(page)
        report.check(browser.evaluate(in_output(old.strip('"'))) and not browser.evaluate(in_output(new.strip('"'))),
                     f"{page}: a cell's output shows {old}, not {new}, before the edit")
        height = browser.evaluate("document.documentElement.scrollHeight")
        target = min(SCROLL, max(0, height - 700))
        browser.evaluate(f"window.scrollTo(0, {target}); window.beforeTheSave = true")
        scrolled = browser.evaluate("window.scrollY")

        started = time.time()
        save(source, original.replace(old, new, 1))
        reloaded = wait_until(browser, "window.beforeTheSave === undefined && " + in_output(new.strip('"')), 120)
        seconds = time.time() - started
        report.check(reloaded, f"{page}: reloads by itself after the save, the cell's output showing {new} ({seconds:.2f} s)")
        position = browser.evaluate("window.scrollY") if reloaded else None
        report.check(position is not None and abs(position - scrolled) <= 2,
                     f"{page}: is scrolled where it was ({scrolled} px) after the reload", f"at {position} px")
        errors = [error for error in browser.take_errors() if "_preview/events" not in error]
        report.check(not errors, f"{page}: the reload logs no error", "; ".join(errors)[:600])

        line = original[:original.index(old)].count("\n") + 1
        lines = original.split("\n")
        broken = "\n".join(lines[:line - 1] + ['let notANumber: Int = "x"'] + lines[line - 1:])
        place = f"lectures/{chapter}:{line}:"
        browser.evaluate("window.beforeTheSave = true")
        save(source, broken)
        shown = wait_until(browser, "window.beforeTheSave === undefined && "
                           "!!document.querySelector('#lecture-preview-problems') && "
                           f"document.querySelector('#lecture-preview-problems').innerText.includes({place!r})", 120)
        report.check(shown, f"{page}: a compile error shows over the page at {place}")
        visible = shown and browser.evaluate(
            "(() => { const box = document.querySelector('#lecture-preview-problems').getBoundingClientRect();"
            " return box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0; })()")
        report.check(bool(visible), f"{page}: the problems are in view without scrolling")
        output.seek(0)
        report.check(place in output.read(), f"the terminal shows the error at {place} too")

        browser.evaluate("window.beforeTheSave = true")
        save(source, original)
        cleared = wait_until(browser, "window.beforeTheSave === undefined && !document.querySelector('#lecture-preview-problems')", 120)
        report.check(cleared, f"{page}: fixing the error clears it")

        # A slow cell at the end: the chapter's run now takes a while, so the
        # next edit shows before the slow cell is done.
        slow = original + SLOW_CELL
        save(source, slow)
        report.check(wait_until(browser, in_output("the slow cell is done"), 180), f"{page}: shows the slow cell once it ran")
        browser.evaluate("window.beforeTheSave = true")
        started = time.time()
        save(source, slow.replace(old, new, 1))
        early = wait_until(browser, "window.beforeTheSave === undefined && !!document.querySelector('#lecture-preview-running') && "
                           + in_output(new.strip('"')), 20)
        seconds = time.time() - started
        report.check(early, f"{page}: shows the edit while the chapter still runs ({seconds:.2f} s), with a notice")
        stale = early and browser.evaluate(
            "[...document.querySelectorAll('.cell.stale .output')].some(output => output.innerText.includes('the slow cell is done'))")
        report.check(bool(stale), f"{page}: the running cell shows its previous output, marked as the previous run's")
        if early and screenshot:
            browser.screenshot(screenshot, 1280, 700)
        if early and axe:
            check_accessibility(browser, f"{page} while it runs", axe, report)
        browser.evaluate("window.beforeTheSave = true")
        done = wait_until(browser, "window.beforeTheSave === undefined && !document.querySelector('#lecture-preview-running') && "
                          "!document.querySelector('.cell.stale') && " + in_output("the slow cell is done"), 120)
        report.check(done, f"{page}: reloads again when the chapter is done, nothing marked")
    finally:
        browser.quit()
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            status = None
        report.check(status == 128 + signal.SIGINT, "Ctrl-C stops the preview", f"exit status {status}")
        output.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
