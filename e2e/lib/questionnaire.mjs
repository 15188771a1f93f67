// Drives the questionnaire (/assess) as a person does: one question at a time, answered from a manifest (the facts
// a person knows), "I don't know" for anything else.
import YAML from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

/** The answers a person gives, by fact path (`ai_system.roles`), from a bundled example. */
export function answersFrom(example) {
  const m = YAML.parse(readFileSync(join(repoRoot, 'examples', example), 'utf8'));
  const out = new Map();
  for (const [group, facts] of Object.entries(m)) {
    if (facts && typeof facts === 'object' && !Array.isArray(facts)) {
      for (const [k, v] of Object.entries(facts)) out.set(`${group}.${k}`, v);
    }
  }
  return out;
}

/**
 * Runs `action` (a click that submits the questionnaire) and waits until the questionnaire has been replaced
 * (htmx swaps #questionnaire; without JavaScript the whole page loads again).
 */
export async function submitAndWait(page, action) {
  await page.locator('#questionnaire').evaluate((el) => {
    el.dataset.e2eStale = '1';
    // htmx binds the new form after it settles; a person is never faster than that, a test can be.
    window.e2eSettled = false;
    document.addEventListener('htmx:afterSettle', () => (window.e2eSettled = true), { once: true });
  });
  await action();
  await page.locator('#questionnaire:not([data-e2e-stale])').waitFor();
  // After a whole-page load (no JavaScript) e2eSettled is undefined: nothing to wait for.
  await page.waitForFunction(() => window.e2eSettled !== false);
}

/** The question on screen: { fact, control } or null when none is left. */
export async function currentQuestion(page) {
  const q = page.locator('#question');
  if ((await q.count()) === 0) return null;
  return { fact: await q.getAttribute('data-fact'), control: await q.getAttribute('data-control') };
}

/** Answers the question on screen from `answers`, or says "I don't know"; returns what was answered. */
export async function answerQuestion(page, answers) {
  const q = await currentQuestion(page);
  if (!q) return null;
  const has = answers.has(q.fact) && answers.get(q.fact) !== null;
  if (!has) {
    await submitAndWait(page, () => page.locator('#answer-unknown').click());
    return { ...q, value: undefined };
  }
  const v = answers.get(q.fact);
  switch (q.control) {
    case 'yesno':
      await page.locator(v ? '#answer-yes' : '#answer-no').check();
      break;
    case 'one':
      await page.locator(`#answer-${v}`).check();
      break;
    case 'any':
      for (const id of v) await page.locator(`#answer-${id}`).check();
      break;
    default:
      await page.locator('#answer').fill(String(v));
  }
  await submitAndWait(page, () => page.locator('#answer-submit').click());
  return { ...q, value: v };
}

/** Starts a questionnaire for `kind` as of `asOf` from the start page. */
export async function start(page, kind, asOf) {
  await page.goto('/assess');
  await page.locator(`#kind-${kind}`).check();
  await page.locator('#as-of').fill(asOf);
  await page.locator('#start').click();
  await page.locator('#questionnaire').waitFor();
  await page.waitForLoadState('load'); // the deferred scripts (htmx) have run
}

/** Answers question after question until none is left (at most `max`); returns the facts asked, in order. */
export async function complete(page, answers, max = 80) {
  const asked = [];
  for (let i = 0; i < max; i++) {
    const a = await answerQuestion(page, answers);
    if (!a) return asked;
    asked.push(a);
  }
  throw new Error(`the questionnaire still asks after ${max} answers: ${asked.map((a) => a.fact).join(', ')}`);
}
