"""What a reader does on a built site, with real key presses and taps: the
contents drawer on a phone, the copy button, arrow keys and the skip link,
the colour switch, the list "On this page", folding, search, following a
cross-reference to its figure, and every page with JavaScript off.
"""

import json
import os
import re
import time

PHONE = (390, 844)
DESKTOP = (1280, 900)

RECT = r"""
((selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, left: box.left, top: box.top,
           right: box.right, bottom: box.bottom, width: box.width, height: box.height };
})(%s)
"""

DRAWER = r"""
(() => {
  const sidebar = document.getElementById('siteNav');
  const close = document.querySelector('.nav-close');
  const box = close.getBoundingClientRect();
  const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { open: document.getElementById('navToggle').checked,
           visibility: getComputedStyle(sidebar).visibility,
           width: sidebar.getBoundingClientRect().width,
           closeReachable: !!onTop && close.contains(onTop),
           focusInside: sidebar.contains(document.activeElement),
           focus: document.activeElement && (document.activeElement.id || document.activeElement.className) };
})()
"""


def rect(browser, selector):
    return browser.evaluate(RECT % json.dumps(selector))


def scroll_to(browser, selector):
    browser.evaluate(f"document.querySelector({json.dumps(selector)}).scrollIntoView({{block: 'center'}})")
    browser.pause(0.15)


def course_info(lectures):
    path = os.path.join(lectures, "course.json") if lectures else None
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    return {}


def first_cell_code(lectures, chapter):
    """The code of the first shown cell of a chapter, from its Markdown."""
    source = os.path.join(lectures, chapter[:-5] + ".md")
    with open(source, encoding="utf-8") as file:
        text = file.read()
    for match in re.finditer(r"^```swift([^\n]*)\n(.*?)^```", text, re.S | re.M):
        if "hide" not in match.group(1).split():
            return match.group(2).rstrip("\n")
    return None


