// Sign-in with the service's tokens, sign-out, the error pages: as a person meets them, each checked by axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, signIn, assertAccessible, screenshot } from '../lib/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the sign-in page names its field and is accessible', async () => {
  const page = await newPage(browser);
  await page.goto('/');
  await page.locator('#sign-in-link').click();
  assert.equal(new URL(page.url()).pathname, '/signin');
  await page.getByLabel('Token').waitFor();
  await assertAccessible(page, 'the sign-in page');
  await screenshot(page, 'web-signin.png');
  assert.deepEqual(page.scriptErrors, []);
  await page.context().close();
});

test('a wrong token is refused with a message tied to the field', async () => {
  const page = await newPage(browser);
  await page.goto('/signin');
  await page.locator('#token').fill('aigov_not_a_real_token');
  await page.locator('#signin-submit').click();
  await page.locator('#signin-error').waitFor();
  assert.equal(new URL(page.url()).pathname, '/signin');
  assert.equal(await page.locator('#token').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#signed-in-as').count(), 0);
  await assertAccessible(page, 'the sign-in page with its error');
  await page.context().close();
});

test('an editor signs in, comes back to the page asked for, and signs out', async () => {
  const page = await newPage(browser);
  await page.goto('/signin?next=%2F%3Flang%3Dzh-CN');
  await page.locator('#token').fill(server().editorToken);
  await page.locator('#signin-submit').click();
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('lang') === 'zh-CN');
  assert.match(await page.locator('#signed-in-as').innerText(), /e2e-editor/);
  // The cookie holds the token out of reach of scripts.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'aigov_session');
  assert.ok(session, 'a session cookie is set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  await page.locator('#sign-out').click();
  await page.locator('#sign-in-link').waitFor();
  assert.equal((await page.context().cookies()).filter((c) => c.name === 'aigov_session' && c.value).length, 0);
  await page.context().close();
});

test('an unknown page shows the error page, accessible, with a way back', async () => {
  const page = await newPage(browser);
  await signIn(page, server().viewerToken);
  const res = await page.goto('/no-such-page');
  assert.equal(res.status(), 404);
  assert.equal(await page.locator('#problem').getAttribute('data-status'), '404');
  await assertAccessible(page, 'the 404 page');
  await page.context().close();
});
