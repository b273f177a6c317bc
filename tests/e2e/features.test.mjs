// Training features in headless Chromium from file:// with all network blocked:
// a quiz answered by keyboard alone, "mark as done" surviving a reload, glossary definitions on
// focus, the language switcher, and right-to-left pages. Run by tests/e2e/run.sh with SITE set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, fileUrl } from './lib.mjs';

const SITE = process.env.SITE || path.resolve('public');
let browser, context;
const errors = [];

before(async () => {
  ({ browser, context } = await openBrowser());
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(String(e))));
});
after(async () => { await browser?.close(); });

/** The first English lesson whose HTML contains `needle`. */
function lessonWith(needle) {
  const modules = path.join(SITE, 'en/modules');
  for (const m of fs.readdirSync(modules).sort()) {
    const dir = path.join(modules, m);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const l of fs.readdirSync(dir).sort()) {
      const f = path.join(dir, l, 'index.html');
      if (l !== 'print' && fs.existsSync(f) && fs.readFileSync(f, 'utf8').includes(needle)) return path.relative(SITE, f);
    }
  }
  throw new Error(`no lesson contains ${needle}`);
}

async function open(rel) {
  const page = await context.newPage();
  await page.goto(fileUrl(SITE, rel));
  return page;
}

test('a quiz can be answered with the keyboard alone and the result is announced', async () => {
  const rel = lessonWith('data-quiz');
  const page = await open(rel);
  const quiz = page.locator('form[data-quiz]').first();
  const id = await quiz.getAttribute('id');
  const inputs = quiz.locator('input');
  const count = await inputs.count();
  let wrong = -1, right = -1;
  for (let i = 0; i < count; i++) {
    const correct = await inputs.nth(i).getAttribute('data-correct');
    if (correct === null && wrong < 0) wrong = i;
    if (correct !== null && right < 0) right = i;
  }
  assert.ok(wrong >= 0 && right >= 0, 'the quiz has a wrong and a right choice');
  const multiple = (await quiz.getAttribute('data-multiple')) !== null;
  const result = quiz.locator('.quiz-result');
  assert.equal(await result.getAttribute('aria-live'), 'polite');

  // Reach the wrong choice by keyboard: focus the first input, then arrow/Tab to it.
  await inputs.first().focus();
  for (let i = 0; i < wrong; i++) await page.keyboard.press(multiple ? 'Tab' : 'ArrowDown');
  await page.keyboard.press('Space');
  assert.equal(await inputs.nth(wrong).isChecked(), true);
  await quiz.locator('.quiz-check').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => document.querySelector(`#${q} .quiz-result`).textContent.trim() !== '', id);
  assert.match(await result.getAttribute('class'), /is-wrong/);

  if (multiple) { await inputs.nth(wrong).focus(); await page.keyboard.press('Space'); }
  for (let i = 0; i < count; i++) {
    if ((await inputs.nth(i).getAttribute('data-correct')) !== null && !(await inputs.nth(i).isChecked())) {
      await inputs.nth(i).focus();
      await page.keyboard.press('Space');
    }
  }
  await quiz.locator('.quiz-check').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => document.querySelector(`#${q} .quiz-result`).classList.contains('is-correct'), id);
  await page.waitForFunction((q) => document.querySelector(`#${q} .quiz-result`).textContent.trim() !== '', id);
  assert.ok((await result.textContent()).length > 0);
  await page.close();
});

test('the answer stays reachable without JavaScript', async () => {
  const rel = lessonWith('data-quiz');
  const html = fs.readFileSync(path.join(SITE, rel), 'utf8');
  assert.match(html, /<details class="quiz-answer">/);
  assert.match(html, /class="quiz-answer-text"/);
});

test('"mark as done" survives a reload and shows on the module page', async () => {
  const rel = lessonWith('data-progress-lesson');
  const page = await open(rel);
  const box = page.locator('#lesson-done');
  await box.waitFor({ state: 'visible' });
  await box.focus();
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
  await page.reload();
  await page.locator('#lesson-done').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#lesson-done').isChecked(), true);
  const lessonId = await page.locator('[data-progress-lesson]').getAttribute('data-progress-lesson');
  await page.goto(fileUrl(SITE, path.join(path.dirname(path.dirname(rel)), 'index.html')));
  const mark = page.locator(`li[data-lesson="${lessonId}"] .done-mark`);
  await mark.waitFor({ state: 'visible' });
  // The start button now continues with the first lesson not yet done.
  const firstOpen = page.locator('li[data-lesson]').filter({ hasNot: page.locator('.done-mark:visible') }).first();
  const nextTitle = (await firstOpen.locator('a').textContent()).trim();
  const button = page.locator('a[data-continue]');
  assert.match(await button.textContent(), new RegExp(`^Continue with \u2068?${nextTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u2069?$`));
  assert.equal(await button.getAttribute('href'), await firstOpen.locator('a').getAttribute('href'));
  await page.close();
});

