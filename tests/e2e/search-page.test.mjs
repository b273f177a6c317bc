// The search page as a reader gets it: a page opened from disk (file://) with the DOM contract
// of docs/search.md, search.js and an index file in the format of build_index_js, rendered by
// headless Chromium. Skipped when no Chromium is installed (set CHROMIUM=/path to choose one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const searchJs = path.resolve(here, '../../themes/default/static/search.js');

function findChromium() {
  const names = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const name of names.filter(Boolean)) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 20000 });
    if (r.status === 0) return name;
  }
  return null;
}
const chromium = findChromium();

function page(locale, dir) {
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>Search</title>
<script src="../../assets/search.js" defer></script></head><body>
<form class="site-search" role="search" action="../search/index.html" method="get"><label for="site-search-q" class="visually-hidden">Search</label><input id="site-search-q" name="q" type="search"></form>
<div id="search-app" data-index="../../assets/search/${locale}.js" data-locale="${locale}" data-root="../"
     data-label-results="{count} results" data-label-none="No results for {query}" data-label-loading="Loading…" data-label-error="The search index could not be loaded.">
  <form role="search" id="search-form"><label for="search-q">Search the lessons</label><input id="search-q" type="search" name="q" autocomplete="off"><button type="submit">Search</button></form>
  <p id="search-status" role="status" aria-live="polite"></p>
  <ol id="search-results"></ol>
</div></body></html>`;
}

const INDEX = '/* donorbook search index (generated) */\n' +
  '(window.donorbookSearch = window.donorbookSearch || {})["en"] = {"v":1,"locale":"en","docs":[' +
  '["modules/why/index.html","Why blood matters","Why donate","Every two seconds someone needs blood. A donation can save three lives."],' +
  '["modules/evil/index.html","\\u003cimg src=x onerror=alert(1)\\u003e","\\u003cb\\u003ebold\\u003c/b\\u003e","Blood type: \\u003cscript\\u003ealert(2)\\u003c/script\\u003e"],' +
  '["javascript:alert(3)","Bad url","","Blood everywhere."]' +
  ']};\n';

// An Arabic index with English fallback rows: a lesson and its module both English, and an
// Arabic lesson in an English module (text `null`, section English).
const INDEX_AR = '/* donorbook search index (generated) */\n' +
  '(window.donorbookSearch = window.donorbookSearch || {})["ar"] = {"v":1,"locale":"ar","docs":[' +
  '["modules/who/index.html","Who can give blood?","Eligibility","Who can give blood? Most healthy adults.",["en","ltr"],["en","ltr"]],' +
  '["modules/why/index.html","لماذا blood","Eligibility","نص blood عربي.",null,["en","ltr"]]' +
  ']};\n';

function site() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'donorbook-search-'));
  fs.mkdirSync(path.join(root, 'assets/search'), { recursive: true });
  fs.copyFileSync(searchJs, path.join(root, 'assets/search.js'));
  fs.writeFileSync(path.join(root, 'assets/search/en.js'), INDEX);
  fs.writeFileSync(path.join(root, 'assets/search/ar.js'), INDEX_AR);
  for (const [loc, dir] of [['en', 'ltr'], ['xx', 'ltr'], ['ar', 'rtl']]) {
    fs.mkdirSync(path.join(root, loc, 'search'), { recursive: true });
    fs.writeFileSync(path.join(root, loc, 'search/index.html'), page(loc, dir));
  }
  return root;
}

function render(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'donorbook-chromium-'));
  const r = spawnSync(chromium, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`,
    '--enable-logging=stderr', '--v=0', '--virtual-time-budget=5000', '--dump-dom', url,
  ], { encoding: 'utf8', timeout: 60000 });
  fs.rmSync(profile, { recursive: true, force: true });
  const consoleLines = (r.stderr || '').split('\n').filter((l) => /:CONSOLE[:(]/.test(l));
  return { dom: r.stdout || '', consoleLines };
}

