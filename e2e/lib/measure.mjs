// Measurements taken in the browser for bench.mjs (and the quick checks in the tests).
import { signIn } from './browser.mjs';
import { answersFrom, currentQuestion, start } from './questionnaire.mjs';

/** A signed-in (editor) context and page on the server. */
export async function signInContext(browser, srv) {
  const context = await browser.newContext({ baseURL: srv.base, viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, srv.editorToken);
  context.page = page;
  return context;
}

/**
 * Every byte the browser receives for one load of `path` with an empty cache, headers included, as Chromium's
 * DevTools protocol counts them (`encodedDataLength` of each finished request): the page, its styles, scripts,
 * icon and anything they fetch.
 */
export async function firstLoadBytes(browser, srv, path, signedIn) {
  const context = signedIn
    ? await signInContext(browser, srv)
    : await browser.newContext({ baseURL: srv.base });
  const page = context.page ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  const resources = [];
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  // A redirect's response ends no request of its own: count it when the browser follows it.
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.redirectResponse) resources.push({ url: e.redirectResponse.url, bytes: e.redirectResponse.encodedDataLength });
  });
  cdp.on('Network.loadingFinished', (e) =>
    resources.push({ url: urls.get(e.requestId) ?? e.requestId, bytes: e.encodedDataLength }),
  );
  await page.goto(path, { waitUntil: 'networkidle' });
  await context.close();
  const total = resources.reduce((s, r) => s + r.bytes, 0);
  return { total, resources };
}

/**
 * Loads the inventory page `runs` times (after one warm-up) and reads the browser's navigation timing: the server's
 * part (request sent to last byte in), DOMContentLoaded and the load event, from the start of the navigation.
 */
export async function inventoryLoadTimes(context, runs, path = '/inventory?as_of=2026-11-28') {
  const page = context.page;
  const out = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(path, { waitUntil: 'load' });
    const t = await page.evaluate(() => {
      const [n] = performance.getEntriesByType('navigation');
      return {
        server: n.responseEnd - n.requestStart,
        domContentLoaded: n.domContentLoadedEventEnd - n.startTime,
        load: n.loadEventEnd - n.startTime,
        bytes: n.decodedBodySize,
        rows: document.querySelectorAll('main table tbody tr').length,
      };
    });
    out.push(t);
  }
  // The first load after the import computes the inventory's view (kept until the inventory changes): reported apart.
  out.first = out.shift();
  return out;
}

/**
 * The time from an answer to the updated assessment in the page, for every answer of `passes` complete runs of the
 * questionnaire (the CV-screening answers, as of 2026-11-28). Taken inside the page: from the click on "Answer" to
 * the moment the new questionnaire and assessment are in the DOM (htmx's swap), and to the next animation frame
 * after it (when the browser paints it).
 */
export async function answerUpdateTimes(context, passes) {
  const page = context.page;
  const answers = answersFrom('cv-screening-saas.yaml');
  const out = [];
  if (process.env.AIGOV_BENCH_DEBUG) {
    page.on('framenavigated', (f) => console.log('navigated', f.url()));
    page.on('response', (r) => console.log('response', r.status(), r.request().method(), r.url()));
  }
  for (let pass = 0; pass < passes; pass++) {
    await start(page, 'ai_system', '2026-11-28');
    if (!(await page.evaluate(() => typeof window.htmx === 'object'))) throw new Error('htmx is not loaded');
    for (let i = 0; i < 80; i++) {
      const q = await currentQuestion(page);
      if (!q) break;
      const v = answers.get(q.fact);
      const button = v === undefined || v === null ? '#answer-unknown' : '#answer-submit';
      if (button === '#answer-submit') {
        if (q.control === 'yesno') await page.locator(v ? '#answer-yes' : '#answer-no').check();
        else if (q.control === 'one') await page.locator(`#answer-${v}`).check();
        else if (q.control === 'any') for (const id of v) await page.locator(`#answer-${id}`).check();
        else await page.locator('#answer').fill(String(v));
      }
      if (process.env.AIGOV_BENCH_DEBUG) console.log(q.fact, q.control, button);
      const t = await page.evaluate(
        (sel) =>
          new Promise((resolve) => {
            const old = document.getElementById('questionnaire');
            const parent = old.parentNode;
            let swap;
            let paint;
            let settled = false;
            const done = () => paint !== undefined && settled && resolve({ swap, paint });
            // Not timed: htmx settles the new form (binds its hx-post) after its swap; an answer before that would
            // be a plain post of the whole page.
            document.addEventListener('htmx:afterSettle', () => ((settled = true), done()), { once: true });
            const obs = new MutationObserver(() => {
              const now = document.getElementById('questionnaire');
              if (now && now !== old && now.querySelector('#assessment')) {
                swap = performance.now() - t0;
                obs.disconnect();
                requestAnimationFrame(() => ((paint = performance.now() - t0), done()));
              }
            });
            obs.observe(parent, { childList: true, subtree: true });
            const t0 = performance.now();
            document.querySelector(sel).click();
          }),
        button,
      );
      out.push({ fact: q.fact, ...t });
    }
  }
  return out;
}
