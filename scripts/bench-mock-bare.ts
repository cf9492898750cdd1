/**
 * The baselines of `npm run bench:mock`: a bare node:http server that reads the request's body and
 * answers either a constant (`constant`: the ceiling of the machine, load generator and workload)
 * or the predictor's answer (`predictor`: answerParsed, as the mock runs it, in a wrapper with
 * none of the mock's features: no limits, journal, counters or timeouts). Prints its base URL on
 * stdout once listening.
 */
import { createServer } from 'node:http';
import { answerParsed } from '../src/predict/predict.ts';
import { AccountHeaderReader, parseAccount } from '../src/mock/account.ts';

const mode = process.argv[2] === 'predictor' ? 'predictor' : 'constant';
const account = parseAccount({});
const accountHeaders = new AccountHeaderReader();
const constant = JSON.stringify({ identifier: 'BAD_VALUE', message: "Field 'clientId' must be a non-blank string." });

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let status = 400;
    let body = constant;
    if (mode === 'predictor') {
      const header = request.headers['errata-account'];
      const outcome = answerParsed({
        request: {
          method: request.method ?? 'GET',
          credentials: request.headers.authorization === undefined ? 'missing' : 'valid',
          rawBody: Buffer.concat(chunks).toString('utf8'),
        },
        account: { ...account, ...(typeof header === 'string' ? accountHeaders.read(header) : {}) },
      });
      status = outcome.status;
      body = JSON.stringify(outcome.body);
    }
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`http://127.0.0.1:${port}`);
});
