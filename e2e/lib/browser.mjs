// Debian's Chromium driven by playwright-core (no browser download), axe-core injected from node_modules, and the
// helpers every test shares: sign-in with a service token, the accessibility check, screenshots for the docs.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot } from './server.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/** The flags keep Chromium off the network: this machine reaches nothing but loopback. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
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
}

/** The server the test run started (e2e/run.mjs puts its address and tokens into the environment). */
export function server() {
  const base = process.env.AIGOV_E2E_BASE;
  if (!base) throw new Error('AIGOV_E2E_BASE is not set: run the tests through `node run.mjs` (or .ci/browser-tests)');
  return {
    base,
    editorToken: process.env.AIGOV_E2E_EDITOR_TOKEN,
    viewerToken: process.env.AIGOV_E2E_VIEWER_TOKEN,
  };
}

/** A fresh browser context (its own cookies) on the server, with a desktop viewport unless told otherwise. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: server().base,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    // The pages' content security policy allows only the server's own scripts; axe-core is injected by the test.
    bypassCSP: true,
    ...options,
  });
  const page = await context.newPage();
  // Pages answer in milliseconds here; a missing element fails in 10 s rather than Playwright's 30.
  page.setDefaultTimeout(10000);
  // Any script error on a page is a failure of that page.
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.scriptErrors = errors;
  return page;
}

/**
 * Signs in through the sign-in page, as a person does: paste the token, press the button; then the app shows who
 * is signed in. `next` is the page to come back to.
 */
export async function signIn(page, token, next = '/') {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.locator('#token').fill(token);
  await page.locator('#signin-submit').click();
  await page.waitForURL((url) => url.pathname !== '/signin');
  await page.locator('#signed-in-as').waitFor();
}

/**
 * Runs axe-core on the page as it is now and fails on any violation of impact serious or critical, naming each
 * rule, its help text and the first elements it found.
 */
export async function assertAccessible(page, what) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
    .join('\n  ');
  assert.equal(bad.length, 0, `axe-core found serious or critical violations on ${what} (${page.url()}):\n  ${text}`);
  return result;
}

/**
 * Takes a screenshot of a page or of one element (a locator). With AIGOV_SCREENSHOTS=1 it is written into docs/img/
 * (the README shows some of them); otherwise it is only rendered, so that a test run leaves the checkout unchanged
 * (pages show a new random subject id and timestamps on every run).
 */
export async function screenshot(page, name, options = {}) {
  if (!process.env.AIGOV_SCREENSHOTS) {
    await page.screenshot({ ...options });
    return null;
  }
  const dir = join(repoRoot, 'docs', 'img');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  await page.screenshot({ path, ...options });
  return path;
}

/** Fails if the page is wider than its viewport (a phone must not scroll sideways). */
export async function assertNoHorizontalOverflow(page, what) {
  const { scroll, client, culprits } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && getComputedStyle(el).position !== 'fixed') {
        wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(/\s+/).join('.') : ''} (right ${Math.round(r.right)})`);
      }
      if (wide.length >= 5) break;
    }
    return { scroll: document.documentElement.scrollWidth, client: w, culprits: wide };
  });
  assert.ok(scroll <= client + 1, `${what} scrolls sideways on a ${client}px screen (${scroll}px wide): ${culprits.join(', ')}`);
}
