// The search box, loaded by site.js the first time the box is used, with the
// index (search-index.js sets window.LECTURE_SEARCH_INDEX: for each chapter
// its title `t`, page `u` and sections `s`, each with its heading `t`, anchor
// `a` and text `x`).
//
// A section is found when each word of the query is one of its words (or of
// its chapter's title), the start of one, or one edit away from one (a letter
// added, dropped, changed, or two neighbours swapped) for words of four letters
// or more. Sections whose heading holds the words come first, then those whose
// chapter's title does; then exact words before starts before near misses.
(function () {
  'use strict';

  var wordPattern = /[\p{L}\p{N}]+/gu;

  function words(text) {
    return text.toLowerCase().match(wordPattern) || [];
  }

  // Optimal string alignment distance, but only whether it is at most one.
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // one changed
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one dropped or added
  }

  var EXACT = 3, PREFIX = 2, NEAR = 1;

  function prepare(index) {
    var sections = [];
    var vocabulary = new Set();
    (index.pages || []).forEach(function (page, pageNumber) {
      var chapterWords = new Set(words(page.t));
      page.s.forEach(function (section, sectionNumber) {
        var text = section.x || '';
        var counts = new Map();
        words(text).forEach(function (word) { counts.set(word, (counts.get(word) || 0) + 1); vocabulary.add(word); });
        chapterWords.forEach(function (word) { vocabulary.add(word); });
        sections.push({
          chapter: page.t,
          title: section.t,
          url: page.u + (section.a ? '#' + section.a : ''),
          text: text,
          counts: counts,
          titleWords: new Set(words(section.t)),
          chapterWords: chapterWords,
          order: pageNumber * 10000 + sectionNumber
        });
      });
    });
    return { sections: sections, vocabulary: Array.from(vocabulary) };
  }

  // The words of the index a query word stands for, each with how well.
  function expand(prepared, term) {
    var found = new Map();
    prepared.vocabulary.forEach(function (word) {
      if (word === term) found.set(word, EXACT);
      else if (term.length >= 2 && word.startsWith(term)) found.set(word, PREFIX);
      else if (term.length >= 4 && withinOneEdit(word, term)) found.set(word, NEAR);
    });
    return found;
  }

  function search(prepared, query) {
    var terms = Array.from(new Set(words(query)));
    if (terms.length === 0) return [];
    var expansions = terms.map(function (term) { return expand(prepared, term); });
    var results = [];
    prepared.sections.forEach(function (section) {
      var score = 0, titleScore = 0, matched = [];
      for (var t = 0; t < terms.length; t++) {
        var best = 0, bestTitle = 0, count = 0;
        expansions[t].forEach(function (quality, word) {
          var inBody = section.counts.get(word) || 0;
          var inTitle = section.titleWords.has(word) ? 2 : section.chapterWords.has(word) ? 1 : 0;
          if (!inBody && !inTitle) return;
          if (quality > best) best = quality;
          if (inTitle > bestTitle) bestTitle = inTitle;
          count += inBody;
          matched.push(word);
        });
        if (!best) return;
        score += best + Math.min(count, 8) / 8;
        titleScore += bestTitle;
      }
      results.push({ section: section, score: score, titleScore: titleScore, words: matched });
    });
    results.sort(function (a, b) {
      return b.titleScore - a.titleScore || b.score - a.score || a.section.order - b.section.order;
    });
    return results;
  }

  // About 120 characters of the section's text around the first place that
  // holds a matched word, the matched words marked.
  function snippet(result) {
    var text = result.section.text;
    var matched = new Set(result.words);
    var hits = [];
    var match;
    wordPattern.lastIndex = 0;
    while ((match = wordPattern.exec(text)) !== null) {
      if (matched.has(match[0].toLowerCase())) hits.push([match.index, match.index + match[0].length]);
    }
    if (hits.length === 0) return null;
    var start = Math.max(0, hits[0][0] - 40);
    var end = Math.min(text.length, start + 120);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(' ', end) > hits[0][1] ? text.lastIndexOf(' ', end) : end;
    var fragment = document.createDocumentFragment();
    var at = start;
    if (start > 0) fragment.appendChild(document.createTextNode('… '));
    hits.forEach(function (hit) {
      if (hit[0] < at || hit[1] > end) return;
      fragment.appendChild(document.createTextNode(text.slice(at, hit[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(hit[0], hit[1]);
      fragment.appendChild(mark);
      at = hit[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? ' …' : '')));
    return fragment;
  }

  window.LectureSearch = { prepare: prepare, search: search, withinOneEdit: withinOneEdit };

  var input = document.getElementById('searchBox');
  var list = document.getElementById('searchResults');
  var status = document.getElementById('searchStatus');
  if (!input || !list || !status) return;
  var prepared = null;

  function show(query) {
    list.textContent = '';
    if (!query.trim()) {
      list.hidden = true;
      status.hidden = true;
      status.textContent = '';
      return;
    }
    var results = search(prepared, query);
    status.hidden = false;
    status.textContent = results.length === 0 ? 'Nothing found'
      : results.length === 1 ? '1 result' : results.length + ' results';
    results.forEach(function (result) {
      var section = result.section;
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
      var text = snippet(result);
      if (text) {
        var quote = document.createElement('span');
        quote.className = 'result-snippet';
        quote.appendChild(text);
        link.appendChild(quote);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  input.addEventListener('input', function () { if (prepared) show(input.value); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      var first = links()[0];
      if (first) window.location.href = first.href;
    } else if (event.key === 'ArrowDown') {
      var top = links()[0];
      if (top) { event.preventDefault(); top.focus(); }
    } else if (event.key === 'Escape' && input.value) {
      event.preventDefault();
      input.value = '';
      show('');
    }
  });
  list.addEventListener('keydown', function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      var next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });

  var script = document.createElement('script');
  script.src = 'search-index.js';
  script.onload = function () {
    prepared = prepare(window.LECTURE_SEARCH_INDEX || { pages: [] });
    window.LectureSearch.ready = true;
    show(input.value);
  };
  document.head.appendChild(script);
})();
