#!/usr/bin/env python3
"""Checks built course sites in headless Chromium, page by page.

For every page of every site given: it loads with no console error, uncaught
exception or failed load (a missing font or script counts); KaTeX typeset every
formula (as many .katex elements as .math spans, no .katex-error, no raw TeX
command left in the prose); every chart and diagram SVG is visible with a
non-zero size; every link inside the site leads to a page and heading that
exist. For every chapter, the search box finds it by a word that only its page
contains, and the first result links to it.

Usage: check_site.py [--screenshots DIR] SITE...
Prints one line per check and ends with "N passed, N failed"; exits 1 when a
check failed, 2 when it could not run (in CI a missing Chromium is a failure).
"""

import argparse
import os
import re
import sys
from urllib.parse import urldefrag, urljoin, urlparse, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, find_chromium  # noqa: E402

PAGE_FACTS = r"""
(() => {
  const visible = element => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return { width: box.width, height: box.height,
             shown: style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0 };
  };
  const texts = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.parentElement.closest('pre, code, .math, .katex, script, style, svg')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  while (walker.nextNode()) texts.push(walker.currentNode.textContent);
  const article = document.querySelector('article');
  return {
    math: document.querySelectorAll('.math').length,
    katex: document.querySelectorAll('.katex').length,
    katexErrors: [...document.querySelectorAll('.katex-error')].map(e => e.getAttribute('title') || e.textContent),
    rawTeX: texts.join(' ').match(/\\[a-zA-Z]{2,}|\$\$/g) || [],
    figures: [...document.querySelectorAll('.out svg')].map(svg => ({
      kind: svg.closest('.out').className, ...visible(svg) })),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    words: article ? article.innerText.toLowerCase().match(/\p{L}{5,}/gu) || [] : [],
    isChapter: !!document.querySelector('article.chapter'),
  };
})()
"""

SEARCH = r"""
(async (word) => {
  const input = document.getElementById('searchBox');
  input.focus();
  input.value = word;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let tries = 0; tries < 50; tries++) {
    const links = [...document.querySelectorAll('#searchResults a')];
    if (links.length) return links.map(a => a.getAttribute('href'));
    await new Promise(done => setTimeout(done, 50));
  }
  return [];
})(%s)
"""


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, name, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def pages_of(site):
    names = sorted(name for name in os.listdir(site) if name.endswith(".html"))
    return ["index.html"] + [name for name in names if name != "index.html"]


def check_site(browser, site, report, screenshots):
    site = os.path.abspath(site)
    label = os.path.basename(site)
    facts = {}
    for name in pages_of(site):
        url = "file://" + os.path.join(site, name)
        browser.open(url)
        page = browser.evaluate(PAGE_FACTS)
        facts[name] = page
        where = f"{label}/{name}"
        errors = browser.take_errors()
        report.check(not errors, f"{where}: loads with no console error", "; ".join(errors)[:600])
        report.check(not page["katexErrors"], f"{where}: no .katex-error", "; ".join(page["katexErrors"])[:600])
        report.check(page["math"] == page["katex"], f"{where}: every formula typeset ({page['katex']} of {page['math']})")
        report.check(not page["rawTeX"], f"{where}: no TeX left in the prose", " ".join(page["rawTeX"][:10]))
        hidden = [figure for figure in page["figures"] if not (figure["shown"] and figure["width"] > 0 and figure["height"] > 0)]
        report.check(not hidden, f"{where}: {len(page['figures'])} charts and diagrams visible",
                     "; ".join(f"{figure['kind']} {figure['width']}x{figure['height']}" for figure in hidden))
        if screenshots:
            stem = os.path.join(screenshots, f"{label}-{name[:-5]}")
            for width, height, kind in ((1280, 900, "desktop"), (390, 844, "phone")):
                for dark in (False, True):
                    browser.screenshot(f"{stem}-{kind}-{'dark' if dark else 'light'}.png", width, height, dark=dark)

    for name, page in facts.items():
        broken = []
        for href in page["links"]:
            target = urljoin("file://" + os.path.join(site, name), href)
            if urlparse(target).scheme != "file":
                continue
            path, fragment = urldefrag(target)
            path = unquote(urlparse(path).path)
            if not os.path.exists(path):
                broken.append(href)
            elif fragment and path.endswith(".html"):
                other = facts.get(os.path.relpath(path, site))
                if other is not None and unquote(fragment) not in other["ids"]:
                    broken.append(href)
        report.check(not broken, f"{label}/{name}: links inside the site lead somewhere", " ".join(broken[:10]))

    chapters = {name: set(page["words"]) for name, page in facts.items() if page["isChapter"]}
    for name, words in chapters.items():
        others = set().union(*(other for key, other in chapters.items() if key != name))
        unique = sorted(words - others, key=lambda word: (-len(word), word))
        if not unique:
            report.check(False, f"{label}/{name}: search finds it by a word only it contains", "no word of its own")
            continue
        word = unique[0]
        browser.open("file://" + os.path.join(site, "index.html"))
        results = browser.evaluate(SEARCH % repr(word), await_promise=True) or []
        first = results[0].split("#")[0] if results else None
        report.check(first == name, f"{label}/{name}: search finds it by '{word}'", f"results: {results[:5]}")
        errors = browser.take_errors()
        report.check(not errors, f"{label}/index.html: searching logs no error", "; ".join(errors)[:600])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screenshots", help="save PNGs of every page (desktop and phone, light and dark) here")
    parser.add_argument("sites", nargs="+")
    arguments = parser.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("error: no Chromium found (install the Debian package chromium)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    report = Report()
    browser = Browser(chromium)
    try:
        for site in arguments.sites:
            if not os.path.isfile(os.path.join(site, "index.html")):
                report.check(False, f"{site}: has an index.html")
                continue
            check_site(browser, site, report, arguments.screenshots)
    finally:
        browser.quit()
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
