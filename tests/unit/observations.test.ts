/**
 * One test per observation (R1 onward): what the real API was seen to answer, checked against the
 * catalogue, the predictor and the lookup. Where Errata disagrees on purpose, the test says why
 * and checks that the entry shows both forms (the observed one as a variant). The browser's
 * sharded lookup is held to the same answers, since triage and search run on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, entry, resolveVariant, type Entry } from '../../src/catalogue/index.ts';
import { lookup } from '../../src/catalogue/matcher.ts';
import { resolveEvidence } from '../../src/catalogue/evidence.ts';
import { isPredictable } from '../../src/catalogue/endpoints.ts';
import { observation, observationRange, observations, type Observation, type ObservationId } from '../../src/catalogue/observations.ts';
import { sources as catalogueSources } from '../../src/catalogue/sources.ts';
import { predict } from '../../src/predict/predict.ts';
import { evaluationOrder } from '../../src/predict/stages.ts';
import { buildLookupFiles } from '../../src/search/index-data.ts';
import { siteIndexSources } from '../../src/search/site-index.ts';
import { createShardedLookup } from '../../src/search/sharded-lookup.ts';

const sources = siteIndexSources;
const { files } = buildLookupFiles(sources);
const browser = createShardedLookup(async (name) => JSON.parse(JSON.stringify(files.get(name))));

/** The margin an observed text must win by, over the next entry. */
const margin = 0.15;

function body(id: ObservationId): Record<string, unknown> {
  const found = observation(id).body;
  assert.ok(found, `${id} has a body`);
  return { ...found };
}

function message(id: ObservationId): string {
  const text = body(id).message;
  assert.equal(typeof text, 'string', `${id} has a message`);
  return text as string;
}

/** The paste is matched first to the entry, by a wide margin, by the CLI and the browser alike. */
async function assertFirst(paste: string, slug: string): Promise<void> {
  const { matches } = lookup(paste);
  const [first, second] = matches;
  assert.equal(
    first?.entry.slug,
    slug,
    `${paste} → ${matches
      .slice(0, 3)
      .map((m) => `${m.entry.slug} ${m.score.toFixed(2)}`)
      .join(', ')}`,
  );
  if (second)
    assert.ok(
      first.score - second.score >= margin,
      `${paste}: ${first.score.toFixed(2)} vs ${second.entry.slug} ${second.score.toFixed(2)}`,
    );
  const inBrowser = await browser.lookup(paste);
  assert.equal(inBrowser.matches[0]?.entry.slug, slug, `browser: ${paste}`);
  assert.equal(inBrowser.matches[0]?.score, first.score, `browser score: ${paste}`);
}

/** Every observation an entry cites, in its parts or its variants. */
function cited(found: Entry): Set<string> {
  return new Set([...resolveEvidence(found).observations, ...found.variants.flatMap((variant) => variant.observed)]);
}

function variantObserved(found: Entry, id: ObservationId) {
  const variant = found.variants.find((each) => each.observed.includes(id));
  assert.ok(variant, `${found.slug} has a variant observed in ${id}`);
  return resolveVariant(found, variant);
}

test('the observations are R1 to R14, each with its endpoint, what it shows, its source, date and trust', () => {
  assert.deepEqual(
    observations.map((each) => each.id),
    Array.from({ length: 14 }, (_, index) => `R${index + 1}`),
  );
  // The range the evidence page's summary and the observations source's title write, from the list.
  assert.equal(observationRange, 'R1–R14');
  assert.equal(catalogueSources.observations.title, "Real responses recorded in public material (Errata's observations R1–R14)");
  for (const each of observations as readonly Observation[]) {
    assert.ok(each.endpoint.length > 0, each.id);
    assert.ok(each.source.repository || each.source.url, each.id);
    if (each.shows === 'status') assert.notEqual(each.status, null, each.id);
    else assert.ok(each.body, each.id);
  }
});

test('R1, 201 on success (integrator, 2023): the predictor answers a created token with 201, and the entry cites R1 for its status', () => {
  const outcome = predict({ request: { body: { clientId: 'your-local-id', dateOfBirth: '1981-03-04', generateDigitString: false } } });
  assert.equal(outcome.status, 201);
  assert.equal(outcome.entry, 'token-created');
  assert.deepEqual(resolveEvidence(entry('token-created')).parts.status?.observed, ['R1']);
});

test('R2, a success body echoing lower-case countries (2019): accepted as Errata predicts, but echoed in upper case on purpose, with the 2019 form as a variant', async () => {
  // Newer documentation says country codes are converted to upper case; R2 is seven years older.
  const outcome = predict({
    request: { body: { clientId: '100000', country: 'lt', nationality: 'lt', documents: ['PASSPORT', 'OTHER'] } },
  });
  assert.equal(outcome.status, 201);
  assert.equal(outcome.body.country, 'LT');
  assert.equal(outcome.body.nationality, 'LT');
  assert.equal(outcome.body.message, body('R2').message);
  const variant = variantObserved(entry('token-created'), 'R2');
  assert.deepEqual(variant.echoes, { country: 'lt', nationality: 'lt' });
  await assertFirst(JSON.stringify(body('R2')), 'token-created');
});

