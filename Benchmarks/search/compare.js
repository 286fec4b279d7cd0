// The site's hand-written search against Debian's lunr (libjs-lunr), on one
// built site: the bytes a browser loads, the time to build and load each
// index, and the top results of ten queries a reader of the course types.
//
//   node compare.js SITE [LUNR_JS]
//
// SITE is a folder written by `lecture build`; LUNR_JS defaults to Debian's
// /usr/share/javascript/lunr/lunr.js. Prints Markdown tables on stdout.
//
// Both engines search the same sections, those of SITE/search-index.js. Ours
// is the site's own assets/search.js, evaluated with a document that has no
// search box, so that it only defines window.LectureSearch (prepare, search).
// Lunr indexes each section as {ref: page#anchor, title: heading, text}, with
// its default pipeline (trimmer, English stop words, Porter stemmer) and no
// field boosts (SEARCH_TITLE_BOOST=10 boosts the heading), and is queried in
// two ways:
//   - as typed: the query string given to idx.search, except that a typo
//     needs lunr's fuzzy syntax written out (`sigmiod~1`): lunr matches
//     neither misspellings nor word beginnings unless the query asks for them;
//   - rewritten: each word w of the query becomes `w w*`, and `w w* w~1` when
//     it has four letters or more, which is what a search box built on lunr
//     would have to send to find what ours finds (exact words, beginnings,
//     one edit).
// Lunr's index holds no text, so to show a section's heading and a snippet
// the browser needs the documents too: they are exactly search-index.js.
//
// Times are medians of REPS runs (environment SEARCH_REPS, default 21) in
// this Node process (V8, as in Chromium); the first runs warm the JIT.
'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');

const [site, lunrPath = '/usr/share/javascript/lunr/lunr.js'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node compare.js SITE [LUNR_JS]');
  process.exit(2);
}
const reps = Number(process.env.SEARCH_REPS || 21);
const titleBoost = Number(process.env.SEARCH_TITLE_BOOST || 0);

// The queries, and the sections a reader who types each one is looking for
// (where the course explains the thing). Chosen from the course's contents.
const queries = [
  { q: 'sigmoid', wanted: ['01-artificial-neuron.html#logistic-regression', '01-artificial-neuron.html#more-activation-functions', '01-artificial-neuron.html#training-a-sigmoid-neuron'] },
  { q: 'sigmiod', lunr: 'sigmiod~1', wanted: ['01-artificial-neuron.html#logistic-regression', '01-artificial-neuron.html#more-activation-functions', '01-artificial-neuron.html#training-a-sigmoid-neuron'] },
  { q: 'backprop', wanted: ['03-backpropagation.html', '03-backpropagation.html#backpropagation-by-hand'] },
  { q: 'gradient descent', wanted: ['03-backpropagation.html#gradients-and-gradient-descent', '05-beyond-two-classes.html#mini-batch-stochastic-gradient-descent'] },
  { q: 'softmax', wanted: ['05-beyond-two-classes.html#one-score-per-class-and-the-softmax'] },
  { q: 'cross-entropy', wanted: ['05-beyond-two-classes.html#the-cross-entropy-of-k-classes', '03-backpropagation.html#the-loss-and-its-gradient'] },
  { q: 'iris', wanted: ['01-artificial-neuron.html#the-iris-flowers'] },
  { q: 'chain rule', wanted: ['03-backpropagation.html#the-chain-rule', '03-backpropagation.html#the-chain-rule-through-a-network', '04-automatic-differentiation.html#the-chain-rule-backwards-over-the-record'] },
  { q: 'learning rate', wanted: ['03-backpropagation.html#gradients-and-gradient-descent'] },
  { q: 'theta', wanted: ['01-artificial-neuron.html#logistic-regression'] },
];

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Milliseconds of the median run of `work`, and the value of its last run.
function timed(work) {
  const times = [];
  let value;
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    value = work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), value };
}

const gzip = (text) => zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
const bytes = (text) => Buffer.byteLength(text);

