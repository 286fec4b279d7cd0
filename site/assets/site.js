// What the pages do with scripts on; without them every page still reads,
// navigates and shows its formulas (typeset when the site was built).
// Loaded with `defer`: the page is parsed when this runs.
(function () {
  'use strict';

  var announcer = document.getElementById('Announcer');
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = '';
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function isTyping(element) {
    return !!element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable);
  }

  // Colours: as the system says, light or dark, remembered in localStorage
  // under 'lecture-theme'. dark.css is linked with a media query that the
  // choice replaces; the script at the top of the page applies a stored
  // choice before the first paint.
  var themes = ['auto', 'light', 'dark'];
  var themeNames = { auto: 'as the system', light: 'light', dark: 'dark' };
  function storedTheme() {
    try { return localStorage.getItem('lecture-theme') || 'auto'; } catch (error) { return 'auto'; }
  }
  function applyTheme(theme) {
    var dark = document.getElementById('darkStyle');
    if (dark) dark.media = theme === 'dark' ? 'all' : theme === 'light' ? 'not all' : '(prefers-color-scheme: dark)';
    if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    var name = document.getElementById('themeName');
    if (name) name.textContent = themeNames[theme];
  }
  var themeSwitch = document.getElementById('themeSwitch');
  if (themeSwitch) {
    applyTheme(storedTheme());
    themeSwitch.hidden = false;
    themeSwitch.addEventListener('click', function () {
      var next = themes[(themes.indexOf(storedTheme()) + 1) % themes.length];
      try { localStorage.setItem('lecture-theme', next); } catch (error) { /* not remembered */ }
      applyTheme(next);
      announce('Colours: ' + themeNames[next]);
    });
  }

  // Heading links: a named link after each section heading that has none.
  document.querySelectorAll('article h2[id], article h3[id], article h4[id]').forEach(function (heading) {
    if (heading.querySelector('a.anchor')) return;
    var anchor = document.createElement('a');
    anchor.className = 'anchor';
    anchor.href = '#' + heading.id;
    anchor.textContent = '#';
    anchor.setAttribute('aria-label', 'Link to this section: ' + heading.textContent.trim());
    heading.appendChild(anchor);
  });

  // Task list boxes are read as what they mark.
  document.querySelectorAll('main li > input[type="checkbox"]').forEach(function (box) {
    if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', box.checked ? 'done' : 'to do');
  });

  // Charts keep their drawn width on phones (style.css), from the viewBox.
  document.querySelectorAll('.out.chart > svg, .out.diagram > svg').forEach(function (svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width > 0) svg.style.setProperty('--natural-width', box.width + 'px');
  });

  // Blocks wider than the text: focusable, named, the hidden side faded.
  var scrollKinds = [
    ['pre.code', 'Code'], ['pre.printed', 'Printed output'], ['.error pre', 'Error'],
    ['.table-wrap', 'Table'], ['.out.table', 'Table'], ['.math.display', 'Formula'],
    ['.out.chart', 'Chart'], ['.out.diagram', 'Diagram']
  ];
  var scrollers = [];
  scrollKinds.forEach(function (kind) {
    var number = 0;
    document.querySelectorAll('main ' + kind[0]).forEach(function (element) {
      if (scrollers.some(function (entry) { return entry.element === element; })) return;
      scrollers.push({ element: element, name: kind[1] + ' ' + (++number) });
      element.addEventListener('scroll', function () { markScroller(element); }, { passive: true });
    });
  });
  function markScroller(element) {
    var more = element.scrollWidth - element.clientWidth > 1;
    var left = more && element.scrollLeft > 1;
    var right = more && element.scrollLeft < element.scrollWidth - element.clientWidth - 1;
    element.setAttribute('data-more', (left ? 'left ' : '') + (right ? 'right' : ''));
    return more;
  }
  function updateScrollers() {
    scrollers.forEach(function (entry) {
      var element = entry.element;
      var caption = element.querySelector(':scope > figcaption');
      if (caption) {
        var below = element.getBoundingClientRect().bottom - caption.getBoundingClientRect().top;
        element.style.setProperty('--caption-height', Math.ceil(below + 2) + 'px');
      }
      if (markScroller(element)) {
        if (!element.classList.contains('scrolls')) {
          element.classList.add('scrolls');
          entry.ownTabIndex = element.getAttribute('tabindex');
          element.tabIndex = 0;
          if (!element.hasAttribute('role')) element.setAttribute('role', 'region');
          element.setAttribute('aria-label', entry.name + ', scrolls sideways');
        }
      } else if (element.classList.contains('scrolls')) {
        element.classList.remove('scrolls');
        if (entry.ownTabIndex === null) element.removeAttribute('tabindex');
        element.removeAttribute('data-more');
        if (element.getAttribute('role') === 'region') element.removeAttribute('role');
        element.removeAttribute('aria-label');
      }
    });
  }

  // Code: a copy button on every block of code.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand('copy');
      area.remove();
      if (copied) resolve(); else reject(new Error('copy refused'));
    });
  }
  document.querySelectorAll('main pre.code').forEach(function (pre) {
    var wrap = document.createElement('div');
    wrap.className = 'code-wrap';
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy the code');
    button.addEventListener('click', function () {
      var code = pre.querySelector('code') || pre;
      copyText(code.textContent).then(function () {
        button.textContent = 'Copied';
        announce('Code copied');
      }, function () {
        button.textContent = 'Select and copy';
        announce('The browser did not allow copying');
      });
      setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    });
    wrap.appendChild(button);
  });

  // Long code and long printed text fold to their first lines.
  var foldLines = 24;
  var foldCount = 0;
  document.querySelectorAll('main pre.code, main pre.printed').forEach(function (pre) {
    var lines = pre.textContent.split('\n').length;
    if (lines <= foldLines + 6) return;
    if (!pre.id) pre.id = 'Fold' + (++foldCount);
    pre.style.setProperty('--fold-lines', foldLines);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'fold';
    button.setAttribute('aria-controls', pre.id);
    function set(folded) {
      pre.classList.toggle('folded', folded);
      button.setAttribute('aria-expanded', String(!folded));
      button.textContent = folded ? 'Show all ' + lines + ' lines' : 'Show the first ' + foldLines + ' lines only';
      updateScrollers();
    }
    button.addEventListener('click', function () {
      var folding = !pre.classList.contains('folded');
      set(folding);
      if (folding && pre.getBoundingClientRect().top < 0) pre.scrollIntoView();
    });
    var after = pre.parentNode.classList.contains('code-wrap') ? pre.parentNode : pre;
    after.parentNode.insertBefore(button, after.nextSibling);
    set(true);
  });

  updateScrollers();
  if (window.ResizeObserver) new ResizeObserver(updateScrollers).observe(document.body);
  else window.addEventListener('resize', updateScrollers);

  // The contents drawer (phones): a checkbox holds its state, so that it
  // works without scripts; here Esc and the close button close it, a link
  // followed inside it closes it, and focus moves in and back out.
  var toggle = document.getElementById('navToggle');
  var sidebar = document.getElementById('siteNav');
  var closeButton = document.querySelector('.nav-close');
  function setDrawer(open, returnFocus) {
    if (!toggle || toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event('change'));
    if (!open && returnFocus) toggle.focus();
  }
  if (toggle && sidebar) {
    toggle.addEventListener('change', function () {
      if (toggle.checked && getComputedStyle(sidebar).position === 'fixed') {
        // After the style change makes the drawer visible.
        requestAnimationFrame(function () { (closeButton || sidebar).focus(); });
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && toggle.checked && !event.defaultPrevented) {
        setDrawer(false, true);
        event.preventDefault();
      }
    });
    if (closeButton) {
      closeButton.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          setDrawer(false, true);
        }
      });
      closeButton.addEventListener('click', function (event) {
        event.preventDefault();
        setDrawer(false, event.detail === 0);
      });
    }
    document.querySelectorAll('.nav-backdrop').forEach(function (backdrop) {
      backdrop.addEventListener('click', function (event) {
        event.preventDefault();
        setDrawer(false, false);
      });
    });
    sidebar.addEventListener('click', function (event) {
      if (event.target.closest('a')) setDrawer(false, false);
    });
  }

  // On this page: the heading being read is marked in the lists of headings.
  var headingLinks = document.querySelectorAll('.on-this-page a, .sidebar .headings a');
  var headings = [];
  document.querySelectorAll('article h2[id], article h3[id]').forEach(function (heading) { headings.push(heading); });
  var marked = null;
  function markCurrentHeading() {
    var line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    var current = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= line + 24) current = headings[i]; else break;
    }
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2 && headings.length) {
      current = headings[headings.length - 1];
    }
    var id = current ? current.id : null;
    if (id === marked) return;
    marked = id;
    headingLinks.forEach(function (link) {
      if (id && link.getAttribute('href') === '#' + id) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    });
  }
  if (headings.length && headingLinks.length) {
    var scheduled = false;
    window.addEventListener('scroll', function () {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(function () { scheduled = false; markCurrentHeading(); });
    }, { passive: true });
    markCurrentHeading();
  }

  // Keys: left and right arrows for the previous and next chapter, '/' for
  // the search box; never while typing, with a modifier, or inside a block
  // that scrolls sideways (where the arrows scroll it).
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var active = document.activeElement;
    if (isTyping(active)) return;
    if (event.key === '/') {
      var box = document.getElementById('searchBox');
      if (!box) return;
      event.preventDefault();
      if (sidebar && getComputedStyle(sidebar).position === 'fixed') setDrawer(true, false);
      box.focus();
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (active && active.closest && active.closest('.scrolls')) return;
    if (toggle && toggle.checked) return;
    var link = document.querySelector(event.key === 'ArrowLeft' ? '.pager a[rel="prev"]' : '.pager a[rel="next"]');
    if (link) {
      event.preventDefault();
      window.location.href = link.href;
    }
  });

  // Search: search.js and the index (search-index.js, a script since pages
  // opened from file:// may load scripts but not fetch JSON) load the first
  // time the search box is used.
  var input = document.getElementById('searchBox');
  var searchLoading = false;
  function loadSearch() {
    if (searchLoading) return;
    searchLoading = true;
    var own = document.querySelector('script[src$="site.js"]');
    var base = own ? own.getAttribute('src').replace(/site\.js$/, '') : 'assets/';
    var script = document.createElement('script');
    script.src = base + 'search.js';
    document.head.appendChild(script);
  }
  if (input) {
    input.addEventListener('focus', loadSearch);
    input.addEventListener('input', loadSearch);
  }

  // Formulas the build left as TeX (a build without KaTeX) are typeset here.
  var untypeset = [].filter.call(document.querySelectorAll('.math'), function (element) {
    return !element.querySelector('.katex');
  });
  if (untypeset.length) {
    var katexScript = document.createElement('script');
    katexScript.src = (document.querySelector('script[src$="site.js"]').getAttribute('src').replace(/site\.js$/, '')) + 'katex/katex.min.js';
    katexScript.onload = function () {
      untypeset.forEach(function (element) {
        var tex = element.textContent;
        try {
          window.katex.render(tex, element, { displayMode: element.classList.contains('display'), throwOnError: true });
        } catch (error) {
          element.textContent = tex;
          element.classList.add('katex-error');
          element.title = String(error && error.message || error);
          console.error('KaTeX cannot typeset ' + JSON.stringify(tex) + ': ' + element.title);
        }
      });
      updateScrollers();
      markCurrentHeading();
    };
    document.head.appendChild(katexScript);
  }
})();
