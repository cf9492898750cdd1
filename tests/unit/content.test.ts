import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { catalogue } from '../../src/catalogue/index.ts';
import { placeholders } from '../../src/catalogue/template.ts';

const folder = new URL('../../content/errors/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.mdx'));

test('every catalogue entry has its prose in content/errors/<slug>.mdx, and every prose file has its entry', () => {
  const prose = files.map((name) => name.replace(/\.mdx$/, '')).sort();
  const slugs = catalogue.map((entry) => entry.slug).sort();
  assert.deepEqual(
    prose.filter((slug) => !slugs.includes(slug)),
    [],
    'prose files without a catalogue entry',
  );
  assert.deepEqual(
    slugs.filter((slug) => !prose.includes(slug)),
    [],
    'catalogue entries without prose',
  );
});

test('no prose file types a message template: templates are rendered from the records', () => {
  const templates = catalogue
    .map((entry) => entry.message)
    .filter((message): message is string => message !== null && placeholders(message).length > 0);
  for (const name of files) {
    const text = readFileSync(new URL(name, folder), 'utf8');
    for (const template of templates) {
      assert.ok(!text.includes(template), `${name} repeats the template "${template}"`);
    }
  }
});

test('prose stays below the headings the page owns', () => {
  for (const name of files) {
    const text = readFileSync(new URL(name, folder), 'utf8').replace(/```[\s\S]*?```/g, '');
    assert.doesNotMatch(text, /^#{1,2} /m, `${name} uses a level 1 or 2 heading`);
  }
});

test('no prose restates a list the page generates: an identifier page links to at most one of its own cases', () => {
  const problems: string[] = [];
  for (const entry of catalogue) {
    if (entry.kind !== 'identifier' || !files.includes(`${entry.slug}.mdx`)) continue;
    const own = new Set(catalogue.filter((each) => each.kind === 'case' && each.identifier === entry.identifier).map((each) => each.slug));
    const text = readFileSync(new URL(`${entry.slug}.mdx`, folder), 'utf8');
    const linked = new Set(
      [...text.matchAll(/\]\(\/errors\/([a-z0-9-]+)\/\)/g)].map((found) => found[1] as string).filter((slug) => own.has(slug)),
    );
    // One link is a pointer in a sentence; two or more is a hand-kept list of the page's own cases.
    if (linked.size > 1)
      problems.push(
        `${entry.slug}.mdx links to ${linked.size} of its own cases (${[...linked].join(', ')}): the page lists them from the catalogue`,
      );
  }
  assert.deepEqual(problems, []);
});

test("no prose repeats its own entry's message, which the page shows from the record", () => {
  const problems: string[] = [];
  for (const entry of catalogue) {
    // An entry without prose is reported by the first test, not here as a file it cannot open.
    if (entry.message === null || entry.message.length < 20 || !files.includes(`${entry.slug}.mdx`)) continue;
    const text = readFileSync(new URL(`${entry.slug}.mdx`, folder), 'utf8').replace(/```[\s\S]*?```/g, '');
    if (text.includes(entry.message)) problems.push(`${entry.slug}.mdx repeats its message "${entry.message}"`);
  }
  assert.deepEqual(problems, []);
});

test("the prose and the records' text use the site's plain words: no case entries, identifier entries or provenance", () => {
  // The site calls an entry an error (or an error identifier), and its sources "Where this comes from".
  const jargon = /\b(case entr(y|ies)|identifier entr(y|ies)|provenance|its cases)\b/i;
  const found: string[] = [];
  for (const name of files) {
    const text = readFileSync(new URL(name, folder), 'utf8');
    for (const line of text.split('\n')) if (jargon.test(line)) found.push(`${name}: ${line.trim().slice(0, 100)}`);
  }
  for (const entry of catalogue) {
    const shown = [
      entry.title,
      entry.summary,
      entry.cause,
      ...entry.fix,
      entry.retry.note,
      ...entry.variants.map((variant) => variant.title),
    ];
    for (const text of shown) if (jargon.test(text)) found.push(`${entry.slug}: ${text.slice(0, 100)}`);
  }
  assert.deepEqual(found, []);
});
