import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeScenario, encodeScenario, scenarioLink } from '../../src/share/scenario-link.ts';
import { catalogue } from '../../src/catalogue/index.ts';

test('every example scenario survives a round trip through a link', () => {
  for (const entry of catalogue) {
    if (!entry.example) continue;
    const read = decodeScenario(`#${encodeScenario(entry.example.scenario)}`);
    assert.deepEqual(read, { kind: 'scenario', scenario: entry.example.scenario }, entry.slug);
  }
});

test('a link keeps text outside ASCII and raw bodies exactly', () => {
  const scenario = { request: { rawBody: '{"clientId": "Jürgen 🙂",}' }, account: { requestsLastHour: 9999 } };
  assert.deepEqual(decodeScenario(encodeScenario(scenario)), { kind: 'scenario', scenario });
  assert.match(scenarioLink(scenario), /^\/playground\/#s=[A-Za-z0-9_-]+$/);
});

test('an empty fragment is not an error', () => {
  assert.deepEqual(decodeScenario(''), { kind: 'empty' });
  assert.deepEqual(decodeScenario('#'), { kind: 'empty' });
});

test('a damaged link says what is wrong', () => {
  const good = encodeScenario({ request: { body: { clientId: 'user-42', country: 'LT' } } });
  const cases: [string, RegExp][] = [
    [good.slice(0, good.length - 6), /cut short|changed/],
    ['s=%%%', /characters/],
    ['x=abc', /no scenario/],
    [`s=${good.slice(2).split('').reverse().join('')}`, /decompressed|JSON|not valid/],
    [encodeScenario({ request: { credentials: 'maybe' } } as never), /request\.credentials/],
  ];
  for (const [fragment, reason] of cases) {
    const read = decodeScenario(fragment);
    assert.equal(read.kind, 'damaged', fragment);
    assert.match(read.kind === 'damaged' ? read.reason : '', reason, fragment);
  }
});
