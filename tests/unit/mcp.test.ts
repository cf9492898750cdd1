/** The MCP server of `errata mcp` (src/mcp/server.ts), in-process through the SDK's in-memory transport. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer } from '../../src/mcp/server.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const client = new Client({ name: 'unit', version: '1.0.0' });
const server = createServer({ version: '0.0.0-test', site: 'https://errata.example' });

async function call(name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  return {
    isError: result.isError === true,
    text: content[0]?.text ?? '',
    structured: result.structuredContent as Record<string, unknown> | undefined,
  };
}

before(async () => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
});
after(async () => {
  await client.close();
  await server.close();
});

describe('errata mcp', () => {
  test('four tools, each saying when to use it, with the input schemas of the zod schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ['predict', 'explain', 'lookup', 'validate_token_request'],
    );
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    const scenario = byName.get('predict')?.inputSchema.properties?.scenario as { properties?: Record<string, unknown> };
    assert.deepEqual(Object.keys(scenario.properties ?? {}), ['request', 'account']);
    const body = byName.get('validate_token_request')?.inputSchema.properties?.body as {
      anyOf?: { properties?: Record<string, unknown>; type?: string }[];
    };
    assert.ok(body.anyOf?.[0]?.properties?.clientId, 'the body as an object, with its fields');
    assert.equal(body.anyOf?.[1]?.type, 'string', 'or as JSON text');
    assert.match(byName.get('explain')?.description ?? '', /use `lookup` instead/);
    assert.match(byName.get('lookup')?.description ?? '', /use `explain`/);
  });

  test('every input schema compiles in a strict JSON Schema validator, and accepts and refuses what the tool does', async () => {
    // Clients validate arguments against these schemas before calling (and some drop a tool whose
    // schema does not compile): a dangling $ref or an unknown keyword would hide the tool.
    const { tools } = await client.listTools();
    const ajv = new Ajv({ allErrors: true }); // Ajv's defaults: unknown keywords are refused
    addFormats.default(ajv); // as the SDK's own validator does
    const validators = new Map(tools.map((tool) => [tool.name, ajv.compile(tool.inputSchema)]));
    const valid = (name: string, args: unknown) => validators.get(name)?.(args) === true;
    assert.ok(
      valid('predict', {
        scenario: { request: { method: 'POST', body: { clientId: 'a', documents: ['ID_CARD'] } }, account: { fundsAvailable: false } },
      }),
    );
    assert.ok(valid('predict', { scenario: {} }));
    assert.ok(!valid('predict', { scenario: { request: { credentials: 'maybe' } } }));
    assert.ok(valid('validate_token_request', { body: { clientId: 'user-1', country: 'LT' } }));
    assert.ok(valid('validate_token_request', { body: '{"clientId": "user-1"}' }), 'the body as JSON text');
    assert.ok(valid('explain', { query: 'BAD_VALUE' }));
    assert.ok(!valid('explain', {}));
    assert.ok(valid('lookup', { text: 'Rate limit exceeded' }));
  });

  test('each tool answers with text and structured content, linking to the site given', async () => {
    const predicted = await call('predict', { scenario: { account: { fundsAvailable: false } } });
    assert.equal(predicted.structured?.status, 402);
    assert.match(predicted.text, /https:\/\/errata\.example\/errors\//);
    const explained = await call('explain', { query: 'bad value' });
    assert.equal((explained.structured?.entries as { slug: string }[] | undefined)?.[0]?.slug, 'bad-value');
    assert.ok(((await call('explain', { query: '402' })).structured?.entries as unknown[] | undefined)?.length);
    const looked = await call('lookup', { text: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." });
    assert.equal((looked.structured?.matches as { slug: string }[] | undefined)?.[0]?.slug, 'country-invalid');
    const validated = await call('validate_token_request', { body: '{"clientId": "a", "tokenType": "SELFIE"}' });
    assert.equal(validated.structured?.valid, false);
    assert.deepEqual(await call('validate_token_request', { body: { clientId: 'user-1' } }).then((found) => found.structured), {
      valid: true,
      problems: [],
    });
  });

  test('bad arguments and arguments over the limits are tool errors, and the server goes on', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 600; level++) deep = [deep];
    const failures = [
      await call('predict', { scenario: { request: { credentials: 'maybe' } } }),
      await call('predict', { scenario: [] }),
      await call('predict', {}),
      await call('explain', { query: '' }),
      await call('explain', { query: 'nothing-like-this' }),
      await call('lookup', { text: '   ' }),
      await call('lookup', { text: 'x'.repeat(1024 * 1024 + 1) }),
      await call('validate_token_request', {}),
      await call('validate_token_request', { body: { clientId: 'a', extra: deep } }),
      await call('validate_token_request', { body: 'x'.repeat(1024 * 1024 + 10) }),
      await call('no_such_tool', {}),
    ];
    for (const [index, failure] of failures.entries()) {
      assert.equal(failure.isError, true, `failure ${index}: ${failure.text}`);
      assert.ok(failure.text.length > 0);
    }
    assert.match(failures[8]?.text ?? '', /512/);
    assert.match(failures[9]?.text ?? '', /1 MiB/);
    assert.equal((await call('explain', { query: 'BAD_VALUE' })).isError, false);
  });

  test('every entry is a Markdown resource, errata://errors/<slug>', async () => {
    const { resources } = await client.listResources();
    assert.equal(resources.length, catalogue.length);
    const read = await client.readResource({ uri: 'errata://errors/country-invalid' });
    const content = read.contents[0] as { text: string; mimeType: string };
    assert.equal(content.mimeType, 'text/markdown');
    assert.match(content.text, /^# /);
    assert.match(content.text, /https:\/\/errata\.example\/errors\/country-invalid\//);
    await assert.rejects(client.readResource({ uri: 'errata://errors/no-such-entry' }), (error: { code?: number; message: string }) => {
      assert.equal(error.code, -32002, 'the protocol’s "resource not found"');
      assert.match(error.message, /no-such-entry/);
      return true;
    });
    const byIdentifier = await client.readResource({ uri: 'errata://errors/BAD_VALUE' });
    assert.match(
      (byIdentifier.contents[0] as { text: string }).text,
      /https:\/\/errata\.example\/errors\/bad-value\//,
      'an identifier names its entry',
    );
  });

  test('the server tells the client when to use which tool', () => {
    const instructions = client.getInstructions() ?? '';
    for (const tool of ['lookup', 'explain', 'validate_token_request', 'predict']) assert.match(instructions, new RegExp(`\`${tool}\``));
  });
});
