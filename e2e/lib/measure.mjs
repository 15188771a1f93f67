// Measurements taken in the browser for bench.mjs (and the quick checks in the tests).
import { signIn } from './browser.mjs';

/** A signed-in (editor) context and page on the server. */
export async function signInContext(browser, srv) {
  const context = await browser.newContext({ baseURL: srv.base, viewport: { width: 1280, height: 900 } });
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
    if (i > 0) out.push(t);
  }
  return out;
}
