/**
 * The mock's parts on their own: the rolling window, the journal's bounds, the credentials reader,
 * the account override and the exchange format.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RollingWindow } from '../../src/mock/rolling-window.ts';
import { Journal } from '../../src/mock/journal.ts';
import { mergedLength, mergeJournals } from '../../src/mock/thread-ops.ts';
import { basicAuthorization, credentialsReader } from '../../src/mock/credentials.ts';
import { AccountError, AccountHeaderReader, parseAccount, parseAccountOverride } from '../../src/mock/account.ts';
import { toRecorded, type Exchange } from '../../src/mock/exchange.ts';
import { accountSchema } from '../../src/token/scenario.ts';

describe('RollingWindow', () => {
  test('counts what happened within the window that ends now', () => {
    const window = new RollingWindow(1000, 10);
    window.add(0);
    window.add(500);
    window.add(999);
    assert.equal(window.count(999), 3);
    assert.equal(window.count(1000), 2); // the request at 0 is exactly a window old
    assert.equal(window.count(1500), 1);
    assert.equal(window.count(5000), 0);
  });

  test('wraps around its ring and holds at most its capacity', () => {
    const window = new RollingWindow(1_000_000, 4);
    for (let time = 0; time < 10; time++) window.add(time);
    assert.equal(window.count(10), 4);
    window.clear();
    assert.equal(window.count(10), 0);
  });

  test('a window of 0 counts nothing', () => {
    const window = new RollingWindow(0, 4);
    window.add(5);
    assert.equal(window.count(5), 0);
  });
});

function exchange(index: number, body: string | Buffer | null = `{"n": ${index}}`): Exchange {
  return { sequence: index, time: index, method: 'POST', path: '/api/v2/token', headers: {}, body, status: 201, responseBody: {} };
}

test('RollingWindow: a time that comes in behind a later one counts at the later, so the ring stays in order', () => {
  const window = new RollingWindow(1000, 10);
  window.add(100);
  window.add(500);
  window.add(400); // read before the lock by a thread that got it after the one at 500
  assert.equal(window.count(1499), 2);
  assert.equal(window.count(1500), 0);
});

describe('Journal', () => {
  test('keeps the last exchanges, oldest first', () => {
    const journal = new Journal(3);
    for (let index = 0; index < 7; index++) journal.add(exchange(index));
    assert.deepEqual(
      journal.list().map((each) => each.time),
      [4, 5, 6],
    );
    journal.clear(6);
    assert.deepEqual(
      journal.list().map((each) => each.sequence),
      [6],
      'clear(n) keeps the exchanges numbered n and after',
    );
    journal.clear();
    assert.deepEqual(journal.list(), []);
  });

  test('drops its oldest while the bodies pass the budget, but keeps the newest', () => {
    const journal = new Journal(100, 10);
    journal.add(exchange(0, 'x'.repeat(6)));
    journal.add(exchange(1, 'x'.repeat(6)));
    assert.deepEqual(
      journal.list().map((each) => each.time),
      [1],
    );
    journal.add(exchange(2, 'x'.repeat(50)));
    assert.deepEqual(
      journal.list().map((each) => each.time),
      [2],
    );
  });
});

describe("the threads' journals merged", () => {
  const numbered = (sequence: number) => ({
    sequence,
    exchange: { time: '', request: { method: 'POST', path: String(sequence) }, response: { status: 201, body: {} } },
  });
  const paths = (listed: { request: { path: string } }[]) => listed.map((exchange) => Number(exchange.request.path));

  test('in the order answered, the last `capacity` of them', () => {
    const merged = mergeJournals(
      [
        { exchanges: [1, 4, 5].map(numbered), droppedThrough: -1 },
        { exchanges: [0, 2, 3, 6].map(numbered), droppedThrough: -1 },
      ],
      5,
    );
    assert.deepEqual(paths(merged), [2, 3, 4, 5, 6]);
  });

  test('after the last exchange any thread dropped for room, so that none is missing in between', () => {
    // The second thread dropped 0-5 (large bodies); the first still holds 1 and 4, which must not appear alone.
    const journals = [
      { exchanges: [1, 4, 8].map(numbered), droppedThrough: -1 },
      { exchanges: [6, 7, 9].map(numbered), droppedThrough: 5 },
    ];
    assert.deepEqual(paths(mergeJournals(journals, 1000)), [6, 7, 8, 9]);
    assert.equal(
      mergedLength(
        journals.map((journal) => ({
          sequences: journal.exchanges.map((each) => each.sequence),
          droppedThrough: journal.droppedThrough,
          answered: 0,
        })),
        1000,
      ),
      4,
    );
  });

  test('a journal remembers the last exchange it dropped for room, not the ones cleared', () => {
    const journal = new Journal(100, 10);
    journal.add({ ...exchange(0, 'x'.repeat(6)), sequence: 0 });
    journal.add({ ...exchange(1, 'x'.repeat(6)), sequence: 1 });
    assert.equal(journal.droppedThrough, 0);
    journal.clear();
    assert.equal(journal.droppedThrough, 0);
  });
});

describe('credentials', () => {
  const read = credentialsReader('key', 'se:cret');
  test('missing, valid and invalid', () => {
    assert.equal(read(undefined), 'missing');
    assert.equal(read(basicAuthorization('key', 'se:cret')), 'valid');
    assert.equal(read(`basic   ${Buffer.from('key:se:cret').toString('base64')}`), 'valid');
    for (const header of [
      '',
      'Basic',
      'Basic a2V5OnNlY3JldA==',
      'Bearer token',
      `Basic ${Buffer.from('key:se:cret').toString('base64')}!`,
    ]) {
      assert.equal(read(header), 'invalid', header);
    }
  });
});

describe('account', () => {
  test('an override keeps only the fields it names, validated by the scenario schema', () => {
    assert.deepEqual(parseAccountOverride({ active: false }), { active: false });
    assert.throws(() => parseAccountOverride({ active: 'no' }), AccountError);
    assert.throws(() => parseAccountOverride({ colour: 'red' }), /colour/);
    assert.deepEqual(parseAccount({}), accountSchema.parse({}));
  });

  test('the header reader remembers answers, good and bad, within a bound', () => {
    const reader = new AccountHeaderReader(2);
    assert.deepEqual(reader.read('{"fundsAvailable": false}'), { fundsAvailable: false });
    assert.throws(() => reader.read('{"fundsAvailable": 0}'), /fundsAvailable/);
    assert.throws(() => reader.read('{"fundsAvailable": 0}'), /fundsAvailable/);
    assert.deepEqual(reader.read('{"questionnaires": ["å"]}'.replace('å', Buffer.from('å').toString('latin1'))), { questionnaires: ['å'] });
  });
});

describe('exchange format', () => {
  test('text bodies as body, others as bodyBase64, none when not kept; Authorization redacted', () => {
    const text = toRecorded({ ...exchange(0), headers: { authorization: 'Basic secret', 'x-many': ['a', 'b'] as never } });
    assert.deepEqual(text.request, {
      method: 'POST',
      path: '/api/v2/token',
      headers: { authorization: 'Basic <redacted>', 'x-many': 'a, b' },
      body: '{"n": 0}',
    });
    assert.equal(toRecorded(exchange(1, Buffer.from([0xff]))).request.bodyBase64, '/w==');
    const none = toRecorded(exchange(2, null)).request;
    assert.ok(!('body' in none) && !('bodyBase64' in none));
    assert.equal(toRecorded(exchange(3)).time, '1970-01-01T00:00:00.003Z');
  });
});
