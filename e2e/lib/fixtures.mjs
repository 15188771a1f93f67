// Inventories made from the bundled examples (examples/*.yaml), for the tests and the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './server.mjs';

/** Every bundled example manifest of one subject, by file name. */
export function examples() {
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, manifest: YAML.parse(readFileSync(join(dir, f), 'utf8')) }))
    // One subject per inventory entry: a manifest of several linked subjects (`subjects:`) is not one entry.
    .filter(({ manifest }) => typeof manifest?.subject === 'string');
}

const OWNERS = ['legal', 'hr-tech', 'platform', 'risk', 'procurement'];
const TAGS = ['pilot', 'production', 'vendor', 'internal', 'eu', 'us', 'cn'];

function csvField(s) {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The CSV body of `POST /api/v1/inventory/import?format=csv` with `n` subjects: the examples in turn, each named
 * `<example name> #i`, with an owner and two tags from small fixed sets (so filters have something to find).
 */
export function inventoryCsv(n, from = 0) {
  const ex = examples();
  const rows = ['kind,id,name,organization_id,owner,tags,notes,version,manifest'];
  for (let i = from; i < from + n; i++) {
    const { manifest } = ex[i % ex.length];
    const name = `${manifest.name ?? manifest.subject} #${i + 1}`;
    const m = { ...manifest, name };
    const tags = `${TAGS[i % TAGS.length]};${TAGS[(i * 3 + 1) % TAGS.length]}`;
    rows.push(['subject', '', csvField(name), '', OWNERS[i % OWNERS.length], tags, '', '', csvField(JSON.stringify(m))].join(','));
  }
  return rows.join('\n') + '\n';
}

/**
 * Imports `n` subjects through the API as the editor, in batches of 1,000 (a batch stays under the server's
 * default 8 MiB body limit); returns the created ids.
 */
export async function importSubjects(base, editorToken, n) {
  const ids = [];
  for (let from = 0; from < n; from += 1000) {
    const count = Math.min(1000, n - from);
    const res = await fetch(`${base}/api/v1/inventory/import?format=csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editorToken}`, 'Content-Type': 'text/plain' },
      body: inventoryCsv(count, from),
    });
    const body = await res.text();
    if (res.status !== 201) {
      throw new Error(`import of subjects ${from + 1}-${from + count} failed: HTTP ${res.status}: ${body.slice(0, 500)}`);
    }
    ids.push(...JSON.parse(body).ids);
  }
  return ids;
}
