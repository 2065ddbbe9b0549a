// Browser tests of the codepub HTML editions, run by `node --test` (see run.sh).
//
// CODEPUB_HTML_DIR: the HTML output folder (index.html, en.html, ja.html, style.css).
// CODEPUB_SCREENSHOT_DIR: where screenshots and print PDFs go (an ignored folder).
// CHROMIUM: the browser binary, /usr/bin/chromium by default (Debian's; never downloaded).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const htmlDir = resolve(process.env.CODEPUB_HTML_DIR ?? '');
const shotDir = resolve(process.env.CODEPUB_SCREENSHOT_DIR ?? join(htmlDir, '..', 'html-screenshots'));
const axePath = join(here, 'node_modules', 'axe-core', 'axe.min.js');
const vnuJar = join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

const PAGES = ['index.html', 'en.html', 'ja.html'];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 375, height: 812 },
];

let browser;

before(async () => {
  assert.ok(process.env.CODEPUB_HTML_DIR, 'set CODEPUB_HTML_DIR to the HTML output folder');
  for (const page of [...PAGES, 'style.css']) {
    assert.ok(existsSync(join(htmlDir, page)), `${join(htmlDir, page)} is missing`);
  }
  mkdirSync(shotDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** Opens `file` at `viewport`; every request that is not for a local file fails the test. */
async function open(file, viewport, { javaScript = true } = {}) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  const foreign = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(htmlDir, file)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { context, page, foreign };
}

for (const file of PAGES) {
  for (const viewport of VIEWPORTS) {
    test(`${file} at ${viewport.width}px: layout, no overflow, no foreign request`, async () => {
      const { context, page, foreign } = await open(file, viewport);
      try {
        const layout = await page.evaluate(() => {
          const root = document.documentElement;
          const pairs = [...document.querySelectorAll('.pair')]
            .map((pair) => {
              const en = pair.querySelector(':scope > [lang="en"]');
              const ja = pair.querySelector(':scope > [lang="ja"]');
              return en && ja
                ? { en: en.getBoundingClientRect().top, ja: ja.getBoundingClientRect().top, text: en.textContent.trim().slice(0, 50) }
                : null;
            })
            .filter(Boolean);
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
            .map((el) => el.tagName + '.' + el.className);
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, pairs, wide };
        });
        assert.deepEqual(foreign, [], 'requests to other hosts');
        assert.ok(
          layout.scrollWidth <= layout.clientWidth,
          `horizontal overflow: scrollWidth ${layout.scrollWidth} > clientWidth ${layout.clientWidth}; wide: ${layout.wide.slice(0, 5)}`,
        );
        assert.deepEqual(layout.wide, [], 'elements wider than the viewport');
        if (file === 'index.html') {
          assert.ok(layout.pairs.length > 40, `only ${layout.pairs.length} paired rows`);
          for (const pair of layout.pairs) {
            if (viewport.name === 'desktop') {
              assert.ok(Math.abs(pair.en - pair.ja) < 0.5, `row "${pair.text}": en at ${pair.en}, ja at ${pair.ja}`);
            } else {
              assert.ok(pair.ja > pair.en, `row "${pair.text}" is not stacked: en at ${pair.en}, ja at ${pair.ja}`);
            }
          }
        } else {
          assert.equal(layout.pairs.length, 0, 'a single-language page has no pairs');
        }
        const name = `${file.replace('.html', '')}-${viewport.width}`;
        await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
        // Details at full size: the first screen, a clause with a note reference, the notes, the back cover.
        await page.screenshot({ path: join(shotDir, `${name}-top.png`) });
        for (const [part, selector] of [['principle-1', '#principle-1'], ['footnotes', '.footnotes'], ['back-cover', 'footer']]) {
          await page.locator(selector).first().screenshot({ path: join(shotDir, `${name}-${part}.png`) });
        }
      } finally {
        await context.close();
      }
    });
  }
}

test('pages read without JavaScript', async () => {
  for (const file of PAGES) {
    const { context, page, foreign } = await open(file, VIEWPORTS[0], { javaScript: false });
    try {
      assert.deepEqual(foreign, []);
      assert.ok((await page.locator('main .cell, main p').count()) > 20, `${file}: no text without JavaScript`);
      assert.equal(await page.locator('script').count(), 0, `${file} has a script element`);
    } finally {
      await context.close();
    }
  }
});

test('Japanese typography: strict line breaking, bold not italic emphasis, Japanese fonts first', async () => {
  for (const file of ['index.html', 'ja.html']) {
    const { context, page } = await open(file, VIEWPORTS[0]);
    try {
      const style = await page.evaluate(() => {
        const cell = document.querySelector('main p:lang(ja)');
        const em = document.createElement('em');
        em.textContent = '強調';
        cell.append(em);
        const emStyle = getComputedStyle(em);
        const cellStyle = getComputedStyle(cell);
        const result = {
          lineBreak: cellStyle.lineBreak,
          fontFamily: cellStyle.fontFamily,
          emStyle: emStyle.fontStyle,
          emWeight: Number(emStyle.fontWeight),
        };
        em.remove();
        return result;
      });
      assert.equal(style.lineBreak, 'strict', file);
      assert.match(style.fontFamily, /^"Hiragino Mincho ProN"/, file);
      assert.equal(style.emStyle, 'normal', `${file}: Japanese emphasis is italic`);
      assert.ok(style.emWeight >= 700, `${file}: Japanese emphasis is not bold`);
    } finally {
      await context.close();
    }
  }
});

test('anchors, table of contents and footnote links', async () => {
  const { context, page } = await open('index.html', VIEWPORTS[0]);
  try {
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="#"]')].map((a) => ({
        href: a.getAttribute('href'),
        found: document.getElementById(a.getAttribute('href').slice(1)) !== null,
      })),
    );
    assert.ok(links.length > 15);
    for (const link of links) assert.ok(link.found, `${link.href} points nowhere`);
    assert.ok(links.some((l) => l.href === '#principle-3'), 'contents link to principle 3');
    await page.click('a[href="#fn-ja-1"]');
    assert.equal(await page.evaluate(() => location.hash), '#fn-ja-1');
    await page.click('#fn-ja-1 .backref');
    assert.equal(await page.evaluate(() => location.hash), '#fnref-ja-1');
  } finally {
    await context.close();
  }
});

