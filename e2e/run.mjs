#!/usr/bin/env node
// Runs the browser tests against the real binary: starts `aigov serve` (fresh SQLite database, an editor and a
// viewer token), runs every tests/*.test.mjs with Node's test runner, stops the server whatever happened.
// Usage: node run.mjs [extra node --test arguments, e.g. --test-name-pattern=viewer]
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(join(here, 'tests'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join('tests', f));

const srv = await startServer();
console.log(`aigov serve on ${srv.base} (home ${srv.home})`);
let code = 1;
try {
  const child = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...process.argv.slice(2), ...files],
    {
      cwd: here,
      stdio: 'inherit',
      env: {
        ...process.env,
        AIGOV_E2E_BASE: srv.base,
        AIGOV_E2E_EDITOR_TOKEN: srv.editorToken,
        AIGOV_E2E_VIEWER_TOKEN: srv.viewerToken,
      },
    },
  );
  const stopChild = () => child.kill('SIGTERM');
  process.on('SIGINT', stopChild);
  process.on('SIGTERM', stopChild);
  code = await new Promise((ok) => child.on('exit', (c, sig) => ok(c ?? (sig ? 1 : 0))));
} finally {
  await srv.stop({ keep: code !== 0 });
  if (code !== 0) console.log(`the server's home and log stay for a look: ${srv.logPath}`);
}
process.exit(code);
