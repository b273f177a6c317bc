// The search tokenizer in themes/default/static/search.js must produce exactly the tokens of
// `donorbook::search::tokenize` (src/search.rs): the expected arrays below are copied from the
// Rust unit tests. Also checks the query engine that is built on it. Run: node --test tests/e2e
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const scriptPath = path.resolve(here, '../../themes/default/static/search.js');
const source = fs.readFileSync(scriptPath, 'utf8');

/** Evaluates search.js as the browser would (a classic script), without a DOM. */
function load(extra = {}) {
  const ctx = vm.createContext({ ...extra });
  vm.runInContext(source, ctx, { filename: scriptPath });
  return ctx;
}

const ctx = load();
const tokenize = ctx.donorbookTokenize;
const engine = ctx.donorbookSearchEngine;
// arrays made in another realm: compare as JSON
const toks = (s) => JSON.parse(JSON.stringify(tokenize(s)));

const EXPECTED = [
  // English case and punctuation
  ['Why Blood Donation MATTERS: 1 unit saves 3 lives!', ['why', 'blood', 'donation', 'matters', '1', 'unit', 'saves', '3', 'lives']],
  // Chinese: bigrams, 献血 inside a sentence
  ['我们需要更多的献血者', ['我们', '们需', '需要', '要更', '更多', '多的', '的献', '献血', '血者']],
  ['献血', ['献血']],
  ['血', ['血']],
  ['捐血，救人。', ['捐血', '救人']],
  // Japanese: kanji + kana form one run
  ['献血にご協力ください', ['献血', '血に', 'にご', 'ご協', '協力', '力く', 'くだ', 'ださ', 'さい']],
  ['ガ', ['ガ']],
  ['ｶﾞｰｾﾞ', ['ガー', 'ーゼ']],
  // Korean: word + bigrams for 3+ syllables
  ['헌혈은 생명을 살립니다', ['헌혈은', '헌혈', '혈은', '생명을', '생명', '명을', '살립니다', '살립', '립니', '니다']],
  ['헌혈', ['헌혈']],
  ['ABO형', ['abo', '형']],
  // Persian / Arabic letter variants, tatweel, harakat, hamza, digits
  ['کمک', ['كمك']],
  ['اهدای خون', ['اهداي', 'خون']],
  ['خون', ['خون']],
  ['خـــون', ['خون']],
  ['دَمٌ', ['دم']],
  ['أحمر', ['احمر']],
  ['۱۸ سال', ['18', 'سال']],
  // ZWNJ: joined form, then the parts
  ['می\u200cتوانید', ['ميتوانيد', 'مي', 'توانيد']],
  ['می توانید', ['مي', 'توانيد']],
  // Arabic article
  ['التبرع بالدم', ['التبرع', 'تبرع', 'بالدم', 'دم']],
  ['للتبرع', ['للتبرع', 'تبرع']],
  ['الى', ['الي']],
  // Mongolian Cyrillic
  ['Цусны донор', ['цусны', 'донор']],
  ['ЦУСНЫ ДОНОР Өгөх', ['цусны', 'донор', 'өгөх']],
  // Swahili, Indonesian
  ['Kuchangia damu', ['kuchangia', 'damu']],
  ['Donor darah sukarela.', ['donor', 'darah', 'sukarela']],
  // Spanish diacritics
  ['Donación', ['donacion']],
  ['¿Quién puede donar sangre?', ['quien', 'puede', 'donar', 'sangre']],
  // separators and edge cases
  ['', []],
  ['  ... — !!', []],
  ['O+ AB-', ['o', 'ab']],
  ['e-mail co\u00adoperate', ['e', 'mail', 'cooperate']],
  ['ﬁrst ＡＢＣ１２', ['first', 'abc12']],
];

const SAME = [
  ['Donor', 'DONOR'],
  ['کمک', 'كمك'],
  ['اهدای', 'اهداي'],
  ['مستشفى', 'مستشفي'],
  ['وحدة', 'وحده'],
  ['donación', 'DONACION'],
  ['café', 'cafe\u0301'],
  ['ΣΟΦΟΣ', 'σοφοσ'],
];

test('tokenize matches the Rust expectations', () => {
  for (const [input, expected] of EXPECTED) {
    assert.deepEqual(toks(input), expected, `tokenize(${JSON.stringify(input)})`);
  }
});

test('letter variants, case and diacritics give the same tokens', () => {
  for (const [a, b] of SAME) assert.deepEqual(toks(a), toks(b), `${a} vs ${b}`);
  assert.notDeepEqual(toks('が'), toks('か'), 'dakuten are kept');
  assert.equal(engine.normalize('헌혈'), '헌혈', 'Hangul survives NFD/NFC');
});

test('the script exposes the tokenizer for node', () => {
  assert.equal(typeof tokenize, 'function');
  assert.equal(engine.tokenize, tokenize);
});

// ---- the engine, on data in the format written by build_index_js ----

