// The inventory as a governance team uses it: 60 subjects imported through the API (the bundled examples in turn,
// owners and tags from small sets), then filtered, sorted by the nearest deadline and paged in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, server, assertAccessible, screenshot } from '../lib/browser.mjs';
import { importSubjects } from '../lib/fixtures.mjs';

let browser;
let page;
before(async () => {
  browser = await launchBrowser();
  await importSubjects(server().base, server().editorToken, 60);
});
after(async () => {
  await browser?.close();
});

const rowsOf = (p) => p.locator('#inventory-table tbody tr.subject-row');

test('a visitor asking for the inventory signs in first and comes back to it', async () => {
  page = await newPage(browser);
  await page.goto('/inventory?as_of=2026-11-28');
  assert.equal(new URL(page.url()).pathname, '/signin');
  await page.locator('#token').fill(server().viewerToken);
  await page.locator('#signin-submit').click();
  await page.waitForURL((u) => u.pathname === '/inventory' && u.searchParams.get('as_of') === '2026-11-28');
  assert.equal(await page.locator('#nav-inventory').getAttribute('aria-current'), 'page');
});

test('every subject is counted, 50 to a page, with its classifications and next deadline', async () => {
  const count = page.locator('#inventory-count');
  const total = Number(await count.getAttribute('data-total'));
  assert.ok(total >= 60, `${total} subjects counted`);
  assert.equal(await rowsOf(page).count(), 50);
  assert.ok((await page.locator('#inventory-table .classification[data-tier="high"]').count()) > 0);
  assert.ok((await page.locator('#inventory-table .next-deadline').count()) > 0);
  await assertAccessible(page, 'the inventory');
  await screenshot(page, 'web-inventory.png');
  assert.equal(await page.locator('#page-of').getAttribute('data-pages'), String(Math.ceil(total / 50)));
  await page.locator('#page-next').click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  assert.equal(await rowsOf(page).count(), total - 50);
  assert.equal(await page.locator('#page-of').getAttribute('data-page'), '2');
  await page.locator('#page-prev').waitFor();
});

test('sorted by the nearest deadline, deadlines come in order', async () => {
  await page.goto('/inventory?as_of=2026-11-28');
  await page.locator('#sort').selectOption('deadline');
  await page.locator('#filter-apply').click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'deadline');
  const dates = await page.locator('#inventory-table .next-deadline').evaluateAll((els) => els.map((e) => e.dataset.date));
  assert.ok(dates.length > 5);
  assert.deepEqual(dates, [...dates].sort(), 'next deadlines ascending');
});

test('filters by tier, owner and jurisdiction narrow the list to what they name', async () => {
  await page.goto('/inventory?as_of=2026-11-28');
  const total = Number(await page.locator('#inventory-count').getAttribute('data-total'));

  await page.locator('#filter-tier').selectOption('high');
  await page.locator('#filter-apply').click();
  await page.waitForURL((u) => u.searchParams.get('tier') === 'high');
  const high = Number(await page.locator('#inventory-count').getAttribute('data-matching'));
  assert.ok(high > 0 && high < total, `${high} high-risk of ${total}`);
  for (const row of await rowsOf(page).all()) {
    assert.ok((await row.locator('.classification[data-tier="high"]').count()) > 0, 'a row without a high tier');
  }
  assert.equal(await page.locator('#filter-tier').inputValue(), 'high');

  await page.goto('/inventory?as_of=2026-11-28');
  await page.locator('#filter-owner').selectOption('legal');
  await page.locator('#filter-apply').click();
  await page.waitForURL((u) => u.searchParams.get('owner') === 'legal');
  const owners = await rowsOf(page).evaluateAll((rows) => rows.map((r) => r.lastElementChild.textContent.trim()));
  assert.ok(owners.length >= 12, `${owners.length} rows owned by legal`);
  assert.deepEqual([...new Set(owners)], ['legal']);

  await page.goto('/inventory?as_of=2026-11-28');
  const options = await page.locator('#filter-jurisdiction option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.includes('EU') && options.includes('US'), `jurisdictions offered: ${options}`);
  await page.locator('#filter-jurisdiction').selectOption('CN');
  await page.locator('#filter-apply').click();
  await page.waitForURL((u) => u.searchParams.get('jurisdiction') === 'CN');
  const cn = Number(await page.locator('#inventory-count').getAttribute('data-matching'));
  assert.ok(cn > 0 && cn < total, `${cn} subjects in CN of ${total}`);
});
