/**
 * Requests on one connection take effect in the order they arrived: work that waits (an answer of
 * the mock's own API, asking every thread) holds back the work behind it, and nothing else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionTurns } from '../../src/mock/connection-turns.ts';

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** Work that answers at once, noting that it ran. */
const record = (ran: string[], name: string) => () => {
  ran.push(name);
  return undefined;
};

test('work runs at once when nothing before it waits; turns of other connections are not held back', () => {
  const turns = new ConnectionTurns<object>(() => assert.fail('no failure expected'));
  const one = {};
  const other = {};
  const ran: string[] = [];
  const first = turns.take(one);
  turns.run(one, first, record(ran, 'first'));
  const waiting = turns.take(one);
  const elsewhere = turns.take(other);
  turns.run(other, elsewhere, record(ran, 'elsewhere'));
  assert.deepEqual(ran, ['first', 'elsewhere']);
  turns.run(one, waiting, record(ran, 'second'));
  assert.deepEqual(ran, ['first', 'elsewhere', 'second']);
});

test('a turn whose body arrives first still waits for the turn before it, which waits for its answer', async () => {
  const turns = new ConnectionTurns<object>(() => assert.fail('no failure expected'));
  const connection = {};
  const ran: string[] = [];
  const api = turns.take(connection);
  const token = turns.take(connection);
  const third = turns.take(connection);
  turns.run(connection, token, record(ran, 'token')); // its body was read first
  assert.equal(ran.length, 0);
  turns.run(connection, api, async () => {
    ran.push('api asks every thread');
    await later();
    ran.push('api answers');
  });
  turns.run(connection, third, record(ran, 'third'));
  assert.deepEqual(ran, ['api asks every thread']);
  await later();
  await later();
  assert.deepEqual(ran, ['api asks every thread', 'api answers', 'token', 'third']);
});

test('a skipped turn (its client went away) and failing work do not hold back those behind', async () => {
  const failures: unknown[] = [];
  const turns = new ConnectionTurns<object>((error) => failures.push(error));
  const connection = {};
  const ran: string[] = [];
  const gone = turns.take(connection);
  const throwing = turns.take(connection);
  const rejecting = turns.take(connection);
  const last = turns.take(connection);
  turns.run(connection, last, record(ran, 'last'));
  turns.run(connection, throwing, () => {
    throw new Error('thrown');
  });
  turns.run(connection, rejecting, () => Promise.reject(new Error('rejected')));
  turns.skip(connection, gone);
  await later();
  assert.deepEqual(ran, ['last']);
  assert.deepEqual(
    failures.map((error) => (error as Error).message),
    ['thrown', 'rejected'],
  );
});
