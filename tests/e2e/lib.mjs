// Shared helpers for check-a11y.mjs and check-offline.mjs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const TOOLS_HOME = process.env.TOOLS_HOME || path.dirname(fileURLToPath(import.meta.url));

// Load/resolve packages installed by setup.sh in $TOOLS_HOME (not next to this script).
function fromTools(name, how) {
  try {
    const req = createRequire(path.join(TOOLS_HOME, 'package.json'));
    return how === 'resolve' ? req.resolve(name) : req(name);
  } catch {
    console.error(`cannot load ${name} from ${TOOLS_HOME}; run setup.sh first`);
    process.exit(2);
  }
}
export const toolsRequire = (name) => fromTools(name, 'require');
export const toolsResolve = (name) => fromTools(name, 'resolve');

// Parse "SITE_DIR [--max-pages N]"; returns { site, maxPages }.
export function parseArgs(usage) {
  const argv = process.argv.slice(2);
  let site, maxPages = Infinity, bad = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-pages') maxPages = Number(argv[++i]);
    else if (argv[i].startsWith('-') || site) bad = true;
    else site = argv[i];
  }
  if (bad || !site || !fs.statSync(site, { throwIfNoEntry: false })?.isDirectory() || !(maxPages > 0)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { site: fs.realpathSync(site), maxPages };
}

// All .html files under dir, sorted; if more than max, an evenly spaced (deterministic) sample.
// The result's .total is the number of pages before sampling.
export function htmlPages(dir, max = Infinity) {
  const all = fs.readdirSync(dir, { recursive: true })
    .filter((f) => /\.html?$/i.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort();
  if (!all.length) { console.log(`${path.basename(process.argv[1], '.mjs')}: FAIL — no .html files in ${dir}`); process.exit(1); }
  const pages = all.length <= max ? all : Array.from({ length: max }, (_, i) => all[Math.floor((i * all.length) / max)]);
  return Object.assign(pages, { total: all.length });
}

export const fileUrl = (site, rel) => pathToFileURL(path.join(site, rel)).href;

// Any unexpected failure ends the run (exit 2) instead of leaving a browser hanging.
for (const ev of ['uncaughtException', 'unhandledRejection'])
  process.on(ev, (e) => { console.error(`internal error: ${e?.stack || e}`); process.exit(2); });

// The page left for another URL (meta refresh / script redirect) while we were working on it.
export const isNavigation = (e) => /interrupted by another navigation|context was destroyed/i.test(e.message);

// Is the page still showing `url`, or did it redirect (meta refresh / script)?
export const stillOn = (page, url) => {
  try { return fileURLToPath(page.url()) === fileURLToPath(url); } catch { return false; }
};

// Reject if `promise` takes longer than `ms` (page.evaluate has no timeout of its own).
export const within = (ms, promise) => Promise.race([promise, new Promise((_, reject) =>
  setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms).unref())]);

// Schemes that never leave the machine.
export const isLocal = (url) => /^(file|data|blob|about|chrome-error):/i.test(url);

// One headless Chromium (Debian's) + one context, with every non-local request aborted.
// Defence in depth: hosts resolve to nothing and any HTTP(S)/WS that slips through goes
// to a closed loopback port, so no traffic ever leaves the machine.
export async function openBrowser() {
  const { chromium } = toolsRequire('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9'],
  });
  // COLOR_SCHEME=dark renders pages as a reader with a dark system theme sees them.
  const context = await browser.newContext({ bypassCSP: true, colorScheme: process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light' });
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
  return { browser, context };
}