test('search page works from file:// and keeps page data inert', { skip: !chromium && 'no Chromium installed' }, () => {
  const root = site();
  try {
    const url = pathToFileURL(path.join(root, 'en/search/index.html')).href + '?q=blood';
    const { dom, consoleLines } = render(url);
    assert.deepEqual(consoleLines, [], 'no console messages');
    assert.match(dom, /<p id="search-status"[^>]*>3 results<\/p>/);
    assert.match(dom, /<li><a href="\.\.\/modules\/why\/index\.html">Why blood matters<\/a> <span class="search-section">Why donate<\/span><p class="search-snippet">Every two seconds someone needs <mark>blood<\/mark>\./);
    assert.match(dom, /&lt;img src=x onerror=alert\(1\)&gt;<\/a>/, 'title inserted as text');
    assert.match(dom, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/, 'snippet inserted as text');
    assert.doesNotMatch(dom, /<img src="?x/);
    assert.match(dom, /<li><a>Bad url<\/a>/, 'javascript: url not linked');
    assert.match(dom, /<input id="site-search-q" name="q" type="search" value="blood">/, 'the header search box shows the query');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('fallback results in a right-to-left page carry their own language and direction', { skip: !chromium && 'no Chromium installed' }, () => {
  const root = site();
  try {
    const url = pathToFileURL(path.join(root, 'ar/search/index.html')).href + '?q=blood';
    const { dom, consoleLines } = render(url);
    assert.deepEqual(consoleLines, [], 'no console messages');
    const en = 'lang="en" dir="ltr"';
    assert.ok(dom.includes(`<a href="../modules/who/index.html" ${en}>Who can give blood?</a> <span class="search-section" ${en}>Eligibility</span><p class="search-snippet" ${en}>`), dom);
    assert.ok(dom.includes(`<a href="../modules/why/index.html">لماذا blood</a> <span class="search-section" ${en}>Eligibility</span><p class="search-snippet">`), dom);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a missing index shows the error label without throwing', { skip: !chromium && 'no Chromium installed' }, () => {
  const root = site();
  try {
    const url = pathToFileURL(path.join(root, 'xx/search/index.html')).href + '?q=blood';
    const { dom, consoleLines } = render(url);
    assert.deepEqual(consoleLines.filter((l) => /Uncaught|Error/.test(l)), []);
    assert.match(dom, /<p id="search-status"[^>]*>The search index could not be loaded\.<\/p>/);
    assert.match(dom, /<ol id="search-results"><\/ol>/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// ---- the built site (tests/e2e/run.sh sets SITE) ----

const SITE = process.env.SITE;
const indexDir = SITE ? path.join(SITE, 'assets/search') : null;
const haveSite = indexDir && fs.existsSync(indexDir);

function htmlBytes(dir) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += htmlBytes(p);
    else if (e.name.endsWith('.html')) total += fs.statSync(p).size;
  }
  return total;
}

function loadIndexFile(file) {
  const ctx = vm.createContext({});
  ctx.window = ctx;
  vm.runInContext(fs.readFileSync(searchJs, 'utf8'), ctx);
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  return ctx;
}

test('built site: each index is under a third of its locale\'s HTML and finds every page by its title',
  { skip: !haveSite && 'SITE with assets/search/ not given' }, (t) => {
    const files = fs.readdirSync(indexDir).filter((f) => f.endsWith('.js')).sort();
    assert.ok(files.length > 0, 'at least one index');
    for (const f of files) {
      const locale = f.slice(0, -3);
      const size = fs.statSync(path.join(indexDir, f)).size;
      const html = fs.existsSync(path.join(SITE, locale)) ? htmlBytes(path.join(SITE, locale)) : 0;
      t.diagnostic(`${locale}: index ${size} B, HTML ${html} B (${html ? (100 * size / html).toFixed(1) : '?'} %)`);
      assert.ok(html > 0 && size < html / 3, `${locale}: index ${size} B is not under a third of ${html} B of HTML`);
      const ctx = loadIndexFile(path.join(indexDir, f));
      const data = ctx.donorbookSearch[locale];
      assert.equal(data?.v, 1, `${f} registers donorbookSearch["${locale}"]`);
      const E = ctx.donorbookSearchEngine;
      const idx = E.buildIndex(data);
      for (const doc of idx.docs) {
        assert.ok(E.isSafeUrl(doc.url) && fs.existsSync(path.join(SITE, locale, doc.url)), `${locale}: ${doc.url} exists`);
        if (!E.tokenize(doc.title).length) continue;
        const found = E.search(idx, doc.title, 1000).results.map((r) => r.doc.url);
        assert.ok(found.includes(doc.url), `${locale}: searching "${doc.title}" finds ${doc.url}`);
      }
    }
  });

test('built site: the search page finds a lesson from file://',
  { skip: (!haveSite && 'SITE with assets/search/ not given') || (!chromium && 'no Chromium installed') }, () => {
    const locales = fs.readdirSync(indexDir).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
    const locale = locales.includes('en') ? 'en' : locales[0];
    const pageFile = path.join(SITE, locale, 'search/index.html');
    assert.ok(fs.existsSync(pageFile), `${pageFile} exists`);
    const ctx = loadIndexFile(path.join(indexDir, `${locale}.js`));
    const doc = ctx.donorbookSearch[locale].docs.find((d) => /\S{3,}/.test(d[1]));
    const word = doc[1].split(/\s+/).find((w) => w.length >= 3);
    const { dom, consoleLines } = render(pathToFileURL(pageFile).href + '?q=' + encodeURIComponent(word));
    assert.deepEqual(consoleLines, [], 'no console messages');
    assert.match(dom, /<ol id="search-results"><li><a href="[^"]+">/, `results for ${word}`);
    assert.match(dom, /<p id="search-status"[^>]*>[^<]+<\/p>/, 'status announced');
  });
