/**
 * `npm run catalogue:fingerprint`: records the fingerprint of every catalogue entry, and of what
 * the predictor answers with it over the probes of src/predict/probes.ts, under the current catalogueVersion in src/catalogue/fingerprints.json, once the version is bumped and its
 * changelog release lists every entry that changed. Refuses, naming what to do, otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogue, catalogueVersion, changelog } from '../src/catalogue/index.ts';
import { recordRelease, type FingerprintFile } from '../src/catalogue/fingerprint.ts';
import { answersByEntry } from '../src/predict/probes.ts';

if (process.env.ERRATA_CATALOGUE) {
  console.error('ERRATA_CATALOGUE is set: fingerprints are recorded for the real catalogue only. Unset it and run again.');
  process.exit(1);
}

const path = new URL('../src/catalogue/fingerprints.json', import.meta.url);
let recorded: FingerprintFile;
try {
  recorded = JSON.parse(readFileSync(path, 'utf8')) as FingerprintFile;
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  recorded = { releases: [] };
}

// Only when src/predict/probes.ts changed and no rule did: see ReleaseState.probesChanged.
const probesChanged = process.argv.includes('--probes-changed');
const result = recordRelease({
  entries: catalogue,
  predictions: answersByEntry(),
  version: catalogueVersion,
  changelog,
  recorded,
  probesChanged,
});
if (result.file === null) {
  console.error(`Nothing recorded. First:\n${result.problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exit(1);
}
writeFileSync(path, `${JSON.stringify(result.file, null, 2)}\n`);
console.log(
  `Recorded the fingerprints of ${catalogue.length} entries and their predictions for catalogue ${catalogueVersion} in src/catalogue/fingerprints.json.`,
);