test('R3, a success body echoing null for unsent URLs (2019): Errata echoes the documented defaults on purpose, with the null echo as a variant', async () => {
  // decisions: every field is echoed with its documented default; only R3's URL nulls contradict a stated rule.
  const outcome = predict({ request: { body: { clientId: '100000' } } });
  assert.equal(outcome.status, 201);
  assert.equal(outcome.body.successUrl, 'https://ui.idenfy.com/result?status=success');
  assert.equal(outcome.body.errorUrl, 'https://ui.idenfy.com/result?status=fail');
  assert.equal(outcome.body.personScanRef, '100000');
  const variant = variantObserved(entry('token-created'), 'R3');
  assert.deepEqual(variant.echoes, { successUrl: null, errorUrl: null });
  await assertFirst(JSON.stringify(body('R3')), 'token-created');
});

test('R4, a success body echoing a numeric clientId (2018): Errata refuses a numeric clientId on purpose, and shows the 2018 echo as a variant', async () => {
  // Types are strict (decisions); the request behind R4 is unknown and the API of 2018 may have differed.
  const outcome = predict({ request: { body: { clientId: 100000 } } });
  assert.equal(outcome.status, 400);
  assert.equal(outcome.entry, 'client-id-invalid');
  const variant = variantObserved(entry('token-created'), 'R4');
  assert.deepEqual(variant.echoes, { clientId: 100000 });
  await assertFirst(JSON.stringify(body('R4')), 'token-created');
});

test('R5, PARTNER_ERROR on POST /api/v2/delete (2019): its identifier entry and its case exist, are never predicted, and lookup finds them', async () => {
  const identifierEntry = entry('partner-error');
  assert.equal(identifierEntry.identifier, 'PARTNER_ERROR');
  const found = entry('deletion-token-not-expired');
  assert.deepEqual(found.endpoints, ['POST /api/v2/delete']);
  assert.equal(found.identifier, 'PARTNER_ERROR');
  assert.equal(isPredictable(found), false);
  assert.equal(found.example, undefined);
  assert.ok(!evaluationOrder.some((stage) => stage.entries.includes(found.slug)));
  assert.deepEqual(resolveEvidence(found).parts.identifier?.observed, ['R5']);
  assert.ok(resolveEvidence(found).parts.status?.inferred, 'the status was not recorded');

  await assertFirst(JSON.stringify(body('R5')), 'deletion-token-not-expired');
  await assertFirst(message('R5'), 'deletion-token-not-expired');
  assert.deepEqual(lookup(message('R5')).matches[0]?.values, { scanRef: 'b586d982-8c31-11e9-9758-309c231b1bac' });
  assert.equal(lookup('PARTNER_ERROR').matches[0]?.entry.slug, 'partner-error');
  assert.equal(lookup('partner error').matches[0]?.entry.slug, 'partner-error');
  // The body's `documentation` and `severity` keys are the older form, which the entry shows.
  const older = variantObserved(found, 'R5');
  assert.deepEqual(Object.keys(older.extra), ['documentation', 'severity']);
});

test('R6, the custom callback URL text (integrator, 2023): the predictor sends it; the message is observed, the identifier inferred', async () => {
  const outcome = predict({
    request: { body: { clientId: 'holonym', callbackUrl: 'https://id-server.holonym.io/idenfy/webhook' } },
    account: { customCallbackUrl: false },
  });
  assert.equal(outcome.entry, 'custom-callback-url-not-enabled');
  assert.equal(outcome.body.message, message('R6'));
  const evidence = resolveEvidence(entry('custom-callback-url-not-enabled'));
  assert.deepEqual(evidence.parts.message, { observed: ['R6'] });
  assert.ok(evidence.parts.identifier?.inferred && !evidence.parts.identifier.observed);
  await assertFirst(message('R6'), 'custom-callback-url-not-enabled');
  // Near-verbatim (a word dropped) still wins clearly.
  await assertFirst('You are not allowed to use custom callback url', 'custom-callback-url-not-enabled');
});

test("R7, the lack-of-funds text (integrator, 2023): the predictor's 402 sends it word for word, and it beats the token limit's variant by a wide margin", async () => {
  const outcome = predict({ account: { fundsAvailable: false } });
  assert.equal(outcome.status, 402);
  assert.equal(outcome.body.message, message('R7'));
  const evidence = resolveEvidence(entry('insufficient-funds'));
  assert.deepEqual(evidence.parts.message?.observed, ['R7']);
  assert.ok(evidence.parts.message?.documented);
  await assertFirst(message('R7'), 'insufficient-funds');
  await assertFirst(JSON.stringify({ message: message('R7') }), 'insufficient-funds');
});

