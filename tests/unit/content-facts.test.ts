/**
 * The prose of content/errors/*.mdx explains; the catalogue states. A fact the page already shows
 * from the record (an identifier's cases, an entry's status, a message) goes stale when written
 * again by hand, so no prose may restate one. The checker reads the catalogue and every prose
 * file, and is itself tested on planted examples, so that it cannot pass by finding nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { catalogue, type Entry } from '../../src/catalogue/index.ts';
import { parts } from '../../src/catalogue/template.ts';

const folder = new URL('../../content/errors/', import.meta.url);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message template as a pattern: its text verbatim, each placeholder any short run of text. */
function messagePattern(template: string): RegExp {
  const source = parts(template)
    .map((part) => (part.kind === 'text' ? escapeRegExp(part.text) : '[^\\n]{1,80}?'))
    .join('');
  return new RegExp(source);
}

const withoutFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
/** Prose without its code blocks; inline code stays, as it is read as part of the sentence. */
const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '');
/** Prose and the `text` blocks that quote a message; handlers and recorded bodies (json, python …) are left out. */
const withoutPrograms = (text: string) =>
  text.replace(/```(?!text\n)[\s\S]*?```/g, '').replace(/\[[^\]]*\]\(\/errors\/[a-z0-9-]+\/\)/g, '[link]');