// --- Ours -------------------------------------------------------------------

const indexSource = fs.readFileSync(path.join(site, 'search-index.js'), 'utf8');
const searchSource = fs.readFileSync(path.join(site, 'assets', 'search.js'), 'utf8');

// The index as data: what follows `window.LECTURE_SEARCH_INDEX =`. Parsing it
// with JSON.parse each time is what a browser pays once (evaluating the same
// script again in one V8 would reuse its compiled literal).
const indexJSON = indexSource.slice(indexSource.indexOf('=') + 1).trim().replace(/;$/, '');
const loadIndex = () => JSON.parse(indexJSON);

const engine = (() => {
  const context = { document: { getElementById: () => null } };
  context.window = context;
  vm.runInContext(searchSource, vm.createContext(context), { filename: 'search.js' });
  if (!context.LectureSearch) throw new Error('assets/search.js defined no window.LectureSearch');
  return context.LectureSearch;
})();

const oursParse = timed(loadIndex);
const index = oursParse.value;
const oursPrepare = timed(() => engine.prepare(index));
const prepared = oursPrepare.value;

// --- Lunr -------------------------------------------------------------------

const lunrSource = fs.readFileSync(lunrPath, 'utf8');
const lunrMinPath = lunrPath.replace(/\.js$/, '.min.js');
const lunrShipped = fs.existsSync(lunrMinPath) ? fs.readFileSync(lunrMinPath, 'utf8') : lunrSource;
const lunr = require(path.resolve(lunrPath));

const documents = [];
const sectionOf = new Map();
index.pages.forEach((page) => page.s.forEach((section) => {
  const ref = page.u + (section.a ? '#' + section.a : '');
  documents.push({ ref, title: section.t, text: section.x || '' });
  sectionOf.set(ref, { page, section });
}));

function buildLunr(options = {}) {
  return lunr(function () {
    this.ref('ref');
    this.field('title', titleBoost ? { boost: titleBoost } : {});
    this.field('text');
    if (options.positions) this.metadataWhitelist = ['position'];
    documents.forEach((doc) => this.add(doc));
  });
}

const lunrBuild = timed(() => buildLunr());
const lunrIndex = lunrBuild.value;
const lunrJSON = JSON.stringify(lunrIndex);
const lunrLoad = timed(() => lunr.Index.load(JSON.parse(lunrJSON)));
const positionsJSON = JSON.stringify(buildLunr({ positions: true }));

function rewritten(query) {
  return lunr.tokenizer(query).map((token) => {
    const w = token.toString().toLowerCase();
    return w.length >= 4 ? `${w} ${w}* ${w}~1` : `${w} ${w}*`;
  }).join(' ');
}

// --- Report -----------------------------------------------------------------

function describe(ref) {
  const { page, section } = sectionOf.get(ref);
  const chapter = (page.u.match(/^(\d+)/) || [, page.t])[1];
  return `${chapter} ${section.t}`;
}

function top(refs, wanted) {
  if (refs.length === 0) return 'nothing';
  return refs.slice(0, 3).map((ref, i) => `${i + 1}. ${describe(ref)}${wanted.includes(ref) ? ' ✓' : ''}`).join('<br>');
}

function firstWanted(refs, wanted) {
  const at = refs.findIndex((ref) => wanted.includes(ref));
  return at < 0 ? '—' : String(at + 1);
}

const row = (cells) => `| ${cells.join(' | ')} |`;
const kib = (n) => (n / 1024).toFixed(1);

const oursShipped = bytes(indexSource);
const lunrTotal = bytes(lunrJSON) + oursShipped;
console.log(`Site: ${documents.length} sections in ${index.pages.length} chapters; lunr ${lunr.version} from ${lunrPath}` +
  (titleBoost ? `, headings boosted ×${titleBoost}` : ', no field boosts') + '.\n');
