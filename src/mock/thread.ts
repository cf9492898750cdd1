/**
 * One of the mock's other threads (`--threads N`, see threads.ts): a listener on the first
 * thread's port, counting in the shared state, keeping its own journal; its log lines and
 * recorded exchanges go to the first thread, which writes them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { threadJournal } from './journal.ts';
import { listen, type Listener } from './listener.ts';
import { ExchangeLog } from './log.ts';
import { toRecorded } from './exchange.ts';
import { MockState } from './state.ts';
import { type EveryThread, PendingReplies, type ThreadReply } from './thread-ops.ts';
import type { FromThread, ThreadData, ToThread } from './threads.ts';

const port = parentPort;
if (port === null) throw new Error('src/mock/thread.ts runs as a worker thread of the mock');
const data = workerData as ThreadData;
const post = (message: FromThread) => port.postMessage(message);

const state = new MockState(
  { account: data.account, windowSeconds: data.windowSeconds, ...(data.tokens === undefined ? {} : { tokens: data.tokens }) },
  data.memory,
);
// What this thread asks of every thread goes through the first, which asks them all.
const replies = new PendingReplies<ThreadReply[]>();
const every = ((op) => replies.ask((id) => post({ type: 'every', id, op }))) as EveryThread;

let listener: Listener | undefined;
let stopping = false;
port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'op':
      // A thread asked before this one listens has nothing to give yet.
      post({ type: 'reply', id: message.id, reply: listener?.apply(message.op) });
      return;
    case 'replies':
      replies.settle(message.id, message.replies);
      return;
    case 'stop':
      // Before it listens, the thread stops as soon as it does (below).
      stopping = true;
      if (listener) void listener.stop().then(() => port.close());
      return;
  }
});

try {
  listener = await listen({
    host: data.host,
    port: data.port,
    reusePort: true,
    key: data.key,
    secret: data.secret,
    now: Date.now,
    timeouts: data.timeouts,
    state,
    journal: threadJournal(data.threads),
    every,
    ...(data.record ? { record: (exchange) => post({ type: 'record', line: JSON.stringify(toRecorded(exchange)) }) } : {}),
    ...(data.log ? { log: new ExchangeLog((text) => post({ type: 'log', text }), data.log.format, data.log.site) } : {}),
  });
  if (stopping) {
    await listener.stop();
    port.close();
  } else post({ type: 'listening' });
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException;
  post({ type: 'failed', message, code });
  port.close();
}
