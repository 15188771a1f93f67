// A phone-sized screen (390 x 844, touch): the main pages fit its width without scrolling sideways, and stay
// accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, signIn, assertAccessible, assertNoHorizontalOverflow, screenshot } from '../lib/browser.mjs';
import { answersFrom, complete, start } from '../lib/questionnaire.mjs';

let browser;
let page;
before(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
});
after(async () => {
  await browser?.close();
});

test('the sign-in page fits a phone', async () => {
  await page.goto('/signin');
  await assertNoHorizontalOverflow(page, 'the sign-in page');
  await signIn(page, server().editorToken);
  await assertNoHorizontalOverflow(page, 'the home page');
});

test('the questionnaire, completed, fits a phone', async () => {
  await page.goto('/assess');
  await assertNoHorizontalOverflow(page, 'the questionnaire start');
  await start(page, 'ai_system', '2026-11-28');
  await assertNoHorizontalOverflow(page, 'the first question');
  await complete(page, answersFrom('cv-screening-saas.yaml'));
  await assertNoHorizontalOverflow(page, 'the completed questionnaire');
  await assertAccessible(page, 'the completed questionnaire on a phone');
  await screenshot(page, 'web-phone-assess.png');
});

test('the inventory fits a phone', async () => {
  const res = await page.goto('/inventory');
  assert.equal(res.status(), 200);
  await assertNoHorizontalOverflow(page, 'the inventory');
  await assertAccessible(page, 'the inventory on a phone');
});
