/**
 * Whether the mock server holds on to anything per request: the mock in this process, 500,000
 * requests (every catalogue example in turn, 20 keep-alive connections), and the heap measured
 * after a full garbage collection every 100,000. Flat means nothing but the bounded journal is kept.
 *
 *   npm exec -- node --expose-gc scripts/mock-heap.ts
 */
import { Agent, request } from 'node:http';
import { catalogue } from '../src/catalogue/index.ts';
import { basicAuthorization } from '../src/mock/credentials.ts';
import { startMock } from '../src/mock/server.ts';
import { mockRequest } from '../src/site/mock-command.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc');

const mock = await startMock({ port: 0, windowSeconds: 0.2 });
const requests = catalogue.flatMap((entry) => {
  if (!entry.example) return [];
  const built = mockRequest(entry.example.scenario);
  const headers: Record<string, string> = {};
  if (built.basic !== null) {
    const [key, ...secret] = built.basic.split(':');
    headers.authorization = basicAuthorization(key as string, secret.join(':'));
  }
  if (built.account !== null) headers['errata-account'] = built.account;
  const body = built.body.kind === 'bytes' ? Buffer.from(built.body.base64, 'base64') : Buffer.from(built.body.text);
  return [{ method: built.method, headers: { ...headers, 'content-length': String(body.length) }, body }];
});
const agent = new Agent({ keepAlive: true, maxSockets: 20 });
let sent = 0;

async function connection(count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const next = requests[sent++ % requests.length] as (typeof requests)[number];
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(`${mock.url}/api/v2/token`, { method: next.method, headers: next.headers, agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      outgoing.on('error', reject);
      outgoing.end(next.body);
    });
  }
}

for (let round = 0; round < 5; round++) {
  await Promise.all(Array.from({ length: 20 }, () => connection(5000)));
  gc();
  gc();
  const memory = process.memoryUsage();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `after ${sent.toLocaleString('en-US')} requests: heap ${mib(memory.heapUsed)} MiB after GC, RSS ${mib(memory.rss)} MiB, journal ${mock.journal.length}`,
  );
}
agent.destroy();
await mock.stop();