test('a glossary definition appears on keyboard focus and Escape hides it', async () => {
  const rel = lessonWith('class="term"');
  const page = await open(rel);
  const term = page.locator('.term').first();
  const tip = term.locator('.term-tip');
  assert.equal(await tip.isVisible(), false);
  await term.locator('a').focus();
  await tip.waitFor({ state: 'visible' });
  const described = await term.locator('a').getAttribute('aria-describedby');
  assert.equal(described, await tip.getAttribute('id'));
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  await page.close();
});

test('the language switcher and previous/next land on existing pages, rtl where it should', async () => {
  const rel = lessonWith('rel="next"');
  const page = await open(rel);
  const fa = page.locator('.languages a[hreflang="fa"]');
  const href = await fa.getAttribute('href');
  await page.goto(new URL(href, page.url()).href);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
  const next = page.locator('a[rel="next"]');
  if (await next.count()) {
    await next.click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
    assert.ok(await page.locator('h1').count() > 0);
  }
  await page.close();
});

test('the printable module prints its contents box, runs lessons on, and shows round single-choice options', async () => {
  const rel = fs.readdirSync(path.join(SITE, 'en/modules')).sort()
    .map((m) => path.join('en/modules', m, 'print/index.html'))
    .find((f) => fs.existsSync(path.join(SITE, f)) && fs.readFileSync(path.join(SITE, f), 'utf8').includes('type="radio"'));
  assert.ok(rel, 'a print page with a single-choice quiz');
  const page = await open(rel);
  await page.emulateMedia({ media: 'print' });
  const style = await page.evaluate(() => ({
    toc: getComputedStyle(document.querySelector('.print-module .toc')).display,
    lessonBreak: getComputedStyle(document.querySelector('.print-lesson')).breakBefore,
    answerKeyBreak: getComputedStyle(document.querySelector('.answer-key')).breakBefore,
    radius: getComputedStyle(document.querySelector('.quiz-choice input[type="radio"]')).borderTopLeftRadius,
    header: getComputedStyle(document.querySelector('.site-header')).display,
  }));
  assert.notEqual(style.toc, 'none', 'the contents box is printed');
  assert.equal(style.lessonBreak, 'auto', 'a short lesson does not start a new sheet');
  assert.equal(style.answerKeyBreak, 'page', 'the answer key starts its own sheet');
  assert.equal(style.radius, '50%', 'single-choice options print as circles');
  assert.equal(style.header, 'none');
  await page.close();
});

test('no gap between "Check my answer" and "Show the answer" before answering', async () => {
  const page = await open(lessonWith('data-quiz'));
  const gap = await page.evaluate(() => {
    const q = document.querySelector('form[data-quiz]');
    const b = q.querySelector('.quiz-check').getBoundingClientRect();
    const d = q.querySelector('.quiz-answer').getBoundingClientRect();
    return d.top - b.bottom;
  });
  assert.ok(gap < 24, `gap of ${gap}px`);
  await page.close();
});

test('no uncaught script errors on the pages visited', () => {
  assert.deepEqual(errors, []);
});

test('without JavaScript: script-only controls are hidden, answers stay reachable, search says what to do', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  try {
    const page = await noJs.newPage();
    await page.goto(fileUrl(SITE, lessonWith('data-quiz')));
    assert.equal(await page.locator('.quiz-check').first().isVisible(), false, '"Check my answer" does nothing without scripts');
    assert.equal(await page.locator('.quiz-answer summary').first().isVisible(), true, 'the answer stays reachable');
    if (await page.locator('#lesson-done').count()) assert.equal(await page.locator('#lesson-done').isVisible(), false);
    await page.goto(fileUrl(SITE, 'en/search/index.html'));
    assert.equal(await page.locator('#search-form').isVisible(), false, 'no form that cannot search');
    assert.match(await page.locator('main').innerText(), /JavaScript/, 'the page says what to do instead');
  } finally {
    await noJs.close();
  }
});
