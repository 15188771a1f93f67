// Keyboard only: start the questionnaire and answer a question without a mouse; after the answer, focus is on the
// next question, so a keyboard or screen-reader user goes on where the form is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, signIn } from '../lib/browser.mjs';
import { submitAndWait } from '../lib/questionnaire.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Presses Tab until `pred(activeElement)` holds (at most `max` presses); fails otherwise. */
async function tabTo(page, what, pred, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return;
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      id: el.id,
      fact: el.closest('#question')?.dataset.fact ?? null,
      // A visible focus indicator: an outline or a ring drawn with a shadow.
      visible: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
    };
  });

test('a question is answered with the keyboard alone, and focus moves to the next one', async () => {
  const page = await newPage(browser);
  await signIn(page, server().editorToken);
  await page.goto('/assess');
  // The first Tab reaches the skip link, which leads into the content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  // The kinds are one group of radio buttons: Tab into it, arrows to "ai_system".
  await tabTo(page, 'the kinds', () => document.activeElement.name === 'kind');
  for (let i = 0; i < 12 && !(await page.locator('#kind-ai_system').isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.locator('#kind-ai_system').isChecked(), true, 'the arrows reach ai_system');
  await tabTo(page, 'the start button', () => document.activeElement.id === 'start');
  assert.equal((await active(page)).visible, true, 'the focused button shows it has focus');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  await tabTo(page, 'the first question', () => document.activeElement.closest('#question') !== null);
  const first = await active(page);
  assert.equal(first.fact, 'ai_system.roles');
  assert.equal(first.visible, true, 'the focused answer shows it has focus');
  assert.equal(first.id, 'answer-provider');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#answer-provider').isChecked(), true);
  await tabTo(page, 'the answer button', () => document.activeElement.id === 'answer-submit');
  // Enter, then wait for htmx to swap and settle the next question (app.js moves focus on settle).
  await submitAndWait(page, () => page.keyboard.press('Enter'));

  const next = await active(page);
  assert.ok(next.fact && next.fact !== 'ai_system.roles', `focus is on the next question, not on ${JSON.stringify(next)}`);
  // The answer was taken: the provider's duties are now among the findings, or at least the role is recorded.
  assert.match(await page.locator('#question-form input[name="manifest"]').inputValue(), /provider/);
  assert.deepEqual(page.scriptErrors, []);
  await page.context().close();
});
