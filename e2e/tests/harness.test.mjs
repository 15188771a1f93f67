// The harness itself: Debian's Chromium reaches the server started by run.mjs, and axe-core runs in a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, assertAccessible } from '../lib/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('Chromium reaches the aigov server on loopback', async () => {
  const page = await newPage(browser);
  const res = await page.goto('/healthz');
  assert.equal(res.status(), 200);
  assert.ok(server().base.startsWith('http://127.0.0.1:'));
  await page.context().close();
});

test('axe-core runs and reports a serious violation when there is one', async () => {
  const page = await newPage(browser);
  // An image without alternative text is a critical violation (image-alt): the check must catch it.
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>');
  await assert.rejects(assertAccessible(page, 'a page with an unlabelled image'), /image-alt/);
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>Fine</h1></main></html>');
  await assertAccessible(page, 'a plain page');
  await page.context().close();
});
