// The live reload of `codepub serve` in a real browser: opens URL in headless Chromium, waits
// for the page to show BEFORE, then replaces BEFORE with AFTER in the source FILE and waits for
// the page to show AFTER, with no reload from here: `serve`'s script must do it. Prints the
// time from the edit to the new text, and fails past LIMIT_MS (2000 by default). With ALSO, the
// page must then show ALSO too (the preview's banner, say) and must not before the edit.
//
// usage: node live_reload.mjs URL FILE BEFORE AFTER [LIMIT_MS [ALSO]]
// CHROMIUM: the browser binary, /usr/bin/chromium by default (Debian's; never downloaded).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [url, file, before, after, limitArg, also] = process.argv.slice(2);
const limit = Number(limitArg ?? 2000);
if (!url || !file || !before || !after) {
  console.error('usage: node live_reload.mjs URL FILE BEFORE AFTER [LIMIT_MS [ALSO]]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let failed = false;
try {
  const page = await browser.newPage();
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.goto(url, { waitUntil: 'load' });
  const text = () => page.evaluate(() => document.body.innerText);
  if (!(await text()).includes(before)) throw new Error(`the page does not show ${JSON.stringify(before)}`);
  if ((await text()).includes(after)) throw new Error(`the page shows ${JSON.stringify(after)} before the edit`);
  if (also && (await text()).includes(also)) throw new Error(`the page shows ${JSON.stringify(also)} before the edit`);
  // Let the page's event stream connect before the edit.
  await page.waitForTimeout(300);
  const loadsBefore = loads;
  const source = readFileSync(file, 'utf8');
  if (!source.includes(before)) throw new Error(`${file} does not contain ${JSON.stringify(before)}`);
  const edited = Date.now();
  writeFileSync(file, source.replace(before, after));
  await page.waitForFunction((wanted) => document.body.innerText.includes(wanted), after, { timeout: limit, polling: 50 });
  const elapsed = Date.now() - edited;
  console.log(`the page showed the edit ${elapsed} ms after it (limit ${limit} ms), reloaded ${loads - loadsBefore} time(s)`);
  if (loads === loadsBefore) throw new Error('the page changed without loading again');
  if (also) {
    if (!(await text()).includes(also)) throw new Error(`the page does not show ${JSON.stringify(also)}`);
    console.log(`the page showed the edit and ${JSON.stringify(also)}`);
  }
} catch (error) {
  console.error(`live reload failed: ${error.message}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
