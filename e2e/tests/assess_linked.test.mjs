// One product, one manifest, in the questionnaire: the lab's model and the chatbot built on it pasted as one manifest
// are asked about subject by subject (each question headed by the subject it concerns, the organization's once), each
// answer is kept in its subject's entry, the assessment shows each finding under its subject, and once saved the
// printable report lists both subjects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, server, signIn, assertAccessible } from '../lib/browser.mjs';
import { currentQuestion, submitAndWait } from '../lib/questionnaire.mjs';
import { repoRoot } from '../lib/server.mjs';

const NAME = 'Example Labs, model and chatbot (browser test)';

let browser;
let page;
before(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await signIn(page, server().editorToken);
});
after(async () => {
  await browser?.close();
});

/** The answers so far, as the form carries them. */
async function answersSoFar() {
  return JSON.parse(await page.locator('#question-form input[name="manifest"]').inputValue());
}

test('a pasted manifest of linked subjects is assessed per subject, not refused or flattened', async () => {
  await page.goto('/assess');
  const source = readFileSync(join(repoRoot, 'examples', 'frontier-lab-model-and-chatbot.yaml'), 'utf8');
  await page.locator('#manifest-source').fill(source);
  await page.locator('#manifest-as-of').fill('2026-11-28');
  await page.locator('#manifest-submit').click();
  await page.locator('#questionnaire').waitFor();
  await page.waitForLoadState('load');
  // Each subject's assessment under its heading, in the manifest's order, each finding naming its subject.
  const sections = page.locator('#assessment-live section.linked-subject');
  assert.deepEqual(await sections.evaluateAll((s) => s.map((x) => x.dataset.subjectId)), ['atlas', 'atlas-chat']);
  assert.match(await page.locator('#subject-atlas-heading').innerText(), /Subject 1 of 2: atlas \(model\)/);
  const gpai = page.locator('#subject-atlas li.classification[data-tier="gpai_systemic_risk"]');
  assert.equal(await gpai.getAttribute('data-subject'), 'atlas');
  assert.equal((await answersSoFar()).subjects[1].built_on, 'atlas');
  await assertAccessible(page, 'the questionnaire on linked subjects');
});

test('each question is headed by its subject and each answer is kept in that subject', async () => {
  // The organization's question first, for every subject.
  assert.equal((await currentQuestion(page)).fact, 'organization.accredited_academic_institution');
  assert.equal(await page.locator('#question-subject').innerText(), 'For the organization (every subject):');
  await page.locator('#answer-no').check();
  await submitAndWait(page, () => page.locator('#answer-submit').click());
  // Then the model's own.
  assert.equal((await currentQuestion(page)).fact, 'model.supplied_to_federal_agencies');
  assert.equal(await page.locator('#question-subject').getAttribute('data-subject'), 'atlas');
  assert.equal(await page.locator('#question-subject').innerText(), 'For atlas (model):');
  await page.locator('#answer-yes').check();
  await submitAndWait(page, () => page.locator('#answer-submit').click());
  // "I don't know" remembers the fact for its subject.
  await submitAndWait(page, () => page.locator('#answer-unknown').click());
  assert.match(await page.locator('#skipped').innerText(), /atlas:model\.federal_solicitation_date/);
  const m = await answersSoFar();
  assert.equal(m.organization.accredited_academic_institution, false);
  assert.equal(m.subjects[0].model.supplied_to_federal_agencies, true);
  assert.equal(m.subjects[1].model, undefined, 'the model\'s answer is not copied into the chatbot');
  await assertAccessible(page, 'a question on a linked subject');
  assert.deepEqual(page.scriptErrors, []);
});

test('saved, its page and its printable report list every subject', async () => {
  await page.locator('#subject-name').fill(NAME);
  await page.locator('#save-submit').click();
  await page.waitForLoadState('load');
  await page.locator('#subject-name-heading').waitFor();
  assert.equal(await page.locator('#subject-name-heading').innerText(), NAME);
  assert.equal(await page.locator('section.linked-subject').count(), 2);
  await page.locator('#report-link').click();
  await page.waitForLoadState('load');
  const text = await page.locator('main').innerText();
  const model = text.indexOf('Subject 1 of 2: atlas (model)');
  const chat = text.indexOf('Subject 2 of 2: atlas-chat (ai_system) — built on atlas');
  assert.ok(model >= 0 && chat > model, text.slice(0, 2000));
  assert.match(text, /atlas-chat: Classifications/);
  await assertAccessible(page, 'the printable report of linked subjects');
});
