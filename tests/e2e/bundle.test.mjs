// The offline bundles (`donorbook bundle --locale zh-Hant --locale fa --locale mn`) as a visiting
// delegation gets them: each zip is unpacked into a fresh folder, its MANIFEST.txt digests are
// verified, and the copy is used in headless Chromium from file:// with every non-file request
// aborted: root index.html → locale home → header search → one more keystroke (latency printed,
// not asserted) → first result → language switcher and previous/next, each landing on a file
// inside the bundle with the right <html lang dir>. No request may leave file://, no console
// error, no page error. A static sweep also checks every relative href/src of every bundled page.
//
// Run by tests/e2e/run.sh with DIST set to the folder holding the zips (skipped when DIST is
// unset). BUNDLE_LOCALES="zh-Hant fa mn" (default) picks the locales; KEEP_BUNDLES=1 keeps the
// unpacked copies for inspection.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBrowser } from './lib.mjs';

const DIST = process.env.DIST ? path.resolve(process.env.DIST) : '';
const LOCALES = (process.env.BUNDLE_LOCALES || 'zh-Hant fa mn').split(/\s+/).filter(Boolean);
const WAIT = 5000; // ms for any one page condition; a broken bundle fails fast instead of hanging

// Per locale: a query typed into the header search form (terms from the translated lessons under
// locales/<tag>/content/), a lesson it must find, one more character typed on the search page and
// a lesson the longer query must find. `same` is a differently written query that must give the
// very same results (fa: ی/ي swapped; mn: upper case). `chain` is the fallback chain that must be
// bundled (and nothing else).
const CASES = {
  'zh-Hant': {
    chain: ['zh-Hant', 'en'], dir: 'ltr',
    query: '捐血', expect: 'modules/why-donate/why-blood-matters/index.html',
    more: '人', expectMore: 'modules/why-donate/a-shared-responsibility/index.html',
  },
  fa: {
    chain: ['fa', 'en'], dir: 'rtl',
    // Persian yeh (U+06CC) in the header query, Arabic yeh (U+064A) typed on the search page.
    query: 'اهدای خون', expect: 'modules/why-donate/why-blood-matters/index.html',
    more: 'ي', expectMore: 'modules/why-donate/why-blood-matters/index.html',
    same: 'اهداي خونی',
  },
  mn: {
    chain: ['mn', 'en'], dir: 'ltr',
    query: 'цус донор', expect: 'modules/why-donate/why-blood-matters/index.html',
    more: 'л', expectMore: 'modules/why-donate/why-blood-matters/index.html',
    same: 'ЦУС ДОНОРЛ',
  },
};

const RTL = /^(ar|fa|he|ur|ps|dv|yi|ckb|sd|ug)(-|$)/i;
const dirOf = (lang) => (RTL.test(lang) ? 'rtl' : 'ltr');

let browser, context;
const tmpDirs = [];
before(async () => { if (DIST) ({ browser, context } = await openBrowser()); });
after(async () => { await browser?.close(); });
// The unpacked copies go when the process ends, however it ends.
process.on('exit', () => {
  for (const d of tmpDirs) {
    if (process.env.KEEP_BUNDLES) console.log(`kept ${d}`);
    else fs.rmSync(d, { recursive: true, force: true });
  }
});

const haveUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

function unpack(zip) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'donorbook-bundle-')));
  tmpDirs.push(dir);
  const [cmd, args] = haveUnzip ? ['unzip', ['-q', zip, '-d', dir]] : ['python3', ['-m', 'zipfile', '-e', zip, dir]];
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  // Everything is in one folder named like the zip.
  const top = fs.readdirSync(dir);
  assert.deepEqual(top, [path.basename(zip, '.zip')], 'the zip holds one top-level folder named like it');
  return path.join(dir, top[0]);
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** The bundle file a file:// URL points to (query and fragment ignored), or null if outside. */
function bundleFile(dir, url) {
  const u = new URL(url);
  if (u.protocol !== 'file:') return null;
  u.search = ''; u.hash = '';
  const p = fileURLToPath(u);
  return p.startsWith(dir + path.sep) ? path.relative(dir, p).split(path.sep).join('/') : null;
}