test('print: A4 pages, title page and back cover on their own', async () => {
  for (const file of PAGES) {
    const { context, page } = await open(file, VIEWPORTS[0]);
    try {
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => {
        const pair = document.querySelector('main .pair:not(.heading)');
        return {
          columns: getComputedStyle(pair).gridTemplateColumns.split(' ').length,
          coverBreak: getComputedStyle(document.querySelector('.cover')).breakAfter,
          backCoverBreak: getComputedStyle(document.querySelector('.colophon')).breakBefore,
          editions: getComputedStyle(document.querySelector('.editions')).display,
        };
      });
      assert.equal(print.columns, file === 'index.html' ? 2 : 1, `${file}: columns in print`);
      assert.equal(print.coverBreak, 'page', `${file}: title page not on its own`);
      assert.equal(print.backCoverBreak, 'page', `${file}: back cover not on its own page`);
      assert.equal(print.editions, 'none', `${file}: edition links printed`);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const name = file.replace('.html', '');
      writeFileSync(join(shotDir, `${name}-print.pdf`), pdf);
      const text = pdf.toString('latin1');
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      assert.ok(boxes.length >= 3, `${file}: ${boxes.length} printed pages`);
      for (const [, w, h] of boxes) {
        assert.ok(Math.abs(w - 595.92) < 2 && Math.abs(h - 842.88) < 2, `${file}: page is ${w}×${h} pt, not A4`);
      }
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: join(shotDir, `${name}-print.png`), fullPage: true });
    } finally {
      await context.close();
    }
  }
});

for (const viewport of VIEWPORTS) {
  test(`axe-core finds no violation at ${viewport.width}px`, async () => {
    for (const file of PAGES) {
      const { context, page } = await open(file, viewport);
      try {
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const results = await window.axe.run(document, { resultTypes: ['violations'] });
          return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        });
        assert.deepEqual(violations, [], `${file}: axe violations`);
      } finally {
        await context.close();
      }
    }
  });
}

test('the Nu HTML Checker finds no error', () => {
  const files = PAGES.map((file) => join(htmlDir, file));
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--also-check-css', ...files, join(htmlDir, 'style.css')], {
    encoding: 'utf8',
  });
  assert.equal(run.error, undefined, `cannot run java: ${run.error}`);
  assert.equal(run.status, 0, `vnu reported errors:\n${run.stderr}${run.stdout}`);
});
