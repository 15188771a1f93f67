// A viewer reads but cannot change: the questionnaire works for a viewer (nothing is stored), the Save form is
// not offered, and a crafted post to save is refused, and nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, signIn, assertAccessible } from '../lib/browser.mjs';
import { answerQuestion, answersFrom, start } from '../lib/questionnaire.mjs';

const NAME = 'Viewer tries to save (browser test)';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function storedNames() {
  const res = await fetch(`${server().base}/api/v1/subjects?limit=1000`, {
    headers: { Authorization: `Bearer ${server().editorToken}` },
  });
  assert.equal(res.status, 200);
  return JSON.stringify(await res.json());
}

test('a viewer signs in and is not offered to save a subject to the inventory', async () => {
  const page = await newPage(browser);
  await signIn(page, server().viewerToken);
  assert.match(await page.locator('#signed-in-as').innerText(), /viewer/);
  await start(page, 'ai_system', '2026-11-28');
  await answerQuestion(page, answersFrom('cv-screening-saas.yaml'));
  // A viewer is not offered the Save form, only a note that saving needs an editor token.
  await page.locator('#save-needs-editor').waitFor();
  assert.equal(await page.locator('#save-submit').count(), 0);
  assert.equal(await page.locator('#save-form').count(), 0);
  await assertAccessible(page, 'the questionnaire for a viewer');
  assert.ok(!(await storedNames()).includes(NAME), 'the viewer stored a subject');
  await page.context().close();
});

test('a viewer\'s crafted post to save is refused by the server too', async () => {
  const page = await newPage(browser);
  await signIn(page, server().viewerToken);
  // The browser's own fetch, with the viewer's session cookie and this site's Origin.
  const status = await page.evaluate(async (name) => {
    const body = new URLSearchParams({ name, as_of: '2026-11-28', manifest: '{"subject":"ai_system"}' });
    const res = await fetch('/assess/save', { method: 'POST', body, redirect: 'manual' });
    return res.status;
  }, NAME);
  assert.equal(status, 403);
  assert.ok(!(await storedNames()).includes(NAME), 'the viewer stored a subject');
  await page.context().close();
});