function assertLandsInBundle(dir, url, what) {
  const rel = bundleFile(dir, url);
  assert.ok(rel, `${what}: ${url} is not inside the bundle ${dir}`);
  assert.ok(fs.statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isFile(), `${what}: ${rel} does not exist in the bundle`);
  return rel;
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

for (const tag of LOCALES) {
  const c = CASES[tag];
  describe(`bundle ${tag}`, { skip: (!DIST && 'DIST (folder with the bundle zips) not set') || (!c && `no test case for ${tag}`) }, () => {
    // Unpacked once, on first use, so that a missing or broken zip fails each test with its reason.
    let unpacked = null;
    const bundle = () => {
      unpacked ??= (() => {
        try {
          const zips = fs.readdirSync(DIST).filter((f) => f.endsWith(`-${tag}.zip`));
          assert.equal(zips.length, 1, `exactly one *-${tag}.zip in ${DIST} (found: ${zips.join(', ') || 'none'})`);
          return { dir: unpack(path.join(DIST, zips[0])) };
        } catch (error) { return { error }; }
      })();
      if (unpacked.error) throw unpacked.error;
      return unpacked.dir;
    };

    test('MANIFEST.txt lists every file with its SHA-256, and only the fallback chain is bundled', (t) => {
      const dir = bundle();
      const manifest = fs.readFileSync(path.join(dir, 'MANIFEST.txt'), 'utf8');
      const listed = new Map();
      for (const [i, line] of manifest.split('\n').entries()) {
        if (line === '') continue;
        const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
        assert.ok(m, `MANIFEST.txt line ${i + 1} is not "<sha256>  <path>": ${JSON.stringify(line)}`);
        const [, digest, rel] = m;
        assert.ok(!rel.startsWith('/') && !rel.split('/').includes('..'), `MANIFEST.txt: unsafe path ${rel}`);
        assert.ok(!listed.has(rel), `MANIFEST.txt lists ${rel} twice`);
        listed.set(rel, digest);
      }
      const files = filesUnder(dir).filter((f) => f !== 'MANIFEST.txt');
      const missing = [...listed.keys()].filter((f) => !fs.existsSync(path.join(dir, f)));
      assert.deepEqual(missing, [], 'files listed in MANIFEST.txt but not in the zip');
      assert.deepEqual(files.filter((f) => !listed.has(f)), [], 'files in the zip but not in MANIFEST.txt');
      const bad = files.filter((f) => sha256(path.join(dir, f)) !== listed.get(f));
      assert.deepEqual(bad, [], 'files whose SHA-256 differs from MANIFEST.txt');
      for (const f of ['index.html', 'README.txt', 'assets/search.js', `assets/search/${tag}.js`, `${tag}/index.html`, `${tag}/search/index.html`])
        assert.ok(listed.has(f), `the bundle has ${f}`);
      const top = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]))].sort();
      assert.deepEqual(top, ['assets', ...c.chain].sort(), 'top-level folders: assets and the fallback chain');
      const indexes = fs.readdirSync(path.join(dir, 'assets/search')).sort();
      assert.deepEqual(indexes, c.chain.map((l) => `${l}.js`).sort(), 'one search index per bundled locale');
      for (const f of indexes) t.diagnostic(`${tag} bundle: assets/search/${f} ${fs.statSync(path.join(dir, 'assets/search', f)).size} B`);
      t.diagnostic(`${tag} bundle: ${files.length + 1} files, all ${listed.size} digests match`);
    });

    test('every relative href/src in every bundled page resolves to a file in the bundle', () => {
      const dir = bundle();
      const dangling = [];
      for (const f of filesUnder(dir).filter((x) => x.endsWith('.html'))) {
        const html = fs.readFileSync(path.join(dir, f), 'utf8');
        for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"|url=([^"';>\s]+)/gi)) {
          const ref = (m[1] ?? m[2]).replace(/&amp;/g, '&');
          if (ref === '' || ref.startsWith('#') || /^(mailto|tel|data|https?):/i.test(ref)) continue;
          const target = bundleFile(dir, new URL(ref, pathToFileURL(path.join(dir, f))).href);
          if (!target || !fs.statSync(path.join(dir, target), { throwIfNoEntry: false })?.isFile()) dangling.push(`${f} → ${ref}`);
        }
      }
      assert.ok(dangling.length === 0, `${dangling.length} dangling links:\n  ${dangling.slice(0, 15).join('\n  ')}${dangling.length > 15 ? '\n  …' : ''}`);
    });

    test('from file://: root index.html → home → search → first result → switcher and prev/next', async (t) => {
      const dir = bundle();
      const page = await context.newPage();
      const problems = [];
      page.on('request', (r) => { if (!/^(file|data|blob|about):/i.test(r.url())) problems.push(`request left file://: ${r.url()}`); });
      // ERR_ABORTED is a load cut short by our own next navigation (lazy images, the icon): not a fault.
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
      });
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()} @ ${m.location()?.url}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e}`));
      page.setDefaultTimeout(WAIT);
      // A wait that times out names what was expected and what went wrong in the page meanwhile.
      const step = (what, promise) => promise.catch((e) => {
        throw new Error(`${what}: ${e.message.split('\n')[0]}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
      });
      const htmlAttrs = () => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
      try {
        // 1. root index.html opens the locale home (meta refresh; the visible link goes there too).
        const home = pathToFileURL(path.join(dir, tag, 'index.html')).href;
        await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
        await step('root index.html opens the locale home', page.waitForURL(home));
        assertLandsInBundle(dir, page.url(), 'root index.html');
        assert.deepEqual(await htmlAttrs(), [tag, c.dir], `${tag} home <html lang dir>`);
        const rootHtml = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
        assert.match(rootHtml, new RegExp(`<a href="${tag}/index.html"`), 'root index.html links to the locale home');
        assert.match(rootHtml, new RegExp(`<html lang="${tag}" dir="${c.dir}">`), 'root index.html has the locale\'s lang and dir');

        // 2. the header search form (plain GET) opens the search page with ?q= and finds the lesson.
        const resultsFor = () => page.evaluate(() =>
          [...document.querySelectorAll('#search-results li > a')].map((a) => a.href));
        const want = (rel) => pathToFileURL(path.join(dir, tag, rel)).href;
        const input = page.locator('form.site-search input[name="q"]');
        await input.fill(c.query);
        const t0 = performance.now();
        await input.press('Enter');
        await step('the header form opens the search page', page.waitForURL((u) => bundleFile(dir, u.href) === `${tag}/search/index.html`));
        await step(`the search page lists ${c.expect} for "${c.query}"`, page.waitForFunction((href) =>
          [...document.querySelectorAll('#search-results li > a')].some((a) => a.href === href), want(c.expect)));
        const firstMs = performance.now() - t0;
        const loaded = await page.evaluate(() => performance.now());
        const before1 = await resultsFor();
        const status1 = await page.locator('#search-status').textContent();
        assert.ok(before1.length > 0 && before1.includes(want(c.expect)), `"${c.query}" finds ${c.expect}`);

        // 3. one more character typed into the search page's box updates the results.
        await page.evaluate(() => {
          const input = document.getElementById('search-q');
          window.__lat = { key: 0, render: 0 };
          input.addEventListener('input', () => { window.__lat.key = performance.now(); }, true);
          new MutationObserver(() => { window.__lat.render = performance.now(); })
            .observe(document.getElementById('search-results'), { childList: true });
          input.focus();
          input.setSelectionRange(input.value.length, input.value.length);
        });
        assert.equal(await page.inputValue('#search-q'), c.query, 'the search box shows the query from ?q=');
        const t1 = performance.now();
        await page.keyboard.type(c.more);
        await step(`results re-rendered after typing "${c.more}"`, page.waitForFunction(() => window.__lat.key > 0 && window.__lat.render > window.__lat.key));
        const wallMs = performance.now() - t1;
        const lat = await page.evaluate(() => window.__lat.render - window.__lat.key);
        const after1 = await resultsFor();
        const status2 = await page.locator('#search-status').textContent();
        assert.equal(await page.inputValue('#search-q'), c.query + c.more);
        assert.notDeepEqual(after1, before1, `typing "${c.more}" changed the results`);
        assert.notEqual(status2, status1, 'the result count announced changed');
        assert.ok(after1.includes(want(c.expectMore)), `"${c.query + c.more}" finds ${c.expectMore}`);
        const idx = fs.statSync(path.join(dir, 'assets/search', `${tag}.js`)).size;
        t.diagnostic(`${tag}: index ${idx} B; header search "${c.query}" → ${before1.length} results in ${firstMs.toFixed(0)} ms ` +
          `(wall clock: submit, navigation, index load, first render; shown by ${loaded.toFixed(0)} ms after navigation start); keystroke "${c.more}" → ${after1.length} results ` +
          `rendered ${lat.toFixed(1)} ms after the key in page, ${wallMs.toFixed(0)} ms wall clock`);

        if (c.same) {
          await page.goto(pathToFileURL(path.join(dir, tag, 'search/index.html')).href + '?q=' + encodeURIComponent(c.same));
          await step(`results for ?q=${c.same}`, page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0));
          assert.deepEqual(await resultsFor(), after1, `"${c.same}" gives the same results as "${c.query + c.more}"`);
        }

        // 4. the first result, then every language-switcher link and previous/next on it.
        const first = after1[0];
        await page.locator('#search-results li > a').first().click();
        await step('the first result opens', page.waitForURL(first));
        const lesson = assertLandsInBundle(dir, page.url(), 'first result');
        assert.deepEqual(await htmlAttrs(), [tag, c.dir], `${lesson} <html lang dir>`);
        const links = await page.evaluate(() => [
          ...[...document.querySelectorAll('.languages a[hreflang]')].map((a) => ({ kind: 'switcher', lang: a.hreflang, dir: a.dir, href: a.getAttribute('href') })),
          ...[...document.querySelectorAll('a[rel="prev"], a[rel="next"]')].map((a) => ({ kind: a.rel, href: a.getAttribute('href') })),
        ]);
        const switcher = links.filter((l) => l.kind === 'switcher');
        assert.deepEqual(switcher.map((l) => l.lang).sort(), [...c.chain].sort(), `${lesson}: the switcher offers the bundled locales`);
        assert.ok(links.some((l) => l.kind !== 'switcher'), `${lesson} has previous/next links`);
        const visited = [];
        for (const [i, l] of links.entries()) {
          await page.goto(first);
          if (l.kind === 'switcher') {
            await page.locator('.languages > summary').click();
            await page.locator('.languages a[hreflang]').nth(i).click();
          } else {
            await page.locator(`a[rel="${l.kind}"]`).first().click();
          }
          await step(`${l.kind} ${l.href} opens`, page.waitForURL(new URL(l.href, first).href));
          const rel = assertLandsInBundle(dir, page.url(), `${l.kind} ${l.href} on ${lesson}`);
          const lang = l.kind === 'switcher' ? l.lang : tag;
          assert.deepEqual(await htmlAttrs(), [lang, dirOf(lang)], `${rel} <html lang dir>`);
          if (l.kind === 'switcher') assert.equal(l.dir, dirOf(lang), `switcher link to ${lang} has dir=${dirOf(lang)}`);
          assert.ok(await page.locator('h1').count() > 0, `${rel} has a heading`);
          visited.push(`${l.kind} → ${rel}`);
        }
        t.diagnostic(`${tag}: first result ${lesson}; followed ${visited.join(', ')}`);
      } finally {
        await page.close();
      }
      // 5. nothing left the machine, nothing failed to load, no script error.
      assert.deepEqual(problems, [], 'requests, console errors and page errors');
    });
  });
}
