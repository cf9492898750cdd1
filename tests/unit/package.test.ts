/** The package's library entry (src/package/index.ts) and its generated request type, in-process. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { requestTypeSource } from '../../scripts/token-request-type.ts';
import { explainResponse, identifiers, isIdentifier, validateTokenRequest } from '../../src/package/index.ts';
import { claudeCodeCommand, commonJsNote, installCommands, mcpServersJson } from '../../src/site/package-usage.ts';
import { stripFrontMatter } from '../../src/package/prose.ts';
import { entryProse } from '../../src/package/prose.ts';

describe('the package entry', () => {
  test('src/token/request-type.ts is what the field table gives (run `npm run token:types`)', () => {
    assert.equal(readFileSync('src/token/request-type.ts', 'utf8'), requestTypeSource());
  });

  test('explainResponse: entry, values, fix, retry, path; url from the option, else ERRATA_SITE, else null', () => {
    const response = {
      status: 429,
      body: { identifier: 'TOO_MANY_REQUESTS', message: 'Requests per hour limit has been reached. Default value is 10000.' },
    };
    const saved = process.env.ERRATA_SITE;
    try {
      delete process.env.ERRATA_SITE;
      const plain = explainResponse(response);
      assert.equal(plain?.entry.slug, 'rate-limit-exceeded');
      assert.equal(plain?.path, '/errors/rate-limit-exceeded/');
      assert.equal(plain?.url, null);
      assert.equal(plain?.retry.helps, true);
      assert.equal(explainResponse(response, { site: 'https://a.example//' })?.url, 'https://a.example/errors/rate-limit-exceeded/');
      process.env.ERRATA_SITE = 'https://b.example';
      assert.equal(explainResponse(response)?.url, 'https://b.example/errors/rate-limit-exceeded/');
      assert.equal(explainResponse({ ...response, body: JSON.stringify(response.body) })?.entry.slug, 'rate-limit-exceeded');
    } finally {
      if (saved === undefined) delete process.env.ERRATA_SITE;
      else process.env.ERRATA_SITE = saved;
    }
  });

  test('explainResponse: null for what no entry explains; a bare identifier names its entry', () => {
    assert.equal(explainResponse({ status: 418, body: 'I am a teapot' }), null);
    assert.equal(explainResponse({ status: 500, body: { message: 'Something else entirely' } }), null);
    assert.equal(explainResponse({ status: 401, body: { identifier: 'UNAUTHORIZED' } })?.entry.slug, 'unauthorized');
  });

  test('explainResponse: a message Errata does not know falls back to the identifier’s own entry, and says so', () => {
    const limited = explainResponse({ status: 429, body: { identifier: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded' } });
    assert.deepEqual([limited?.entry.slug, limited?.matchedBy, limited?.retry.helps], ['too-many-requests', 'identifier', true]);
    const broken = explainResponse({ status: 500, body: { identifier: 'INTERNAL_ERROR', message: 'Something broke on our side' } });
    assert.deepEqual([broken?.entry.slug, broken?.matchedBy], ['internal-error', 'identifier']);
    const known = explainResponse({
      status: 400,
      body: { identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." },
    });
    assert.deepEqual([known?.entry.slug, known?.matchedBy], ['country-invalid', 'message']);
  });

  test('explainResponse: a response without a status, or a site that is no address, is a clear TypeError', () => {
    assert.throws(() => explainResponse(undefined as never), /needs the response as \{ status, body \}/);
    const response = { status: 401, body: { identifier: 'UNAUTHORIZED' } };
    assert.throws(() => explainResponse(response, { site: 'not a url' }), /must be an http\(s\) address/);
  });

  test('validateTokenRequest: every problem in order, with entry, identifier, status, pointer and message', () => {
    const problems = validateTokenRequest({ clientId: 'user-1', country: 'XX', dateOfBirth: '2023-02-30' });
    assert.deepEqual(
      problems.map((found) => [found.entry, found.pointer]),
      [
        ['country-invalid', '/country'],
        ['date-invalid', '/dateOfBirth'],
      ],
    );
    assert.deepEqual(validateTokenRequest({ clientId: 'user-1' }), []);
    assert.equal(validateTokenRequest('{"clientId":')[0]?.identifier, 'JSON_ERROR');
    assert.equal(validateTokenRequest(undefined)[0]?.identifier, 'JSON_ERROR', 'no body is not the sample body');
  });

  test('isIdentifier guards the union', () => {
    assert.ok(identifiers.every((identifier) => isIdentifier(identifier)));
    assert.equal(isIdentifier('bad_value'), false);
    assert.equal(isIdentifier(undefined), false);
  });

  test('prose: front matter stripped; in the repository it is read from content/', () => {
    assert.equal(stripFrontMatter('---\ntitle: x\n---\nBody\n'), 'Body\n');
    assert.equal(stripFrontMatter('No front matter'), 'No front matter');
    assert.match(entryProse('address-invalid'), /exact rule/);
    assert.equal(entryProse('no-such-entry'), '');
  });
});

describe('the package documentation', () => {
  test('the README shows the error handler exactly as docs/examples/handler.ts, which the package test type-checks', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.ok(readme.includes(`\`\`\`ts\n${readFileSync('docs/examples/handler.ts', 'utf8')}\`\`\``));
  });

  test('the README shows the install commands, the CommonJS note and the MCP configuration of the /use/ page, word for word', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [name, text] of Object.entries({ installCommands, commonJsNote, mcpServersJson, claudeCodeCommand })) {
      assert.ok(readme.includes(text), `README.md lacks ${name} of src/site/package-usage.ts`);
    }
    assert.doesNotMatch(
      `${installCommands}\n${mcpServersJson}\n${claudeCodeCommand}`,
      /npm install errata\b|"npx"/,
      'nothing fetches the name from the registry',
    );
  });

  test('package.json: bin, exports with types, files without the site, and no site dependency at run time', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.bin, { errata: 'lib/cli.js' });
    assert.equal(manifest.exports['.'].types, './lib/types/package/index.d.ts');
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['@modelcontextprotocol/sdk', 'zod']);
    for (const name of ['astro', 'shiki', 'pagefind', '@astrojs/mdx']) assert.ok(manifest.devDependencies[name], name);
    assert.equal(manifest.devDependencies.esbuild, '0.28.2');
  });
});
