#!/usr/bin/env node
// Speed of the web app as a browser sees it (BENCHMARKS.md, "The web app"): the bytes of the first page load with
// every asset, the time from an answer in the questionnaire to the updated assessment in the page, and the
// inventory page over 10,000 stored subjects. Starts its own `aigov serve` (AIGOV_BIN, e.g. a release build).
//
//   node bench.mjs [--subjects 10000] [--runs 30] [--quick] [--only transfer|answer|inventory]
//
// --quick (CI's sanity check): 200 subjects, 5 runs, and a non-zero exit only when a figure is off by a factor of
// ten from its target (a broken page, not a slow machine).
import { parseArgs } from 'node:util';
import { startServer } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { importSubjects } from './lib/fixtures.mjs';
import { answerUpdateTimes, firstLoadBytes, inventoryLoadTimes, signInContext } from './lib/measure.mjs';

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '30' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const subjects = values.quick ? 200 : Number(values.subjects);
const runs = values.quick ? 5 : Number(values.runs);
const slack = values.quick ? 10 : 1;

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
const ms = (x) => `${x.toFixed(1)} ms`;
const line = (name, st) =>
  `${name}: median ${ms(st.median)}, p95 ${ms(st.p95)} (min ${ms(st.min)}, max ${ms(st.max)}, ${st.n} runs)`;

const srv = await startServer();
const browser = await launchBrowser();
let failed = false;
const check = (ok, what) => {
  if (!ok) {
    failed = true;
    console.log(`  ! over target${slack > 1 ? ` x${slack}` : ''}: ${what}`);
  }
};
try {
  console.log(`aigov web app benchmark: ${subjects} subjects, ${runs} runs, Chromium ${browser.version()}`);

  const want = (part) => !values.only || values.only === part;

  // 1. The first page a person opens, cold cache: the home page, then the questionnaire once signed in (with the
  //    cache emptied again, although its assets are the same files, which a person downloads once).
  for (const [label, path, signedIn] of !want('transfer') ? [] : [
    ['home page (first visit, not signed in)', '/', false],
    ['questionnaire (signed in, cold cache)', '/assess', true],
  ]) {
    const r = await firstLoadBytes(browser, srv, path, signedIn);
    console.log(`first load of ${label}: ${(r.total / 1024).toFixed(1)} KB in ${r.resources.length} responses`);
    for (const x of r.resources) console.log(`    ${String(x.bytes).padStart(8)} B  ${x.url}`);
    check(r.total < 150 * 1024 * slack, `${label} transfers ${r.total} B (target < 150 KB)`);
  }

  // 2. An answer in the questionnaire until the assessment on the page shows it.
  if (want('answer')) {
  const ctx = await signInContext(browser, srv);
  const passes = values.quick ? 1 : Math.max(1, Math.round(runs / 6));
  const answers = await answerUpdateTimes(ctx, passes);
  const a = stats(answers.map((x) => x.swap));
  console.log(`questionnaire: ${passes} complete runs, ${answers.length} answers`);
  console.log(line('answer -> updated assessment in the DOM', a));
  console.log(line('answer -> next frame painted', stats(answers.map((x) => x.paint))));
  check(a.median < 100 * slack, `answer to update median ${ms(a.median)} (target < 100 ms)`);
  await ctx.close();
  }

  // 3. The inventory page with many subjects (imported through the API), as a browser loads it.
  if (want('inventory')) {
  let t = performance.now();
  await importSubjects(srv.base, srv.editorToken, subjects);
  console.log(`imported ${subjects} subjects through the API in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const ctx2 = await signInContext(browser, srv);
  const inv = await inventoryLoadTimes(ctx2, runs);
  const server = stats(inv.map((x) => x.server));
  const dom = stats(inv.map((x) => x.domContentLoaded));
  const load = stats(inv.map((x) => x.load));
  console.log(line('inventory page: server (request to last byte)', server));
  console.log(line('inventory page: DOMContentLoaded', dom));
  console.log(line('inventory page: load event (rendered, assets in)', load));
  console.log(
    `inventory page, first load after the import (the view computed): server ${ms(inv.first.server)}, load event ${ms(inv.first.load)}`,
  );
  console.log(`inventory page size: ${(inv[0].bytes / 1024).toFixed(1)} KB of HTML, ${inv[0].rows} rows shown`);
  check(load.median < 500 * slack, `inventory load median ${ms(load.median)} (target < 500 ms)`);
  await ctx2.close();
  }
} finally {
  await browser.close();
  await srv.stop();
}
if (failed && values.quick) process.exit(1);
