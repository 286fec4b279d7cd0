#!/usr/bin/env python3
"""Checks built course sites in headless Chromium, page by page.

For every page of every site given: it loads with no console error, uncaught
exception or failed load (a missing font or script counts); every formula is
typeset (as many .katex elements as .math spans, no .katex-error, no raw TeX
command left in the prose); every chart and diagram SVG is visible with a
non-zero size; every link inside the site leads to a page and heading that
exist; axe-core finds no serious or critical violation in light and dark, on a
desktop window and on a phone; on both, chart text is at least 11 CSS px and
no copy button covers the code of a block that does not scroll; on a phone,
every block that scrolls sideways is a named, focusable region. For every
chapter, the search box finds it by a word that only its page contains, and
the page with all it loads on a first visit weighs under 200 KB as a web host
sends it (compressed); a build error shown on a page (--keep-going) is
visible and names file:line:col. Then what a reader does (reader.py): the drawer, the
copy button, keys, colours, search, pages without JavaScript.

Usage: check_site.py [--screenshots DIR] [--axe AXE.MIN.JS] [--broken SITE] SITE[:LECTURES]...
(LECTURES, the folder the site was built from, lets the copy button's text be
compared with the Markdown and the source links with course.json.)
Prints one line per check and ends with "N passed, N failed, N skipped" (a
check skipped names what this build lacks for it); exits 1 when a
check failed, 2 when it could not run (in CI a missing Chromium is a failure).
"""

import argparse
import os
import re
import sys
from urllib.parse import urldefrag, urljoin, urlparse, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, find_chromium  # noqa: E402
from serve import Server  # noqa: E402
import reader  # noqa: E402

DESKTOP = (1280, 900)
PHONE = (390, 844)
WEIGHT_BUDGET = 200_000
SMALLEST_CHART_TEXT = 11

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
    katex: document.querySelectorAll('.math .katex').length,
    katexErrors: [...document.querySelectorAll('.katex-error')].map(e => e.getAttribute('title') || e.textContent),
    rawTeX: texts.join(' ').match(/\\[a-zA-Z]{2,}|\$\$/g) || [],
    figures: [...document.querySelectorAll('.out svg')].map(svg => ({
      kind: svg.closest('.out').className, ...visible(svg) })),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    words: article ? article.innerText.toLowerCase().match(/\p{L}{5,}/gu) || [] : [],
    isChapter: !!document.querySelector('article.chapter'),
    buildErrors: [...document.querySelectorAll('.build-error')].map(e => ({
      text: e.textContent, ...visible(e) })),
  };
})()
"""

# The smallest text of each chart and diagram as drawn: its font size in the
# SVG's units times the SVG's scale on the screen.
CHART_TEXT = r"""
[...document.querySelectorAll('.out svg')].map(svg => {
  const scale = svg.getScreenCTM().a;
  const sizes = [...svg.querySelectorAll('text')].map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
  return { name: svg.getAttribute('aria-label') || (svg.querySelector('title') || {}).textContent || svg.id,
           smallest: sizes.length ? Math.min(...sizes) : null, width: svg.getBoundingClientRect().width };
})
"""

# Blocks of the text wider than their box, and whether each is a named region
# that the keyboard can reach (to scroll it with the arrow keys).
# The code blocks whose copy button lies over their text: only blocks that do
# not scroll (a scrolling one shows what is under the button when scrolled).
COVERED_CODE = r"""
[...document.querySelectorAll('.code-wrap')].flatMap(wrap => {
  const button = wrap.querySelector('.copy'), pre = wrap.querySelector('pre');
  if (!button || !pre || pre.scrollWidth > pre.clientWidth + 1) return [];
  const b = button.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(pre);
  const under = [...range.getClientRects()].some(r => r.width > 0 && r.bottom > b.top && r.top < b.bottom && r.right > b.left && r.left < b.right);
  return under ? [pre.textContent.trim().split('\n')[0].slice(0, 50)] : [];
})
"""

SCROLLERS = r"""
[...document.querySelectorAll('main pre, main .table-wrap, main .out, main .math.display')]
  .filter(element => element.scrollWidth - element.clientWidth > 1 && getComputedStyle(element).overflowX !== 'hidden')
  .map(element => ({ what: element.className || element.tagName, focusable: element.tabIndex >= 0,
                     named: !!element.getAttribute('aria-label') }))
