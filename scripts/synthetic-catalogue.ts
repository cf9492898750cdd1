/**
 * A synthetic catalogue for the scale benchmark: the real records plus generated ones, each a
 * valid record with generated prose, written to a folder that a build can be pointed at:
 *
 *   ERRATA_CATALOGUE=<dir>/records.ts ERRATA_CONTENT=<dir>/content npm run build
 *
 * (records.ts holds the generated entries only: the build adds them to the real ones.)
 *
 * Generated entries fit the entry schema and link to each other. Each has its own example
 * request, so no two pages share their code samples (as in a real catalogue), but only the real
 * catalogue promises that an example predicts its own entry.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { records } from '../src/catalogue/records/index.ts';
import { identifiers } from '../src/catalogue/identifiers.ts';
import type { EntryInput } from '../src/catalogue/entry.ts';

const caseCategories = ['authentication', 'rate-limit', 'request', 'fields', 'business-rules', 'limits'] as const;
const statuses = [400, 400, 400, 400, 401, 402, 403, 404, 405, 409, 422, 429, 500];
const nouns = [
  'token',
  'session',
  'document',
  'callback',
  'country',
  'applicant',
  'selfie',
  'address',
  'webhook',
  'profile',
  'limit',
  'contract',
];
const verbs = ['rejected', 'missing', 'expired', 'malformed', 'duplicated', 'refused', 'not allowed', 'too long', 'unsupported', 'locked'];
const firstNames = ['Ada', 'Jonas', 'Ona', 'Lukas', 'Greta', 'Mateo', 'Aiko', 'Noor'];
const lastNames = ['Lovelace', 'Kazlauskas', 'Petraitė', 'Silva', 'Tanaka', 'Haddad', 'Novak'];
const fieldNames = ['clientId', 'country', 'documents', 'expiryTime', 'sessionLength', 'locale', 'firstName', 'externalRef', 'theme'];

/** A small repeatable generator, so that two runs build the same site. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

function syntheticRecord(index: number, total: number): EntryInput {
  const { pick, next } = generator(index + 1);
  const number = String(index).padStart(5, '0');
  const noun = pick(nouns);
  const verb = pick(verbs);
  const field = pick(fieldNames);
  const withPlaceholder = next() < 0.5;
  const neighbour = (offset: number) => `synthetic-${String((index + offset) % total).padStart(5, '0')}`;
  return {
    slug: `synthetic-${number}`,
    kind: 'case',
    identifier: pick(identifiers),
    status: pick(statuses),
    title: `Synthetic ${noun} ${verb} (${number})`,
    summary: `A generated entry: the ${noun} was ${verb}, number ${number}.`,
    message: withPlaceholder ? `The ${noun} '{value}' was ${verb} (case ${number}).` : `The ${noun} was ${verb} (case ${number}).`,
    category: pick(caseCategories),
    endpoints: ['POST /api/v2/token'],
    fields: [field],
    cause: `Generated for the scale benchmark: \`${field}\` made the ${noun} ${verb}. This text is as long as a real cause, so that pages weigh what real pages weigh.`,
    fix: [`Check \`${field}\`.`, `Send the ${noun} again once it is no longer ${verb}.`],
    retry: { helps: next() < 0.2, note: 'Generated: retrying is as good as the generator says.' },
    related: [neighbour(1), neighbour(7)],
    provenance: { kind: 'inferred', reason: 'Generated for the scale benchmark; not an iDenfy error.', parts: ['message'] },
    sources: [{ source: 'reference' }],
    aka: [`${noun} ${verb}`],
    example: {
      scenario: {
        request: {
          body: {
            clientId: `synthetic-client-${number}`,
            firstName: pick(firstNames),
            lastName: pick(lastNames),
            expiryTime: 600 + index,
          },
        },
      },
      values: withPlaceholder ? { value: `${noun}-${number}` } : {},
    },
  };
}

function prose(record: EntryInput): string {
  const paragraphs = [
    `### Why this page exists\n\nThis entry was generated to measure how Errata builds and serves a catalogue of many entries. It is not an error of iDenfy's API.`,
    `### What a real page says here\n\nA real entry explains how the error typically arises in integration code, how to confirm it from logs, and how to prevent it. This paragraph stands in for that prose, about as long as the real thing, for entry ${record.slug}.`,
  ];
  return `---\n---\n${paragraphs.join('\n\n')}\n`;
}

/** Writes a catalogue of `size` entries (the real ones included) into `folder`. */
export function writeSyntheticCatalogue(size: number, folder: string): { records: string; content: string } {
  const dir = resolve(folder);
  const content = join(dir, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(new URL('../content/errors/', import.meta.url).pathname, content, { recursive: true });
  const extra = Math.max(0, size - records.length);
  const generated = Array.from({ length: extra }, (_, index) => syntheticRecord(index, extra));
  for (const record of generated) writeFileSync(join(content, `${record.slug}.mdx`), prose(record));
  writeFileSync(join(dir, 'records.json'), JSON.stringify(generated));
  // Takes the place of src/catalogue/records/extra.ts, after the real records.
  writeFileSync(
    join(dir, 'records.ts'),
    [`import generated from './records.json' with { type: 'json' };`, `export const extraRecords = generated;`, ''].join('\n'),
  );
  return { records: join(dir, 'records.ts'), content };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 1000);
  const folder = process.argv[3] ?? `/tmp/errata-synthetic-${size}`;
  const written = writeSyntheticCatalogue(size, folder);
  console.log(`ERRATA_CATALOGUE=${written.records} ERRATA_CONTENT=${written.content}`);
}
