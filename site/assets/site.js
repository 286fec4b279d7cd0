// Typesets the page's formulas with KaTeX and runs the search box.
// Loaded with `defer` after KaTeX, so the page is parsed and KaTeX is ready.
(function () {
  'use strict';

  // Math: every .math element holds TeX as text; .display ones are set apart.
  // A formula KaTeX cannot read (an unknown command, a missing brace) stays as
  // TeX, marked .katex-error, and is reported on the console.
  function typeset() {
    if (!window.katex) return;
    var elements = document.querySelectorAll('.math');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var tex = element.textContent;
      try {
        window.katex.render(tex, element, {
          displayMode: element.classList.contains('display'),
          throwOnError: true
        });
      } catch (error) {
        element.textContent = tex;
        element.classList.add('katex-error');
        element.title = String(error && error.message || error);
        console.error('KaTeX cannot typeset ' + JSON.stringify(tex) + ': ' + element.title);
      }
    }
  }

  // Search: the index is a script (search-index.js) that sets a global, since
  // pages opened from file:// may load scripts but not fetch JSON. It is loaded
  // the first time the search box is used.
  var input = document.getElementById('searchBox');
  var list = document.getElementById('searchResults');
  var pending = [];
  var prepared = null;

  function withIndex(then) {
    if (prepared) return then(prepared);
    pending.push(then);
    if (pending.length > 1) return;
    var script = document.createElement('script');
    script.src = 'search-index.js';
    script.onload = function () {
      prepared = prepare(window.LECTURE_SEARCH_INDEX || { pages: [] });
      pending.splice(0).forEach(function (callback) { callback(prepared); });
    };
    document.head.appendChild(script);
  }

  function prepare(index) {
    var sections = [];
    index.pages.forEach(function (page, pageNumber) {
      page.s.forEach(function (section, sectionNumber) {
        var words = section.w ? section.w.split(' ') : [];
        sections.push({
          chapter: page.t,
          title: section.t,
          url: page.u + (section.a ? '#' + section.a : ''),
          words: words,
          set: new Set(words),
          titleWords: new Set(split(section.t)),
          order: pageNumber * 10000 + sectionNumber
        });
      });
    });
    return sections;
  }

  function split(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }

  // A section matches when every term is one of its words, or the start of one.
  function search(sections, query) {
    var terms = split(query);
    if (terms.length === 0) return [];
    var found = [];
    sections.forEach(function (section) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        if (section.set.has(term)) {
          score += 3;
        } else if (section.words.some(function (word) { return word.startsWith(term); })) {
          score += 1;
        } else {
          return;
        }
        if (section.titleWords.has(term)) score += 2;
      }
      found.push({ section: section, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.section.order - b.section.order; });
    return found.slice(0, 12).map(function (result) { return result.section; });
  }

  function show(results, query) {
    list.textContent = '';
    if (!query.trim()) { list.hidden = true; return; }
    if (results.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'Nothing found';
      list.appendChild(none);
    }
    results.forEach(function (section) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = section.url;
      var chapter = document.createElement('span');
      chapter.className = 'result-chapter';
      chapter.textContent = section.chapter;
      link.appendChild(chapter);
      if (section.title !== section.chapter) {
        var title = document.createElement('span');
        title.className = 'result-section';
        title.textContent = section.title;
        link.appendChild(title);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  function update() {
    var query = input.value;
    withIndex(function (sections) {
      if (input.value === query) show(search(sections, query), query);
    });
  }

  if (input && list) {
    input.addEventListener('focus', function () { withIndex(function () {}); });
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) window.location.href = first.href;
      } else if (event.key === 'Escape') {
        input.value = '';
        show([], '');
      }
    });
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (event.key === '/' && !typing) {
        event.preventDefault();
        document.getElementById('navToggle').checked = true;
        input.focus();
      }
    });
  }

  // Following a heading link on a phone closes the contents drawer.
  var toggle = document.getElementById('navToggle');
  document.querySelectorAll('.sidebar a').forEach(function (link) {
    link.addEventListener('click', function () { if (toggle) toggle.checked = false; });
  });

  typeset();
})();