def check_drawer(browser, site, chapter, report):
    where = f"{os.path.basename(site)}/{chapter}"
    browser.set_viewport(*PHONE)
    browser.open("file://" + os.path.join(site, chapter))
    state = browser.evaluate(DRAWER)
    report.check(not state["open"] and state["visibility"] == "hidden",
                 f"{where}: the closed drawer is hidden from sight, keys and screen readers", json.dumps(state))
    button = rect(browser, ".nav-button")

    def opened(how):
        browser.click(button["x"], button["y"])
        browser.pause(0.35)
        state = browser.evaluate(DRAWER)
        report.check(state["open"] and state["visibility"] == "visible" and state["closeReachable"],
                     f"{where}: the ☰ button opens the drawer, its close button in sight ({how})", json.dumps(state))
        return state

    state = opened("then Esc")
    report.check(state["focusInside"], f"{where}: opening the drawer moves focus into it", json.dumps(state))
    browser.key("Escape")
    browser.pause(0.35)
    state = browser.evaluate(DRAWER)
    report.check(not state["open"] and state["visibility"] == "hidden" and state["focus"] == "navToggle",
                 f"{where}: Esc closes the drawer and focus goes back to its button", json.dumps(state))

    state = opened("then a tap beside it")
    browser.click(PHONE[0] - 15, PHONE[1] // 2)
    browser.pause(0.35)
    state = browser.evaluate(DRAWER)
    report.check(not state["open"] and state["visibility"] == "hidden",
                 f"{where}: a tap beside the drawer closes it", json.dumps(state))

    opened("then its close button")
    close = rect(browser, ".nav-close")
    browser.click(close["x"], close["y"])
    browser.pause(0.35)
    state = browser.evaluate(DRAWER)
    report.check(not state["open"], f"{where}: the close button closes the drawer", json.dumps(state))

    heading = browser.evaluate("(() => { const a = document.querySelector('#siteNav .headings a'); return a && a.getAttribute('href'); })()")
    if heading:
        opened("then a heading link")
        link = rect(browser, f'#siteNav .headings a[href="{heading}"]')
        browser.click(link["x"], link["y"])
        browser.pause(0.5)
        state = browser.evaluate(DRAWER)
        top = browser.evaluate(f"document.getElementById({json.dumps(heading[1:])}).getBoundingClientRect().top")
        bar = rect(browser, ".topbar")
        report.check(not state["open"] and browser.evaluate("location.hash") == heading,
                     f"{where}: following a heading link closes the drawer", json.dumps(state))
        report.check(bar["bottom"] - 0.5 <= top <= bar["bottom"] + 40,
                     f"{where}: the heading reached is just below the top bar ({top:.0f} px, bar ends at {bar['bottom']:.0f})")
    browser.reset_emulation()


def check_copy(browser, site, lectures, chapter, report):
    where = f"{os.path.basename(site)}/{chapter}"
    expected = first_cell_code(lectures, chapter) if lectures else None
    browser.command("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
    browser.set_viewport(*DESKTOP)
    browser.open("file://" + os.path.join(site, chapter))
    if not browser.evaluate("!!document.querySelector('.cell .copy')"):
        report.check(expected is None, f"{where}: its cells have copy buttons")
        return
    scroll_to(browser, ".cell .copy")
    button = rect(browser, ".cell .copy")
    browser.click(button["x"], button["y"])
    browser.pause(0.3)
    copied = browser.evaluate("navigator.clipboard.readText()", await_promise=True)
    if expected is None:
        expected = browser.evaluate("document.querySelector('.cell pre.code code').textContent")
    report.check(copied == expected, f"{where}: the copy button copies the cell's code as written in the lecture",
                 f"copied {copied!r:.200}, expected {expected!r:.200}")
    label = browser.evaluate("document.querySelector('.cell .copy').textContent")
    report.check(label == "Copied", f"{where}: the copy button says it copied", label)
    browser.reset_emulation()


def check_keys(browser, site, chapters, report):
    label = os.path.basename(site)
    if len(chapters) < 2:
        return
    first, second = chapters[0], chapters[1]
    browser.set_viewport(*DESKTOP)
    browser.open("file://" + os.path.join(site, first))
    browser.key("Tab")
    focused = browser.evaluate("document.activeElement.className")
    report.check(focused == "skip-link", f"{label}/{first}: the first Tab reaches the skip link", focused)
    browser.key("Enter")
    browser.pause(0.2)
    focused = browser.evaluate("document.activeElement.id")
    report.check(focused == "mainContent", f"{label}/{first}: the skip link moves focus to the text", focused)

    browser.evaluate("document.getElementById('searchBox').focus()")
    browser.key("ArrowRight")
    browser.pause(0.3)
    report.check(browser.evaluate("location.pathname").endswith("/" + first),
                 f"{label}/{first}: → while typing in the search box stays on the page")
    browser.evaluate("document.activeElement.blur()")
    browser.events = [event for event in browser.events if event["method"] != "Page.loadEventFired"]
    browser.key("ArrowRight")
    browser.wait_for("Page.loadEventFired")
    report.check(browser.evaluate("location.pathname").endswith("/" + second),
                 f"{label}/{first}: → goes to the next chapter")
    browser.key("ArrowLeft")
    browser.wait_for("Page.loadEventFired")
    report.check(browser.evaluate("location.pathname").endswith("/" + first),
                 f"{label}/{second}: ← goes to the previous chapter")
    browser.reset_emulation()


def check_colours(browser, site, chapter, report):
    where = f"{os.path.basename(site)}/{chapter}"
    background = "getComputedStyle(document.body).backgroundColor"
    browser.open("file://" + os.path.join(site, chapter))
    browser.evaluate("localStorage.removeItem('lecture-theme')")
    browser.set_color_scheme(True)
    browser.open("file://" + os.path.join(site, chapter))
    system_dark = browser.evaluate(background)
    browser.set_color_scheme(False)
    browser.pause(0.1)
    system_light = browser.evaluate(background)
    report.check(system_dark != system_light, f"{where}: colours follow the system ({system_light} light, {system_dark} dark)")
    browser.evaluate("document.getElementById('themeSwitch').click()")  # auto -> light
    browser.evaluate("document.getElementById('themeSwitch').click()")  # light -> dark
    browser.open("file://" + os.path.join(site, chapter))
    chosen = browser.evaluate(background)
    name = browser.evaluate("document.getElementById('themeName').textContent")
    report.check(chosen == system_dark and name == "dark",
                 f"{where}: dark chosen on a light system holds after a reload", f"{chosen}, switch says {name}")
    browser.set_color_scheme(True)
    browser.evaluate("document.getElementById('themeSwitch').click()")  # dark -> auto
    browser.evaluate("document.getElementById('themeSwitch').click()")  # auto -> light
    browser.pause(0.1)
    report.check(browser.evaluate(background) == system_light, f"{where}: light chosen on a dark system is light")
    browser.evaluate("localStorage.removeItem('lecture-theme')")
    browser.reset_emulation()


def check_on_this_page(browser, site, chapter, report):
    where = f"{os.path.basename(site)}/{chapter}"
    browser.set_viewport(*DESKTOP)
    browser.open("file://" + os.path.join(site, chapter))
    ids = browser.evaluate("[...document.querySelectorAll('article h2[id]')].map(h => h.id)")
    if len(ids) < 3:
        browser.reset_emulation()
        return
    shown = rect(browser, ".on-this-page")
    report.check(shown and shown["width"] > 100 and shown["left"] > rect(browser, "article")["right"],
                 f"{where}: 'On this page' stands beside the text at {DESKTOP[0]} px", json.dumps(shown))
    target = ids[len(ids) // 2]
    browser.evaluate(f"window.scrollTo(0, document.getElementById({json.dumps(target)}).getBoundingClientRect().top + scrollY - 10)")
    browser.pause(0.3)
    current = browser.evaluate("[...document.querySelectorAll('.on-this-page a[aria-current]')].map(a => a.getAttribute('href'))")
    report.check(current == ["#" + target], f"{where}: 'On this page' marks the heading scrolled to", json.dumps(current))
    browser.reset_emulation()


def check_folding(browser, site, chapters, report):
    label = os.path.basename(site)
    for chapter in chapters:
        browser.open("file://" + os.path.join(site, chapter))
        fold = browser.evaluate("(() => { const b = document.querySelector('.fold'); return b && b.getAttribute('aria-controls'); })()")
        if not fold:
            continue
        selector = "#" + fold
        lines = browser.evaluate(f"document.querySelector({json.dumps(selector)}).textContent.split('\\n').length")
        folded = browser.evaluate(f"document.querySelector({json.dumps(selector)}).getBoundingClientRect().height")
        scroll_to(browser, f'.fold[aria-controls="{fold}"]')
        button = rect(browser, f'.fold[aria-controls="{fold}"]')
        browser.click(button["x"], button["y"])
        browser.pause(0.2)
        unfolded = browser.evaluate(f"document.querySelector({json.dumps(selector)}).getBoundingClientRect().height")
        expanded = browser.evaluate(f"document.querySelector('.fold[aria-controls=\"{fold}\"]').getAttribute('aria-expanded')")
        report.check(unfolded > folded * 1.2 and expanded == "true",
                     f"{label}/{chapter}: a block of {lines} lines folds ({folded:.0f} px) and unfolds ({unfolded:.0f} px)")
        return
    report.check(False, f"{label}: some long block folds", "no fold button on any chapter")


def check_search(browser, site, search, report):
    label = os.path.basename(site)
    index = "file://" + os.path.join(site, "index.html")
    browser.set_viewport(*DESKTOP)
    browser.open(index)
    results = browser.evaluate(search % repr("sigmiod"), await_promise=True) or []
    pages = browser.evaluate("[...document.querySelectorAll('#searchResults .result-chapter')].map(s => s.textContent)")
    status = browser.evaluate("document.getElementById('searchStatus').textContent")
    report.check(bool(results), f"{label}: search finds 'sigmiod' (one letter swapped)", f"results: {results[:3]}")
    if results:
        with open(os.path.join(site, results[0].split("#")[0]), encoding="utf-8") as file:
            report.check("sigmoid" in file.read().lower(), f"{label}: the first result for 'sigmiod' is a page about the sigmoid")
    report.check(status == f"{len(results)} result{'s' if len(results) != 1 else ''}",
                 f"{label}: search says how many results it lists ('{status}', {len(results)} listed)")
    snippet = browser.evaluate("(() => { const m = document.querySelector('#searchResults .result-snippet mark'); return m && m.textContent; })()")
    report.check(snippet and snippet.lower() == "sigmoid", f"{label}: results quote the section with the match marked", repr(snippet))

    browser.key("ArrowDown")
    first = browser.evaluate("document.activeElement === document.querySelector('#searchResults a')")
    browser.key("ArrowDown")
    second = browser.evaluate("document.activeElement === document.querySelectorAll('#searchResults a')[1]")
    browser.key("ArrowUp")
    browser.key("ArrowUp")
    back = browser.evaluate("document.activeElement.id")
    report.check(first and (second or len(results) < 2) and back == "searchBox",
                 f"{label}: ↓ and ↑ move through the results and back to the box", f"{first}, {second}, {back}")
    browser.key("Escape")
    report.check(browser.evaluate("document.getElementById('searchResults').hidden && !document.getElementById('searchBox').value"),
                 f"{label}: Esc clears the search")

    browser.open(index)
    browser.evaluate(search % repr("backprop"), await_promise=True)
    chapter = browser.evaluate("(document.querySelector('#searchResults .result-chapter') || {}).textContent")
    report.check(bool(chapter) and re.search(r"\bbackprop", chapter.lower()) is not None,
                 f"{label}: 'backprop' lists the chapter titled with it first", repr(chapter))
    browser.open(index)
    browser.evaluate(search % repr("xqzv"), await_promise=True)
    browser.pause(0.3)
    status = browser.evaluate("document.getElementById('searchStatus').textContent")
    report.check(status == "Nothing found", f"{label}: a search for nothing says so", status)
    browser.reset_emulation()


def check_without_scripts(browser, site, chapters, report):
    label = os.path.basename(site)
    browser.set_scripts(False)
    try:
        browser.set_viewport(*PHONE)
        browser.open("file://" + os.path.join(site, chapters[0]))
        closed = browser.select("#siteNav", style="visibility")
        browser.click(*browser.center(".nav-button"))
        time.sleep(0.4)
        opened = browser.select("#siteNav", style="visibility")
        browser.click(PHONE[0] - 15, PHONE[1] // 2)
        time.sleep(0.4)
        again = browser.select("#siteNav", style="visibility")
        report.check(closed == ["hidden"] and opened == ["visible"] and again == ["hidden"],
                     f"{label}/{chapters[0]}: without JavaScript ☰ opens the drawer and a tap beside it closes it",
                     f"{closed} {opened} {again}")
        browser.reset_emulation()
        for chapter in chapters:
            browser.open("file://" + os.path.join(site, chapter))
            math = browser.select(".math")
            typeset = browser.select(".math .katex")
            message = browser.select(".search-off", style="display")
            box = browser.select("#searchBox", style="display")
            report.check(message and message[0] != "none" and box == ["none"],
                         f"{label}/{chapter}: without JavaScript the search box says it needs it", f"{message} {box}")
            if typeset == 0 and math > 0:
                report.skip(f"{label}/{chapter}: without JavaScript every formula is typeset", f"the build left {math} formulas as TeX")
            else:
                report.check(typeset == math, f"{label}/{chapter}: without JavaScript every formula is typeset ({typeset} of {math})")
    finally:
        browser.set_scripts(True)


def check_source_links(browser, site, lectures, chapters, report):
    label = os.path.basename(site)
    repository = course_info(lectures).get("repository")
    for chapter in chapters:
        browser.open("file://" + os.path.join(site, chapter))
        href = browser.evaluate("(document.querySelector('.view-source a') || {href: null}).href")
        if repository:
            expected = repository.rstrip("/") + "/" + chapter[:-5] + ".md"
            report.check(href == expected, f"{label}/{chapter}: links to its source in the repository", f"{href} != {expected}")
        else:
            report.check(href is None, f"{label}/{chapter}: no source link without a repository in course.json", href)


def check_not_found(browser, site, report):
    label = os.path.basename(site)
    path = os.path.join(site, "404.html")
    if not report.check(os.path.isfile(path), f"{label}: has a 404.html"):
        return
    browser.open("file://" + path)
    home = browser.evaluate("[...document.querySelectorAll('main a')].some(a => a.getAttribute('href') === 'index.html')")
    report.check(home, f"{label}/404.html: leads back to the course")


XREF_TARGET = r"""
(() => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return null;
  const caption = target.querySelector('figcaption, caption');
  const box = target.getBoundingClientRect();
  const bar = document.querySelector('.topbar');
  return { kind: target.tagName.toLowerCase() + '.' + target.className, caption: caption ? caption.textContent : null,
           top: box.top, barBottom: bar ? bar.getBoundingClientRect().bottom : 0, viewport: innerHeight };
})()
"""


def check_cross_references(browser, site, chapters, report):
    """Clicks every cross-reference of the course: it must lead to a figure or
    table whose caption starts with the name the link reads, scrolled into
    view below the top bar."""
    label = os.path.basename(site)
    browser.set_viewport(*DESKTOP)
    followed = 0
    for chapter in chapters:
        page = "file://" + os.path.join(site, chapter)
        browser.open(page)
        count = browser.evaluate("document.querySelectorAll('a.xref').length")
        for index in range(count):
            browser.open(page)
            text = browser.evaluate(f"document.querySelectorAll('a.xref')[{index}].textContent")
            href = browser.evaluate(f"document.querySelectorAll('a.xref')[{index}].getAttribute('href')")
            browser.evaluate(f"document.querySelectorAll('a.xref')[{index}].scrollIntoView({{block: 'center'}})")
            browser.pause(0.1)
            # The first box of the link: one that wraps has two.
            link = browser.evaluate(f"""(() => {{ const b = document.querySelectorAll('a.xref')[{index}].getClientRects()[0];
                return {{ x: b.left + b.width / 2, y: b.top + b.height / 2 }}; }})()""")
            browser.events = [event for event in browser.events if event["method"] != "Page.loadEventFired"]
            browser.click(link["x"], link["y"])
            if not href.startswith("#"):
                browser.wait_for("Page.loadEventFired")
            browser.pause(0.4)
            target = browser.evaluate(XREF_TARGET)
            name = text.split(" of ")[0]
            report.check(target is not None and target["kind"].split(".")[0] in ("figure", "div") and "out" in target["kind"]
                         and (target["caption"] or "").startswith(name)
                         and target["barBottom"] - 1 <= target["top"] < target["viewport"],
                         f"{label}/{chapter}: the cross-reference '{text}' ({href}) leads to its {name.split()[0].lower()}, in view",
                         json.dumps(target))
            followed += 1
    report.check(followed > 0, f"{label}: a cross-reference resolves to its figure", "no a.xref on any chapter")


def check_reader(browser, site, chapters, report, search, lectures=None):
    if not chapters:
        return
    check_drawer(browser, site, chapters[0], report)
    check_copy(browser, site, lectures, chapters[0], report)
    check_keys(browser, site, chapters, report)
    check_colours(browser, site, chapters[0], report)
    check_on_this_page(browser, site, chapters[0], report)
    check_folding(browser, site, chapters, report)
    check_search(browser, site, search, report)
    check_cross_references(browser, site, chapters, report)
    check_without_scripts(browser, site, chapters, report)
    check_source_links(browser, site, lectures, chapters, report)
    check_not_found(browser, site, report)
    errors = browser.take_errors()
    report.check(not errors, f"{os.path.basename(site)}: what the reader did logged no error", "; ".join(errors)[:600])