const INDEX_JS = '/* donorbook search index (generated) */\n' +
  '(window.donorbookSearch = window.donorbookSearch || {})["xx"] = {"v":1,"locale":"xx","docs":[' +
  '["a/index.html","Why blood matters","Why donate","Every two seconds someone needs blood. A donation can save three lives."],' +
  '["b/index.html","\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","","Donors give plasma."],' +
  '["c/index.html","献血","","我们需要更多的献血者。"],' +
  '["d/index.html","헌혈","","헌혈은 생명을 살립니다."],' +
  '["e/index.html","خون","","شما می\u200cتوانید با اهدای منظم خون کمک کنید. التبرع بالدم"],' +
  '["f/index.html","Blood types","Blood basics","' + 'Filler text about nothing in particular. '.repeat(20) + 'The donation of blood matters."]' +
  ']};\n';

function index() {
  const c = load({});
  c.window = c;
  vm.runInContext(INDEX_JS, c);
  const data = c.donorbookSearch.xx;
  return { c, idx: c.donorbookSearchEngine.buildIndex(data) };
}

const urls = (r) => r.results.map((x) => x.doc.url);

test('index file registers itself and escapes decode to the original text', () => {
  const { c, idx } = index();
  assert.equal(c.donorbookSearch.xx.v, 1);
  assert.equal(idx.docs.length, 6);
  assert.equal(idx.docs[1].title, '</script><script>alert(1)</script>');
});

test('search: prefixes, AND, CJK substrings, Korean particles, Persian and Arabic', () => {
  const { c, idx } = index();
  const s = (q) => JSON.parse(JSON.stringify(c.donorbookSearchEngine.search(idx, q, 50)));
  assert.deepEqual(urls(s('blood')), ['f/index.html', 'a/index.html'], 'title + section hit ranks first');
  assert.deepEqual(urls(s('don')).sort(), ['a/index.html', 'b/index.html', 'f/index.html'], 'last word is a prefix');
  assert.deepEqual(urls(s('don blood')), [], 'a word before the last one must be whole');
  assert.deepEqual(urls(s('donation blo')).sort(), ['a/index.html', 'f/index.html']);
  assert.deepEqual(urls(s('献血')), ['c/index.html']);
  assert.deepEqual(urls(s('血者')), ['c/index.html']);
  assert.deepEqual(urls(s('헌혈')), ['d/index.html']);
  assert.deepEqual(urls(s('헌혈이')), ['d/index.html'], 'particle differs, stem matches');
  assert.deepEqual(urls(s('كمك')), ['e/index.html'], 'Arabic kaf finds Persian keheh');
  assert.deepEqual(urls(s('میتوانید')), ['e/index.html'], 'written without ZWNJ');
  assert.deepEqual(urls(s('می توانید')), ['e/index.html'], 'written with a space');
  assert.deepEqual(urls(s('دم')), ['e/index.html'], 'word after the article');
  assert.deepEqual(urls(s('zzz')), []);
  assert.deepEqual(urls(s('  ')), []);
});

test('ranking: whole words and titles first, a longer word that starts with the query last', () => {
  const c = load({});
  c.window = c;
  const docs = [
    ['about/index.html', 'About this site', '', 'Donorbook builds this site. Donorbook is free. Donorbook works offline. Donorbook again.'],
    ['care/index.html', 'Caring for donors', '', 'Donors come back when they are looked after.'],
    ['donor/index.html', 'The donor experience', '', 'A donor is welcomed, checked and thanked.'],
    ['body/index.html', 'Eligibility', '', 'Rules protect the donor and the patient.'],
  ];
  const E = c.donorbookSearchEngine;
  const idx = E.buildIndex({ v: 1, locale: 'xx', docs: docs });
  const order = urls(JSON.parse(JSON.stringify(E.search(idx, 'donor', 10))));
  assert.deepEqual(order, ['donor/index.html', 'care/index.html', 'body/index.html', 'about/index.html']);
});

test('snippets: window around the first match, matches marked, ellipses', () => {
  const { c, idx } = index();
  const E = c.donorbookSearchEngine;
  const r = E.search(idx, 'donation', 50);
  const f = r.results.find((x) => x.doc.url === 'f/index.html');
  const parts = JSON.parse(JSON.stringify(E.snippet(f.doc, r.needles, 160)));
  const text = parts.map((p) => p.text).join('');
  assert.ok(text.startsWith('… '), text);
  assert.ok(text.length <= 170, text);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['donation']);
  const zh = E.search(idx, '献血', 5);
  assert.deepEqual(JSON.parse(JSON.stringify(E.snippet(zh.results[0].doc, zh.needles))),
    [{ text: '我们需要更多的', mark: false }, { text: '献血', mark: true }, { text: '者。', mark: false }]);
  const fa = E.search(idx, 'میتوانید', 5);
  const marked = E.snippet(fa.results[0].doc, fa.needles).filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(JSON.parse(JSON.stringify(marked)), ['می\u200cتوانید']);
});

test('unsafe result urls are not linked', () => {
  assert.equal(engine.isSafeUrl('modules/a/index.html'), true);
  assert.equal(engine.isSafeUrl('javascript:alert(1)'), false);
  assert.equal(engine.isSafeUrl(' JavaScript:alert(1)'), false);
  assert.equal(engine.isSafeUrl('//evil.example/'), false);
  assert.equal(engine.isSafeUrl('/abs'), false);
});
