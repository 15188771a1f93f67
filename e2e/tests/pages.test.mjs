// Every page of the app, in English and Chinese, checked by axe-core (no serious or critical violation), with the
// content each one promises: export controls, the law, reports, the error pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, server, signIn, assertAccessible, screenshot } from '../lib/browser.mjs';
import { repoRoot } from '../lib/server.mjs';

let browser;
let page;
let subjectId;
before(async () => {
  browser = await launchBrowser();
  // One stored subject (the README's API example) for its page and its report.
  const body = readFileSync(join(repoRoot, 'examples', 'api', 'subject.json'), 'utf8');
  const res = await fetch(`${server().base}/api/v1/subjects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server().editorToken}`, 'Content-Type': 'application/json' },
    body,
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  subjectId = JSON.parse(text).id;
  page = await newPage(browser);
  await signIn(page, server().viewerToken);
});
after(async () => {
  await browser?.close();
});

/** Opens `path`, expects `status`, waits for `selector`, checks accessibility in both languages. */
async function visit(path, selector, { status = 200, what = path } = {}) {
  for (const lang of ['en', 'zh-CN']) {
    const url = lang === 'en' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=zh-CN`;
    const res = await page.goto(url);
    assert.equal(res.status(), status, `${url} answered ${res.status()}`);
    await page.locator(selector).first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), lang === 'en' ? 'en-US' : 'zh-CN');
    await assertAccessible(page, `${what} (${lang})`);
  }
  assert.deepEqual(page.scriptErrors, []);
}

test('the home page', async () => {
  await visit('/', '#home-assess');
});

test('the subject page, with its date in the URL', async () => {
  await visit(`/subjects/${subjectId}?as_of=2026-06-01`, '#subject-name-heading');
  await page.goto(`/subjects/${subjectId}?as_of=2026-06-01`);
  assert.equal(await page.locator('#assessment').getAttribute('data-as-of'), '2026-06-01');
  assert.equal(
    await page.locator('#classifications li[data-rule="eu_ai_act.annex3_4_a"]').getAttribute('data-applies-from'),
    '2026-08-02',
  );
  await page.locator('#timeline svg, svg#timeline').first().waitFor();
  assert.ok((await page.locator('#history tr[data-version]').count()) >= 1);
});

test('export controls: a chip classified with its TPP arithmetic', async () => {
  await visit('/export?chip=H100&as_of=2026-11-28', '#classification', { what: 'the export page with the H100' });
  await page.goto('/export?chip=H100&as_of=2026-11-28');
  assert.match(await page.locator('#tpp').innerText(), /15,?832/);
  assert.match(await page.locator('#classification').innerText(), /3A090/);
  await screenshot(page, 'web-export.png');
});

test('export controls: screening a party says which lists it used, or how to import them', async () => {
  await visit('/export?party=Huawei+Technologies&country=CN', '#lists-used, #lists-missing, #screening', {
    what: 'the screening page',
  });
});

test('the law: instruments, one instrument with readable conditions, what changed between two dates', async () => {
  await visit('/corpus?jurisdiction=EU', '#instruments', { what: 'the corpus' });
  await visit('/corpus/eu_ai_act', '.tree.condition', { what: 'the EU AI Act page' });
  await page.goto('/corpus/eu_ai_act');
  const src = await page.locator('#primary-source').getAttribute('href');
  assert.match(src ?? (await page.locator('#primary-source a').first().getAttribute('href')), /^https:\/\//);
  await screenshot(page, 'web-corpus.png');
  await visit('/corpus/changes?from=2026-06-01&to=2026-11-28', '#changes, #no-changes', { what: 'the law changes' });
});

test('reports: one subject and the whole inventory, each with its PDF', async () => {
  await visit(`/reports/subjects/${subjectId}?as_of=2026-11-28`, '#report', { what: 'the subject report' });
  await visit('/reports/inventory?as_of=2026-11-28', '#report', { what: 'the inventory report' });
  await page.goto(`/reports/subjects/${subjectId}?as_of=2026-11-28`);
  const pdf = await page.locator('#report-pdf').getAttribute('href');
  const res = await page.request.get(pdf);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
});

test('the error pages: 404, 422 and a viewer\'s 403', async () => {
  await visit('/corpus/no_such_instrument', '#problem', { status: 404, what: 'the 404 page' });
  await visit('/corpus/changes?from=2026-11-28&to=2026-06-01', '#problem', { status: 422, what: 'the 422 page' });
  // A viewer's save, posted by a form in the page as a tampered page would: the 403 page.
  await page.goto('/');
  const [res] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate(() => {
      const f = document.createElement('form');
      f.method = 'post';
      f.action = '/assess/save';
      for (const [k, v] of Object.entries({ name: 'x', as_of: '2026-11-28', manifest: '{"subject":"ai_system"}' })) {
        const i = document.createElement('input');
        i.type = 'hidden';
        i.name = k;
        i.value = v;
        f.append(i);
      }
      document.body.append(f);
      f.submit();
    }),
  ]);
  assert.equal(res.status(), 403);
  assert.equal(await page.locator('#problem').getAttribute('data-code'), 'auth.forbidden');
  await assertAccessible(page, 'the 403 page');
});