test("R8, UNAUTHORIZED read by iDenfy's plugin from the token endpoint (2022): Errata follows the reference (no identifier) on purpose, and shows UNAUTHORIZED as a variant", async () => {
  // The 2026 reference says the token endpoint's authentication errors carry no identifier; no real 401 body was found.
  const outcome = predict({ request: { credentials: 'invalid' } });
  assert.equal(outcome.status, 401);
  assert.deepEqual(outcome.body, { message: 'Invalid authorization credentials' });
  const found = entry('invalid-credentials');
  assert.equal(variantObserved(found, 'R8').identifier, 'UNAUTHORIZED');
  assert.ok(resolveEvidence(found).parts.identifier?.inferred);
  assert.ok(resolveEvidence(entry('unauthorized')).parts.identifier?.observed?.includes('R8'));
  await assertFirst(JSON.stringify(body('R8')), 'unauthorized');
  // A body with the identifier and the token endpoint's text belongs to the case, through its variant.
  assert.equal(
    lookup('{"identifier":"UNAUTHORIZED","message":"Invalid authorization credentials"}').matches[0]?.entry.slug,
    'invalid-credentials',
  );
});

test("R9, PARTNER_CONTRACT_ERROR on KYB token creation (iDenfy plugin, 2026): a case of POST /kyb/tokens/, never predicted, whose message is the plugin's, inferred", async () => {
  const found = entry('kyb-session-not-enabled');
  assert.deepEqual(found.endpoints, ['POST /kyb/tokens/']);
  assert.equal(isPredictable(found), false);
  const evidence = resolveEvidence(found);
  assert.deepEqual(evidence.parts.identifier?.observed, ['R9']);
  assert.ok(evidence.parts.message?.inferred && !evidence.parts.message.observed, "the API's own text was not recorded");
  await assertFirst(JSON.stringify(body('R9')), 'partner-contract-error');
  assert.ok(lookup(JSON.stringify(body('R9'))).matches.some((match) => match.entry.slug === 'kyb-session-not-enabled'));
  await assertFirst('KYB session creation is not enabled', 'kyb-session-not-enabled');
});

test('R10, MISSING_VALUE on POST /api/v2/process (iDenfy documentation, 2019): a case of that endpoint, never predicted, found with its step', async () => {
  const found = entry('process-image-missing');
  assert.deepEqual(found.endpoints, ['POST /api/v2/process']);
  assert.equal(found.identifier, 'MISSING_VALUE');
  assert.equal(isPredictable(found), false);
  await assertFirst(JSON.stringify(body('R10')), 'process-image-missing');
  await assertFirst(message('R10'), 'process-image-missing');
  assert.deepEqual(lookup(JSON.stringify(body('R10'))).matches[0]?.values, { step: 'BACK' });
  assert.ok(cited(entry('missing-value')).has('R10'));
});

test('R11, a success body of POST /api/v2/status (2023): no error to catalogue, so no entry claims it', () => {
  assert.ok(!catalogue.some((each) => each.endpoints.some((endpoint) => endpoint.includes('/api/v2/status'))));
  assert.ok(!catalogue.some((each) => cited(each).has('R11')));
  const claimed = lookup(JSON.stringify(body('R11'))).matches.filter(
    (match) => match.reason === 'message' || match.reason === 'partial-message',
  );
  assert.deepEqual(claimed, []);
});

test('R12, the dummy session refused outside development (older docs: 400 PERMISSIONS_ERROR): Errata predicts the 2026 form, 403 without identifier, and shows R12 as its variant', async () => {
  // decisions 2026-11-27: where the 2026 documentation and an older observation disagree, the documentation decides.
  for (const keyEnvironment of ['sandbox', 'production'] as const) {
    const outcome = predict({
      request: { body: { clientId: '100000', dummyStatus: 'APPROVED' } },
      account: { keyEnvironment, endpointEnvironment: keyEnvironment },
    });
    assert.equal(outcome.status, 403, keyEnvironment);
    assert.equal(outcome.entry, 'dummy-outside-development');
    assert.deepEqual(outcome.body, { message: message('R12') });
    assert.equal(outcome.problems[0]?.pointer, '/dummyStatus');
  }
  const variant = variantObserved(entry('dummy-outside-development'), 'R12');
  assert.equal(variant.status, 400);
  assert.equal(variant.identifier, 'PERMISSIONS_ERROR');
  assert.equal(variant.message, message('R12'));
  await assertFirst(JSON.stringify(body('R12')), 'dummy-outside-development');
  await assertFirst(message('R12'), 'dummy-outside-development');
});

test('R13, a white-label answer of another product (2022): no entry claims its text', () => {
  const claimed = lookup(message('R13')).matches.filter((match) => match.score >= 0.6);
  assert.deepEqual(
    claimed.map((match) => match.entry.slug),
    [],
  );
});

test('R14, an unverified claim of 401: not counted, so no entry cites it', () => {
  assert.equal(observation('R14').trust, 'unverified');
  assert.ok(!catalogue.some((each) => cited(each).has('R14')));
});

test('every observation an entry cites is one of R1–R14, and every entry of another endpoint cites one', () => {
  const ids = new Set<string>(observations.map((each) => each.id));
  for (const each of catalogue) {
    for (const id of cited(each)) assert.ok(ids.has(id), `${each.slug}: ${id}`);
    if (!isPredictable(each) && each.kind === 'case') assert.ok(cited(each).size > 0, each.slug);
  }
});