console.log('#### What the browser loads\n');
console.log(row(['file', 'raw (KiB)', 'gzip -9 (KiB)']));
console.log(row(['---', '---:', '---:']));
console.log(row(['ours: search-index.js (sections: heading, anchor, text)', kib(oursShipped), kib(gzip(indexSource))]));
console.log(row(['lunr: serialized index, `JSON.stringify(idx)`', kib(bytes(lunrJSON)), kib(gzip(lunrJSON))]));
console.log(row(['lunr: documents for headings and snippets (= search-index.js)', kib(oursShipped), kib(gzip(indexSource))]));
console.log(row(['**lunr: index + documents**', `**${kib(lunrTotal)}**`, `**${kib(gzip(lunrJSON) + gzip(indexSource))}**`]));
console.log(row(['lunr: the index instead with positions (`metadataWhitelist: [\'position\']`, to mark matches)', kib(bytes(positionsJSON)), kib(gzip(positionsJSON))]));
console.log(row(['engine, ours: assets/search.js', kib(bytes(searchSource)), kib(gzip(searchSource))]));
console.log(row([`engine, lunr: ${path.basename(fs.existsSync(lunrMinPath) ? lunrMinPath : lunrPath)}`, kib(bytes(lunrShipped)), kib(gzip(lunrShipped))]));

const oursTimes = [], typedTimes = [], rewrittenTimes = [];
const results = queries.map(({ q, lunr: typed = q, wanted }) => {
  const ours = timed(() => engine.search(prepared, q));
  const asTyped = timed(() => lunrIndex.search(typed));
  const again = rewritten(q);
  const asRewritten = timed(() => lunrIndex.search(again));
  oursTimes.push(ours.ms); typedTimes.push(asTyped.ms); rewrittenTimes.push(asRewritten.ms);
  return {
    q, typed, again, wanted,
    ours: ours.value.map((result) => result.section.url),
    typedRefs: asTyped.value.map((result) => result.ref),
    rewrittenRefs: asRewritten.value.map((result) => result.ref),
  };
});

const sum = (values) => values.reduce((a, b) => a + b, 0);
console.log(`\n#### Time (ms, median of ${reps} in Node ${process.version})\n`);
console.log(row(['step', 'ours', 'lunr']));
console.log(row(['---', '---:', '---:']));
console.log(row(['build the index (ours: at site build, in Swift; lunr: `lunr(...)` over the sections)', '—', lunrBuild.ms.toFixed(1)]));
console.log(row(['read the index in the page (ours: `JSON.parse` of search-index.js; lunr: `JSON.parse` + `lunr.Index.load` of its index, then the documents as ours)', oursParse.ms.toFixed(1), `${lunrLoad.ms.toFixed(1)} + ${oursParse.ms.toFixed(1)}`]));
console.log(row(['prepare it for searching (ours: `prepare`, the words of each section)', oursPrepare.ms.toFixed(1), '—']));
console.log(row(['the ten queries, together (lunr: as typed / rewritten)', sum(oursTimes).toFixed(2), `${sum(typedTimes).toFixed(2)} / ${sum(rewrittenTimes).toFixed(2)}`]));

console.log('\n#### Top three results (✓: a section the reader wants; "first ✓": its rank, and how many results)\n');
console.log(row(['query', 'ours', 'lunr as typed', 'lunr rewritten', 'first ✓: ours / typed / rewritten']));
console.log(row(['---', '---', '---', '---', '---']));
results.forEach((r) => {
  console.log(row([
    `\`${r.q}\`${r.typed !== r.q ? ` (lunr: \`${r.typed}\`)` : ''}`,
    top(r.ours, r.wanted), top(r.typedRefs, r.wanted), top(r.rewrittenRefs, r.wanted),
    `${firstWanted(r.ours, r.wanted)} of ${r.ours.length} / ${firstWanted(r.typedRefs, r.wanted)} of ${r.typedRefs.length} / ${firstWanted(r.rewrittenRefs, r.wanted)} of ${r.rewrittenRefs.length}`,
  ]));
});
console.log('\nRewritten lunr queries: ' + results.map((r) => `\`${r.again}\``).join(', ') + '.');
