// The scenario, as a person does it: complete the questionnaire for a CV-screening product and see it
// classified high-risk under Annex III 4(a) from 2027-12-02; change the date to 2026-06-01 and see 2026-08-02 (the
// AI Act's date before the Digital Omnibus); save it and find it in the inventory; open the derivation; switch to
// Chinese and back. Each page is checked by axe-core, and the main ones are photographed for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, signIn, assertAccessible, screenshot } from '../lib/browser.mjs';
import { answersFrom, complete, start, submitAndWait } from '../lib/questionnaire.mjs';

const NAME = 'TalentRank CV screening (browser test)';
const ANNEX3_4A = '#classifications li[data-rule="eu_ai_act.annex3_4_a"]';

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

test('the questionnaire starts with the kind of subject and a date, accessibly', async () => {
  await page.goto('/assess');
  assert.equal(await page.locator('#nav-assess').getAttribute('aria-current'), 'page');
  await page.getByRole('radio', { name: /ai_system/ }).waitFor();
  await assertAccessible(page, 'the questionnaire start page');
});

test('a CV-screening product answered question by question is high-risk under Annex III 4(a) from 2027-12-02', async () => {
  await start(page, 'ai_system', '2026-11-28');
  await assertAccessible(page, 'the first question');
  // Before any answer the classification is undetermined: the rule waits for the facts (unknown stays unknown).
  assert.match(await page.locator(ANNEX3_4A).getAttribute('class'), /\bundetermined\b/);
  const asked = await complete(page, answersFrom('cv-screening-saas.yaml'));
  // The engine asks what settles rules, the market and the role first; never the same fact twice.
  assert.ok(asked.length >= 5, `only ${asked.length} questions were asked`);
  assert.equal(new Set(asked.map((a) => a.fact)).size, asked.length, 'a fact was asked twice');
  assert.ok(asked.some((a) => a.fact === 'ai_system.annex3_uses'), 'the Annex III use was asked');
  await page.locator('#questions-done').waitFor();
  const hr = page.locator(ANNEX3_4A);
  assert.equal(await hr.getAttribute('data-tier'), 'high');
  assert.equal(await hr.getAttribute('data-jurisdiction'), 'EU');
  assert.equal(await hr.getAttribute('data-applies-from'), '2027-12-02');
  assert.match(await hr.getAttribute('class'), /\bupcoming\b/);
  assert.match(await hr.innerText(), /Annex III 4\(a\)/);
  assert.equal(await page.locator('#assessment').getAttribute('data-as-of'), '2026-11-28');
  await assertAccessible(page, 'the completed questionnaire');
  await screenshot(page, 'web-assess.png', { fullPage: false });
  assert.deepEqual(page.scriptErrors, []);
});

test('as of 2026-06-01 the same answers give the AI Act\'s first date, 2026-08-02', async () => {
  await page.locator('#as-of').fill('2026-06-01');
  await submitAndWait(page, () => page.locator('#as-of-apply').click());
  assert.equal(await page.locator('#assessment').getAttribute('data-as-of'), '2026-06-01');
  assert.equal(await page.locator(ANNEX3_4A).getAttribute('data-applies-from'), '2026-08-02');
  assert.equal(await page.locator(ANNEX3_4A).getAttribute('data-tier'), 'high');
  // And back: the answers were kept.
  await page.locator('#as-of').fill('2026-11-28');
  await submitAndWait(page, () => page.locator('#as-of-apply').click());
  assert.equal(await page.locator(ANNEX3_4A).getAttribute('data-applies-from'), '2027-12-02');
});

test('switching to Chinese mid-questionnaire keeps the answers', async () => {
  await page.locator('#lang-switch').click();
  await page.waitForURL((u) => u.searchParams.get('lang') === 'zh-CN');
  await page.locator('#questionnaire').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('#nav-assess').innerText(), /[\u4e00-\u9fff]/);
  assert.equal(await page.locator(ANNEX3_4A).getAttribute('data-applies-from'), '2027-12-02');
  // Still settled, not undetermined: the answers came along.
  assert.match(await page.locator(ANNEX3_4A).getAttribute('class'), /\bupcoming\b/);
  await page.locator('#questions-done').waitFor();
  await assertAccessible(page, 'the completed questionnaire in Chinese');
  await page.locator('#lang-switch').click();
  await page.waitForURL((u) => u.searchParams.get('lang') === null);
  await page.locator('#questionnaire').waitFor();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en-US');
  assert.match(await page.locator(ANNEX3_4A).getAttribute('class'), /\bupcoming\b/);
  await page.locator('#questions-done').waitFor();
});

test('saved, it is in the inventory', async () => {
  await page.locator('#subject-name').fill(NAME);
  await page.locator('#subject-owner').fill('People team');
  await page.locator('#subject-tags').fill('hr, e2e');
  await page.locator('#save-submit').click();
  await page.waitForLoadState('load');
  // The date makes the pages (and their screenshots) the same on any day.
  await page.goto('/inventory?as_of=2026-11-28');
  const link = page.getByRole('link', { name: NAME });
  await link.waitFor();
  await assertAccessible(page, 'the inventory');
  // It is stored too, as the API sees it.
  const res = await fetch(`${server().base}/api/v1/subjects?limit=1000`, {
    headers: { Authorization: `Bearer ${server().viewerToken}` },
  });
  const list = await res.json();
  const items = list.items ?? list.entries ?? list.data ?? list;
  assert.ok(JSON.stringify(items).includes(NAME), 'the API lists the saved subject');
});

test('its page shows the finding with its citation, and the derivation opens as a tree', async () => {
  await page.getByRole('link', { name: NAME }).click();
  await page.waitForLoadState('load');
  await page.locator('#subject-name-heading').waitFor();
  assert.equal(await page.locator('#subject-name-heading').innerText(), NAME);
  assert.equal(new URL(page.url()).searchParams.get('as_of'), '2026-11-28');
  await screenshot(page, 'web-subject.png');
  const finding = page.locator('li.finding[data-rule="eu_ai_act.art10_data_governance"]');
  await finding.waitFor();
  const cite = finding.locator('a.citation');
  assert.match(await cite.getAttribute('href'), /^https:\/\/eur-lex\.europa\.eu\//);
  const details = finding.locator('details.derivation');
  assert.equal(await details.evaluate((d) => d.open), false);
  await details.locator('summary').click();
  assert.equal(await details.evaluate((d) => d.open), true);
  const rows = details.locator('ul.tree li');
  assert.ok((await rows.count()) >= 2, 'the derivation has at least two nodes');
  await assertAccessible(page, 'the subject page with a derivation open');
  await screenshot(finding, 'web-derivation.png');
});

test('switching to Chinese and back keeps the page and changes its words', async () => {
  const here = new URL(page.url());
  await page.locator('#lang-switch').click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(new URL(page.url()).pathname, here.pathname);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh-CN');
  assert.match(await page.locator('#nav-inventory').innerText(), /[\u4e00-\u9fff]/);
  await assertAccessible(page, 'the subject page in Chinese');
  // Links keep the language.
  assert.match(await page.locator('#nav-inventory').getAttribute('href'), /lang=zh-CN/);
  await page.locator('#lang-switch').click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en-US');
  assert.equal(new URL(page.url()).searchParams.get('lang'), null);
  assert.equal(await page.locator('#nav-inventory').innerText(), 'Inventory');
});
