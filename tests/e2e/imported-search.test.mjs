// Search over the imported multilingual fixture (tests/fixtures/imported, built by .ci/run into
// $IMPORTED): an article is found in Japanese (no spaces), Hindi (Devanagari) and Russian, with
// the engine and index files the offline site ships. Skipped unless IMPORTED is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const site = process.env.IMPORTED;

function searchIn(locale, query) {
  const ctx = vm.createContext({});
  ctx.window = ctx;
  vm.runInContext(fs.readFileSync(path.join(site, 'assets/search.js'), 'utf8'), ctx);
  vm.runInContext(fs.readFileSync(path.join(site, `assets/search/${locale}.js`), 'utf8'), ctx);
  const E = ctx.donorbookSearchEngine;
  const idx = E.buildIndex(ctx.donorbookSearch[locale]);
  return JSON.parse(JSON.stringify(E.search(idx, query, 10))).results.map((r) => r.doc.url);
}

for (const [locale, query] of [['ja', '献血'], ['ja', '体重'], ['hi', 'रक्तदान'], ['hi', 'स्वस्थ'], ['ru', 'кровь'], ['ru', 'здоровых']]) {
  test(`imported site: "${query}" finds the eligibility article in ${locale}`, { skip: !site && 'IMPORTED not set' }, () => {
    const found = searchIn(locale, query);
    assert.ok(found.includes('modules/donation-basics/who-can-donate/index.html'), `${locale} ${query}: ${JSON.stringify(found)}`);
    for (const url of found) assert.ok(fs.existsSync(path.join(site, locale, url)), `${url} exists`);
  });
}
