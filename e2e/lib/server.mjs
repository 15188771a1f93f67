// Starts the real `aigov serve` on a free loopback port against a fresh SQLite database in a temporary AIGOV_HOME,
// with an editor and a viewer token made by `aigov token create`, and stops it again (also when a test fails).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The aigov binary: $AIGOV_BIN, else the workspace's debug build (built by .ci/browser-tests). */
export function aigovBin() {
  const bin = process.env.AIGOV_BIN || join(repoRoot, 'target', 'debug', 'aigov');
  if (!existsSync(bin)) {
    throw new Error(`no aigov binary at ${bin}: run \`cargo build -p aigov-cli\` first (or set AIGOV_BIN)`);
  }
  return bin;
}

/** A free TCP port on 127.0.0.1, as the kernel hands it out. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function createToken(bin, env, db, role) {
  // The token goes to stdout alone; the "created token ..." notice goes to stderr.
  const out = execFileSync(bin, ['token', 'create', '--role', role, '--name', `e2e-${role}`, '--db', db], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  if (!/^aigov_[0-9a-f]+$/.test(out)) throw new Error(`unexpected token output for role ${role}: ${out}`);
  return out;
}

async function waitForHealth(base, child, logPath, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`aigov serve exited with ${child.exitCode} before it was healthy; see ${logPath}`);
    }
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`aigov serve was not healthy after ${timeoutMs} ms (${last}); see ${logPath}`);
}

/**
 * Starts a server. Returns { base, editorToken, viewerToken, db, home, stop }.
 * `stop({ keep })` sends SIGTERM, waits, and removes the home folder unless `keep`; the process is also killed when this Node process exits.
 */
export async function startServer({ keepHome = false } = {}) {
  const bin = aigovBin();
  const home = mkdtempSync(join(tmpdir(), 'aigov-e2e-'));
  const db = `sqlite://${join(home, 'aigov.db')}`;
  const env = { ...process.env, AIGOV_HOME: home, NO_COLOR: '1' };
  delete env.AIGOV_DATABASE_URL;
  const editorToken = createToken(bin, env, db, 'editor');
  const viewerToken = createToken(bin, env, db, 'viewer');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logPath = join(home, 'serve.log');
  const log = openSync(logPath, 'a');
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--db', db], {
    env,
    stdio: ['ignore', log, log],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async ({ keep = keepHome } = {}) => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (!keep) rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child, logPath);
  } catch (err) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw err; // the home folder stays, for its serve.log
  }
  return { base, editorToken, viewerToken, db, home, logPath, stop };
}