"""

# KaTeX's visual HTML is hidden from screen readers (they read its MathML)
# and takes the colour of the text around it; checking the contrast of its
# thousands of spans would take minutes.
AXE_RUN = r"""
axe.run({ exclude: [['.katex-html']] }, { resultTypes: ['violations'] }).then(result => result.violations.map(violation => ({
  id: violation.id, impact: violation.impact, help: violation.help,
  nodes: violation.nodes.map(node => node.target.join(' ')) })))
"""

SEARCH = r"""
(async (word) => {
  const input = document.getElementById('searchBox');
  input.focus();
  input.value = word;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let tries = 0; tries < 60; tries++) {
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
        self.skipped = 0

    def check(self, condition, name, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        return condition

    def note(self, text):
        print(f"     {text}")

    def skip(self, name, why):
        """A check that cannot run on this build, and why."""
        self.skipped += 1
        print(f"skip {name}: {why}")


def pages_of(site):
    names = sorted(name for name in os.listdir(site) if name.endswith(".html"))
    return ["index.html"] + [name for name in names if name != "index.html"]


def check_accessibility(browser, where, axe, report):
    """axe-core in the four modes: no serious or critical violation."""
    for (width, height), kind in ((DESKTOP, "desktop"), (PHONE, "phone")):
        for dark in (False, True):
            browser.set_viewport(width, height)
            browser.set_color_scheme(dark)
            browser.pause(0.3)
            browser.evaluate(axe)
            violations = browser.evaluate(AXE_RUN, await_promise=True, timeout=180) or []
            bad = [v for v in violations if v["impact"] in ("serious", "critical")]
            mode = f"{kind} {'dark' if dark else 'light'}"
            report.check(not bad, f"{where}: axe finds nothing serious or critical ({mode})",
                         "; ".join(f"{v['id']} ({v['impact']}): {', '.join(v['nodes'][:4])}" for v in bad)[:900])
            for violation in violations:
                if violation not in bad:
                    report.note(f"axe {mode}: {violation['id']} ({violation['impact']}) on {len(violation['nodes'])} elements")
    browser.reset_emulation()


def check_phone_layout(browser, where, report):
    for (width, height), kind in ((DESKTOP, "desktop"), (PHONE, "phone")):
        browser.set_viewport(width, height)
        browser.pause(0.3)
        charts = browser.evaluate(CHART_TEXT) or []
        small = [chart for chart in charts if chart["smallest"] is not None and chart["smallest"] < SMALLEST_CHART_TEXT - 0.01]
        if charts:
            smallest = min((chart["smallest"] for chart in charts if chart["smallest"] is not None), default=None)
            report.check(not small, f"{where}: chart text at least {SMALLEST_CHART_TEXT} px ({kind}; smallest {smallest:.1f} px)",
                         "; ".join(f"{chart['name'][:40]}: {chart['smallest']:.1f} px at {chart['width']:.0f} px wide" for chart in small))
        covered = browser.evaluate(COVERED_CODE) or []
        report.check(not covered, f"{where}: no copy button covers code ({kind})", "; ".join(covered))
    browser.set_viewport(*PHONE)
    browser.pause(0.3)
    scrollers = browser.evaluate(SCROLLERS) or []
    unreachable = [block for block in scrollers if not (block["focusable"] and block["named"])]
    report.check(not unreachable, f"{where}: {len(scrollers)} blocks that scroll sideways on a phone are named and focusable",
                 "; ".join(block["what"] for block in unreachable))
    browser.reset_emulation()


LAYOUT_SHIFT = r"""
new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done(total), 300);
})
"""


def built_math(site, name):
    """Whether the build typeset the page's formulas (or it has none)."""
    with open(os.path.join(site, name), encoding="utf-8") as file:
        html = file.read()
    return 'class="math' not in html or 'class="katex' in html


def check_layout_shift(browser, server, site, name, report):
    """Cumulative layout shift of a first load on a desktop window, served as
    a web host serves it (fonts are fetched as cross-origin requests, which a
    page opened from file:// cannot preload)."""
    browser.set_viewport(*DESKTOP)
    browser.page("Network.enable")
    browser.page("Network.setCacheDisabled", cacheDisabled=True)
    browser.open(server.url + name)
    browser.pause(0.7)
    shift = browser.evaluate(LAYOUT_SHIFT, await_promise=True)
    what = f"{os.path.basename(site)}/{name}: layout shift while loading {shift:.4f}"
    if built_math(site, name):
        report.check(shift < 0.01, f"{what}, under 0.01")
    else:
        report.skip(what, "the build left the formulas as TeX, typeset after the first paint")
    browser.events = [event for event in browser.events if not event["method"].startswith("Network.")]
    browser.page("Network.disable")
    browser.reset_emulation()


def check_weight(browser, server, site, name, report):
    """A first visit: the page and everything it loads, as a host sends it."""
    sizes = browser.weigh(server.url + name)
    total = sum(size for _, size in sizes)
    raw = sum(os.path.getsize(os.path.join(site, unquote(urlparse(url).path).lstrip("/")))
              for url, _ in sizes if url.startswith(server.url) and os.path.isfile(os.path.join(site, unquote(urlparse(url).path).lstrip("/"))))
    heaviest = ", ".join(f"{url.rsplit('/', 1)[-1]} {size / 1000:.0f} KB" for url, size in sorted(sizes, key=lambda entry: -entry[1])[:4])
    what = f"{os.path.basename(site)}/{name}: first visit {total / 1000:.0f} KB sent ({raw / 1000:.0f} KB of files, {len(sizes)} requests)"
    if not built_math(site, name):
        # The page loads KaTeX's script to typeset its formulas.
        report.skip(f"{what}, KaTeX's script included", f"the build left the formulas as TeX; {heaviest}")
        return
    report.check(total < WEIGHT_BUDGET, f"{what}, under {WEIGHT_BUDGET // 1000} KB", heaviest)


def check_site(browser, site, lectures, report, screenshots, axe, failing=False):
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
        for error in page["buildErrors"]:
            located = re.match(r"(?:Error|\d+ errors)\s*\S+\.md:\d+:\d+: error: \S", error["text"])
            report.check(error["shown"] and error["width"] > 0 and error["height"] > 0 and located,
                         f"{where}: a build error is shown, with its file:line:col and message", error["text"][:300])
        if axe:
            check_accessibility(browser, where, axe, report)
        check_phone_layout(browser, where, report)
        if screenshots:
            stem = os.path.join(screenshots, f"{label}-{name[:-5]}")
            for (width, height), kind in ((DESKTOP, "desktop"), (PHONE, "phone")):
                for dark in (False, True):
                    browser.screenshot(f"{stem}-{kind}-{'dark' if dark else 'light'}.png", width, height, dark=dark)
        report.check(not browser.take_errors(), f"{where}: no console error in any mode")

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

    if failing:
        return  # what a reader does was checked on the sites that built cleanly
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

    server = Server(site)
    try:
        for name in ["index.html"] + sorted(chapters):
            check_weight(browser, server, site, name, report)
        for name in sorted(chapters):
            check_layout_shift(browser, server, site, name, report)
        # Leave the served pages before the server stops, so that nothing they
        # still fetch (a font the window needs after a resize) fails later.
        browser.open("about:blank")
        errors = browser.take_errors()
        report.check(not errors, f"{label}: served over HTTP, the pages log no error", "; ".join(errors)[:600])
    finally:
        server.stop()

    reader.check_reader(browser, site, sorted(chapters), report, SEARCH, lectures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screenshots", help="save PNGs of every page (desktop and phone, light and dark) here")
    parser.add_argument("--axe", help="axe-core's axe.min.js; without it the accessibility checks fail")
    parser.add_argument("--broken", action="append", metavar="SITE",
                        help="a site built with --keep-going from a course with a failing chapter (also give it as a SITE); its pages are checked, not what a reader does")
    parser.add_argument("sites", nargs="+", metavar="SITE[:LECTURES]")
    arguments = parser.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("error: no Chromium found (install the Debian package chromium)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    report = Report()
    for argument in arguments.broken or []:
        pages = [os.path.join(argument, name) for name in pages_of(os.path.abspath(argument))]
        shown = [page for page in pages if 'class="error build-error"' in open(page, encoding="utf-8").read()]
        report.check(bool(shown), f"{argument}: a build with --keep-going shows its failing chapter's errors")
    axe = None
    if arguments.axe and os.path.isfile(arguments.axe):
        with open(arguments.axe, encoding="utf-8") as file:
            axe = file.read()
    report.check(axe is not None, "axe-core is there to check accessibility", f"no file at {arguments.axe}")
    browser = Browser(chromium)
    try:
        for argument in arguments.sites:
            site, _, lectures = argument.partition(":")
            if not os.path.isfile(os.path.join(site, "index.html")):
                report.check(False, f"{site}: has an index.html")
                continue
            check_site(browser, site, lectures or None, report, arguments.screenshots, axe,
                       failing=site in (arguments.broken or []))
    finally:
        browser.quit()
    print(f"{report.passed} passed, {report.failed} failed, {report.skipped} skipped")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
