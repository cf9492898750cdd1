import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCatalogue } from '../../scripts/synthetic-catalogue.ts';
import { records } from '../../src/catalogue/records/index.ts';
import { buildCatalogue } from '../../src/catalogue/validate.ts';
import { scenarioSchema } from '../../src/token/scenario.ts';
import { requestSamples } from '../../src/site/samples.ts';
import type { EntryInput } from '../../src/catalogue/entry.ts';

test('the benchmark catalogue is valid records, with prose for each and its own example request', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'errata-synthetic-test-'));
  try {
    const written = writeSyntheticCatalogue(300, folder);
    // The module the build puts in place of src/catalogue/records/extra.ts.
    const { extraRecords: generated } = (await import(written.records)) as { extraRecords: EntryInput[] };
    assert.deepEqual(generated, JSON.parse(readFileSync(join(folder, 'records.json'), 'utf8')));
    const all = [...records, ...generated];
    assert.equal(all.length, 300);
    // The same validation as the site's own catalogue: schema, unique slugs, related entries that exist.
    const catalogue = buildCatalogue(all);
    const prose = new Set(readdirSync(written.content).map((name) => name.replace(/\.mdx$/, '')));
    for (const entry of catalogue) assert.ok(prose.has(entry.slug), `no prose for ${entry.slug}`);
    // No two generated pages share a code sample, as in a real catalogue.
    const curls = new Set<string>();
    for (const record of generated) {
      const scenario = scenarioSchema.parse(record.example?.scenario);
      curls.add(requestSamples(scenario).curl);
    }
    assert.equal(curls.size, generated.length);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
