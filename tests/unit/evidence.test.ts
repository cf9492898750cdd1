/**
 * Evidence per part: records that state it are read as stated, the rest keep what their older
 * provenance meant, and the plain words say which part rests on what.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, entry } from '../../src/catalogue/index.ts';
import { evidenceSentences, resolveEvidence } from '../../src/catalogue/evidence.ts';
import { entryMarkdown } from '../../src/site/markdown.ts';

test('an entry without stated evidence keeps its provenance: listed parts inferred, the rest documented by the reference', () => {
  const found = entry('body-null');
  assert.equal(found.evidence, undefined);
  const evidence = resolveEvidence(found);
  assert.deepEqual(evidence.parts.identifier, { inferred: found.provenance.kind === 'inferred' ? found.provenance.reason : '' });
  assert.deepEqual(evidence.parts.status, { documented: "iDenfy's reference" });
  assert.deepEqual(evidence.parts.message, { documented: "iDenfy's reference" });
  assert.deepEqual(evidence.kinds, ['documented', 'inferred']);
  // bad-value's status and identifier are the reference's; what its page infers (the message form of fields
  // other than country, one broken rule at a time) is said as inferred, not as documented.
  const badValue = resolveEvidence(entry('bad-value'));
  assert.deepEqual(badValue.kinds, ['documented', 'inferred']);
  assert.match(badValue.otherInferred ?? '', /only for `country`/);
});

test('an identifier entry has no message part', () => {
  assert.equal(resolveEvidence(entry('bad-value')).parts.message, undefined);
});

test('the callback entry says in plain words that the reference documents the status, an integrator recorded the text, and the identifier is inferred', () => {
  const sentences = evidenceSentences(entry('custom-callback-url-not-enabled'));
  assert.match(sentences[0] ?? '', /^iDenfy's reference \(every business-logic error is a 400\) documents the status\.$/);
  assert.match(sentences[1] ?? '', /^The message was observed: an integrator recorded this text .*, in 2023 \(R6\)\.$/);
  assert.match(sentences[2] ?? '', /^The identifier is Errata's inference: /);
});

test('a part both documented and observed says so ("also observed")', () => {
  const sentences = evidenceSentences(entry('insufficient-funds'));
  assert.ok(
    sentences.some((sentence) => /^The message was also observed: .*\(R7\)\.$/.test(sentence)),
    sentences.join('\n'),
  );
  assert.ok(sentences.some((sentence) => /the body's keys or the behaviour are Errata's reading/.test(sentence)));
});

test('every entry has evidence for its status and identifier, and for its message when it has one', () => {
  for (const each of catalogue) {
    const { parts, kinds } = resolveEvidence(each);
    assert.ok(parts.status && parts.identifier, each.slug);
    assert.equal(parts.message !== undefined, each.message !== null, each.slug);
    assert.ok(kinds.length > 0, each.slug);
    assert.ok(evidenceSentences(each).length > 0, each.slug);
  }
});

test('the Markdown twin carries the same evidence and cites the observations, with an absolute source address', () => {
  const text = entryMarkdown(entry('deletion-token-not-expired'), new URL('https://errata.example/'));
  assert.match(text, /- Kind: case of POST \/api\/v2\/delete/);
  assert.match(text, /- Never predicted: /);
  assert.match(text, /Evidence \(documented, observed, inferred\):/);
  assert.match(text, /- R5 \(2019-06-11; a real response, recorded\): POST \/api\/v2\/delete; shows the whole body/);
  const twin = entryMarkdown(entry('insufficient-funds'), new URL('https://errata.example/'));
  assert.match(twin, /\(https:\/\/errata\.example\/evidence\/\) \(R7\)/);
});