/** The sentences of prose text: a list item or table row is one; otherwise split after . ! ? : ; */
function sentences(prose: string): string[] {
  return prose
    .split('\n')
    .flatMap((line) => (/^\s*([-*|]|\d+\.)\s/.test(line) ? [line] : line.split(/(?<=[.!?;:])\s+/)))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const isListLine = (line: string) => /^\s*([-*]|\d+\.)\s|^\s*\|/.test(line);

/**
 * Every catalogue fact the prose of `slug` restates, one line each: an identifier's own cases listed
 * by hand, a status given with its identifier or as the entry's own, a message template written out.
 */
function restatedFacts(slug: string, mdx: string, entries: readonly Entry[]): string[] {
  const found: string[] = [];
  const self = entries.find((entry) => entry.slug === slug);
  if (!self) return [`${slug}: no catalogue entry`];
  const text = withoutFrontMatter(mdx);
  const prose = withoutCode(text);

  // 1. Case lists: an identifier page names its own cases (by link or by title) in a list, or two of them anywhere.
  if (self.kind === 'identifier' && self.identifier) {
    const own = entries.filter((entry) => entry.kind === 'case' && entry.identifier === self.identifier);
    const mentions = (line: string) =>
      own.filter((each) => line.includes(`](/errors/${each.slug}/)`) || line.includes(each.title)).map((each) => each.slug);
    const named = new Set(prose.split('\n').flatMap(mentions));
    for (const line of prose.split('\n').filter(isListLine)) {
      for (const each of mentions(line))
        found.push(`${slug}: lists its own case ${each} by hand ("${line.trim()}"): the page lists its cases from the catalogue`);
    }
    if (named.size > 1)
      found.push(`${slug}: names ${named.size} of its own cases (${[...named].join(', ')}): the page lists its cases from the catalogue`);
    // Several of its cases' fields in one sentence is the list again, by another name.
    const fields = new Set(own.flatMap((each) => each.fields));
    for (const sentence of sentences(prose)) {
      const listed = [...fields].filter((field) => sentence.includes(`\`${field}\``));
      if (listed.length >= 3)
        found.push(`${slug}: lists the fields of its cases (${listed.join(', ')}): the page lists its cases from the catalogue`);
    }
  }

  // 2. Statuses: an identifier with its entry's status in one sentence; or the entry's own status given as its own.
  const identifierStatus = new Map(
    entries.filter((entry) => entry.kind === 'identifier' && entry.identifier).map((entry) => [entry.identifier as string, entry.status]),
  );
  const ownStatus = String(self.status);
  const ownStatusSaid = new RegExp(
    `\\b(?:the|its|this) ${ownStatus}\\b|\\bstatus (?:is |\\()${ownStatus}\\b|\\bErrata (?:gives|uses|lists|predicts|shows|assigns)\\b[^.]*\\b${ownStatus}\\b`,
    'i',
  );
  for (const sentence of sentences(prose)) {
    for (const [identifier, status] of identifierStatus) {
      const pair = new RegExp(`\\b${status}\\b[^.;:]{0,40}\\b${identifier}\\b|\\b${identifier}\\b[^.;:]{0,40}\\b${status}\\b`);
      if (pair.test(sentence))
        found.push(`${slug}: gives ${identifier} its status ${status} ("${sentence}"): the page shows each entry's status`);
    }
    if (
      ownStatusSaid.test(sentence) ||
      (self.identifier && new RegExp(`\\b${ownStatus}\\b`).test(sentence) && sentence.includes(self.identifier))
    ) {
      found.push(`${slug}: states its own status ${ownStatus} ("${sentence}"): the page shows it, with its evidence`);
    }
  }

  // 3. Messages: any entry's template, verbatim or filled in, in prose or in a quoted `text` block.
  for (const entry of entries) {
    const templates = [entry.message, ...entry.variants.map((variant) => variant.message)].filter(
      (message): message is string => typeof message === 'string' && message.length >= 20,
    );
    for (const template of new Set(templates)) {
      if (messagePattern(template).test(withoutPrograms(text)))
        found.push(`${slug}: writes out the message of ${entry.slug} ("${template}"): pages show messages from the records`);
    }
  }
  return [...new Set(found)];
}

const files = readdirSync(folder).filter((name) => name.endsWith('.mdx'));

test('no prose restates a catalogue fact: a case list, a status, a message', () => {
  assert.ok(files.length >= catalogue.length, `only ${files.length} prose files read`);
  const problems = files.flatMap((name) =>
    restatedFacts(name.replace(/\.mdx$/, ''), readFileSync(new URL(name, folder), 'utf8'), catalogue),
  );
  assert.deepEqual(problems, []);
});

test('the checker finds each kind of restated fact in planted prose', () => {
  const bad = (slug: string, prose: string) => restatedFacts(slug, `---\n---\n${prose}\n`, catalogue);
  const cases = catalogue.filter((entry) => entry.kind === 'case' && entry.identifier === 'VALIDATION_ERROR');
  assert.ok(cases.length >= 2);
  const [first, second] = cases as [Entry, Entry];
  // A hand-kept list of an identifier's cases, by link or by title.
  assert.match(
    bad('validation-error', `### Its cases\n\n- [${first.title}](/errors/${first.slug}/)\n`).join('\n'),
    new RegExp(`lists its own case ${first.slug}`),
  );
  assert.match(bad('validation-error', `It covers ${first.title} and ${second.title}.`).join('\n'), /names 2 of its own cases/);
  assert.match(bad('bad-value', 'It covers `clientId`, `country` and `expiryTime`.').join('\n'), /lists the fields of its cases/);
  // A status with its identifier, or an entry's own status.
  assert.match(
    bad('json-error', 'Expect a 429 with `TOO_MANY_REQUESTS` when throttled.').join('\n'),
    /gives TOO_MANY_REQUESTS its status 429/,
  );
  assert.match(bad('internal-error', 'Errata gives it 500, as the guide does.').join('\n'), /states its own status 500/);
  assert.match(bad('rate-limit-exceeded', 'The 429 status comes from the guide.').join('\n'), /states its own status 429/);
  // A message, verbatim or with its placeholders filled.
  const country = catalogue.find((entry) => entry.slug === 'country-invalid')?.message as string;
  const filled = country.replace(/\{[^}]+\}/g, 'LTU');
  assert.match(
    bad('bad-value', `The reference gives:\n\n\`\`\`text\n${filled}\n\`\`\``).join('\n'),
    /writes out the message of country-invalid/,
  );
  assert.match(
    bad('json-error', 'Its message is `An error occurred while parsing/constructing JSON`.').join('\n'),
    /writes out the message of json-parse-error/,
  );
  // And explaining prose passes.
  assert.deepEqual(
    bad('validation-error', 'Do not build logic on the split between the two identifiers; read `message`, which names the fields.'),
    [],
  );
});
