// The 404 page as a server sends it: the same file answered at any depth. Its language links
// must lead to the site's locale homes from wherever it is shown (issue 13 item 6). Uses the
// built site (tests/e2e/run.sh sets SITE) and headless Chromium (CHROMIUM=/path to choose one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

function findChromium() {
  for (const name of [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean)) {
    if (spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 20000 }).status === 0) return name;
  }
  return null;
}
const chromium = findChromium();
const SITE = process.env.SITE;
const page404 = SITE && path.join(SITE, '404.html');
const have404 = page404 && fs.existsSync(page404);

function dumpDom(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'donorbook-chromium-'));
  const r = spawnSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`,
    '--virtual-time-budget=3000', '--dump-dom', url], { encoding: 'utf8', timeout: 60000 });
  fs.rmSync(profile, { recursive: true, force: true });
  return r.stdout || '';
}

test('the 404 page links to the locale homes from any depth', { skip: (!have404 && 'SITE with 404.html not given') || (!chromium && 'no Chromium installed') }, () => {
  const html = fs.readFileSync(page404, 'utf8');
  const code = /data-locale="([^"]+)"/.exec(html)?.[1];
  assert.ok(code, '404.html lists the languages');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'donorbook-404-'));
  try {
    // The site under a sub-folder, and the 404 answered three folders below a locale folder.
    for (const dir of ['site/', `site/${code}/modules/nope/x/`]) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, 'index.html'), html);
    }
    const home = pathToFileURL(path.join(root, 'site', code, 'index.html')).pathname;
    const deep = dumpDom(pathToFileURL(path.join(root, `site/${code}/modules/nope/x/index.html`)).href);
    assert.ok(deep.includes(`href="${home}"`), `link to ${home} in:\n${deep}`);
    const top = dumpDom(pathToFileURL(path.join(root, 'site/index.html')).href);
    assert.ok(top.includes(`href="${encodeURIComponent(code)}/index.html"`), `relative links at the root stay:\n${top}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
