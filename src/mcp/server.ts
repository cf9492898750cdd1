/**
 * `errata mcp`: the Model Context Protocol over stdio, with the official SDK, so that coding
 * assistants can ask Errata: four tools (predict, explain, lookup, validate_token_request) whose
 * answers carry text for the model and structured content for programs, and every entry as a
 * resource, `errata://errors/<slug>`, its Markdown twin.
 *
 * Arguments are checked against the limits of src/limits.ts before anything reads them; every
 * failure is a tool error (`isError`), never a crash of the server.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { catalogue, casesOf, entriesWithStatus, findEntry, identifierEntry, type Entry } from '../catalogue/index.ts';
import { parseIdentifier } from '../catalogue/identifiers.ts';
import { lookup } from '../catalogue/matcher.ts';
import { jsonValueDepth, limitWords, maxBodyBytes, maxNestingDepth, maxPasteCharacters, maxScenarioBytes, utf8Length } from '../limits.ts';
import { predict } from '../predict/predict.ts';
import { ScenarioError, scenarioSchema } from '../token/scenario.ts';
import { entryProse } from '../package/prose.ts';
import { validateTokenRequest, type TokenRequest } from '../package/index.ts';
import { entryMarkdown } from '../site/markdown.ts';
import { retryAnswer, retryQuestion, sectionTitle } from '../site/entry-view.ts';
import { responseText } from '../site/response-text.ts';
import { entryPath, siteAddress } from '../site/paths.ts';
import { tokenRequestSchema } from '../token/schema.ts';

/**
 * A zod schema as the JSON Schema of one tool argument. The SDK writes the tool's input schema as
 * draft-07 with the arguments under `properties`, so the argument's schema is draft-07 too, and its
 * references, which zod writes from the schema's own root (`#/definitions/…`), are moved to where
 * the schema will stand. Errata's own `x-errata-*` notes are left out: a strict validator (Ajv's
 * default) refuses keywords it does not know.
 */
export function argumentSchema(schema: z.ZodType, argument: string): Record<string, unknown> {
  const { $schema: _, ...generated } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  const root = `#/properties/${argument}/`;
  const placed = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(placed);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('x-errata-'))
        .map(([key, inner]) => [
          key,
          key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? `${root}${inner.slice(2)}` : placed(inner),
        ]),
    );
  };
  return placed(generated) as Record<string, unknown>;
}

/** A tool's answer: the text a model reads and the same facts as structured content. */
function answer(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Size and depth of an argument, measured before anything recursive reads it. */
function limitProblem(value: unknown, what: string, bytes: number, words: string): string | undefined {
  if (jsonValueDepth(value) > maxNestingDepth)
    return `${what} is nested more than ${maxNestingDepth} levels deep: Errata reads at most ${limitWords.depth}.`;
  const size = utf8Length(JSON.stringify(value) ?? '');
  if (size > bytes) return `${what} is ${size.toLocaleString('en-US')} bytes: Errata reads at most ${words}.`;
  return undefined;
}

function brief(entry: Entry): Record<string, unknown> {
  return { slug: entry.slug, title: entry.title, status: entry.status, identifier: entry.identifier, path: entryPath(entry.slug) };
}

function describeEntry(entry: Entry, site: string): string {
  const lines = [
    `${entry.title} (${entry.slug})`,
    `Status ${entry.status}; identifier ${entry.identifier ?? 'none'}${entry.message ? `; message: ${entry.message}` : ''}`,
    entry.summary,
    `${sectionTitle(entry, 'when')}: ${entry.cause}`,
    `${sectionTitle(entry, 'fix')}:`,
    ...entry.fix.map((step, index) => `  ${index + 1}. ${step}`),
    `${retryQuestion} ${retryAnswer(entry)}`,
    `Page: ${site}${entryPath(entry.slug)} · Resource: errata://errors/${entry.slug}`,
  ];
  return lines.join('\n');
}

/** `explain`'s reading of a query: an identifier in any spelling, a slug or a status. */
function explainQuery(query: string): Entry[] | undefined {
  const trimmed = query.trim();
  if (/^\d{3}$/.test(trimmed)) {
    const found = entriesWithStatus(Number(trimmed));
    return found.length > 0 ? [...found] : undefined;
  }
  const identifier = parseIdentifier(trimmed);
  if (identifier) return [identifierEntry(identifier), ...casesOf(identifier)];
  const slug = trimmed
    .toLowerCase()
    .replace(/^\/?errors\//, '')
    .replace(/\/$/, '');
  const entry = findEntry(slug);
  return entry ? [entry] : undefined;
}

/** The Model Context Protocol's code for a resource that does not exist. */
const resourceNotFound = -32002;

/** A resource's entry: by its slug, or by an identifier in any spelling (`BAD_VALUE`, `bad-value`). */
function resourceEntry(name: string): Entry | undefined {
  const identifier = parseIdentifier(name);
  return findEntry(name.toLowerCase()) ?? (identifier ? identifierEntry(identifier) : undefined);
}

/** What a client shows the model before it uses the server. */
const instructions =
  "Errata knows every error of iDenfy's POST /api/v2/token (identity verification): what each means, why it happens, " +
  'how to fix it, and what the API answers to a given request and account. With an error in hand (a message, a body, a ' +
  'whole HTTP response) call `lookup`; with a name (identifier, slug, status) call `explain`; before sending a body, ' +
  '`validate_token_request`; for what a whole request and account state produce, `predict`. Every entry is also a ' +
  'resource, errata://errors/<slug>.';

export interface ServerOptions {
  version: string;
  /** The site the answers link to: ERRATA_SITE, else the local preview. */
  site?: string;
}

/** The MCP server, not yet connected to a transport. */
export function createServer(options: ServerOptions): McpServer {
  const site = options.site ?? siteAddress(process.env);
  const server = new McpServer({ name: 'errata', version: options.version }, { instructions });

  server.registerTool(
    'predict',
    {
      title: 'Predict a token response',
      description:
        "Predicts exactly what iDenfy's POST /api/v2/token answers (status, body, catalogue entry, every problem in order, warnings) " +
        'for a whole request (method, credentials, body) and an account state. Use it to learn what a given request or account ' +
        'situation (inactive account, no funds, rate limit, wrong method, missing credentials, malformed JSON) produces. ' +
        'To check only a body you are about to send, `validate_token_request` is simpler. ' +
        '`scenario` is { request?: { method?, credentials?, body? | rawBody? | rawBodyBase64? }, account?: {...} }; {} is a healthy request.',
      inputSchema: { scenario: z.looseObject({}).meta(argumentSchema(scenarioSchema, 'scenario')) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ scenario }) => {
      const tooBig = limitProblem(scenario, 'The scenario', maxScenarioBytes, limitWords.scenario);
      if (tooBig) return toolError(tooBig);
      try {
        const outcome = predict(scenario);
        const entry = findEntry(outcome.entry) as Entry;
        const text =
          `Predicted response:\n${responseText(outcome.status, outcome.body)}\nEntry: ${entry.title} (${entry.slug}), ${site}${entryPath(entry.slug)}` +
          (outcome.problems.length > 1
            ? `\nAll problems, in order:\n${outcome.problems.map((p) => `- ${p.pointer || '(request)'}: ${p.message} [${p.entry}]`).join('\n')}`
            : '') +
          (outcome.warnings.length > 0 ? `\nWarnings:\n${outcome.warnings.map((w) => `- ${w.pointer}: ${w.message}`).join('\n')}` : '');
        return answer(text, { ...outcome });
      } catch (error) {
        if (error instanceof ScenarioError)
          return toolError(
            `The scenario does not fit:\n${error.issues.map((issue) => `- ${issue.path || '(scenario)'}: ${issue.message}`).join('\n')}`,
          );
        throw error;
      }
    },
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain an error identifier, entry or status',
      description:
        'Gives the catalogue entries (cause, fix, whether a retry helps, page) for something you can NAME: an error identifier ' +
        'in any spelling (BAD_VALUE, bad value), an entry slug (country-invalid) or an HTTP status (402). For a message, an ' +
        'error body or a whole HTTP response you have in hand, use `lookup` instead.',
      inputSchema: { query: z.string().min(1).max(200).describe('An identifier, a slug or a three-digit status') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query }) => {
      const found = explainQuery(query);
      if (!found) return toolError(`No identifier, slug or status matches "${query}". For a message or response, use the lookup tool.`);
      return answer(found.map((entry) => describeEntry(entry, site)).join('\n\n'), { entries: found });
    },
  );

  server.registerTool(
    'lookup',
    {
      title: 'Find the entry for an error message or response',
      description:
        'Finds which catalogue entries an error you HAVE most likely is, ranked: paste its message (with your own values, or ' +
        'part of it), its JSON error body, or a whole HTTP response (curl -i output). Returns the placeholder values read ' +
        'from the message. To read about a known identifier, slug or status, use `explain`.',
      inputSchema: { text: z.string().min(1).max(maxPasteCharacters).describe('A message, a JSON error body or a whole HTTP response') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text }) => {
      if (text.trim().length === 0) return toolError('Nothing to look up: the text is empty.');
      const result = lookup(text);
      const matches = result.matches.slice(0, 5);
      if (matches.length === 0) return toolError('No entry matches. Try a shorter piece of the message, the identifier or the status.');
      const lines = matches.map(
        (found, index) =>
          `${index + 1}. ${Math.round(found.score * 100)}% ${found.entry.slug} (${found.entry.status}, ${found.entry.identifier ?? 'no identifier'}): ${found.entry.title}` +
          (Object.keys(found.values).length > 0 ? ` · values ${JSON.stringify(found.values)}` : ''),
      );
      const best = matches[0] as (typeof matches)[number];
      return answer(`${lines.join('\n')}\n\nBest match:\n${describeEntry(best.entry, site)}`, {
        input: result.input,
        total: result.matches.length,
        matches: matches.map((found) => ({
          ...brief(found.entry),
          score: found.score,
          reason: found.reason,
          values: found.values,
          variant: found.variant ?? null,
        })),
      });
    },
  );

  server.registerTool(
    'validate_token_request',
    {
      title: 'Validate a token request body',
      description:
        "Lists every problem iDenfy's API would find in a POST /api/v2/token request body, in the order it checks them (the " +
        'first is the one it answers with), each with its entry, JSON Pointer and message. Use it on a body you are about to ' +
        'send or are writing code to build. `body` is the JSON object (or its JSON text). An empty list means the API accepts it.',
      inputSchema: {
        body: z.unknown().meta({
          anyOf: [
            { ...argumentSchema(tokenRequestSchema, 'body/anyOf/0'), description: 'The body as a JSON object' },
            { type: 'string', description: 'The body as JSON text, exactly as it would be sent' },
          ],
        }),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ body }) => {
      if (body === undefined) return toolError('Give `body`: the request body as a JSON object, or its JSON text.');
      const tooBig = limitProblem(body, 'The body', maxBodyBytes, limitWords.body);
      if (tooBig) return toolError(tooBig);
      try {
        const problems = validateTokenRequest(body as TokenRequest | string);
        const text =
          problems.length === 0
            ? 'No problems: the API would accept this body (with a healthy account).'
            : `${problems.length} problem${problems.length === 1 ? '' : 's'}, in the order the API checks (it answers with the first):\n` +
              problems
                .map(
                  (found) =>
                    `- ${found.pointer || '(body)'}: ${found.status} ${found.identifier ?? ''} ${found.message} [${site}${entryPath(found.entry)}]`,
                )
                .join('\n');
        return answer(text, { valid: problems.length === 0, problems });
      } catch (error) {
        if (error instanceof ScenarioError) return toolError(error.issues.map((issue) => issue.message).join('\n'));
        throw error;
      }
    },
  );

  server.registerResource(
    'entry',
    new ResourceTemplate('errata://errors/{slug}', {
      list: async () => ({
        resources: catalogue.map((entry) => ({
          uri: `errata://errors/${entry.slug}`,
          name: entry.slug,
          title: entry.title,
          description: entry.summary,
          mimeType: 'text/markdown',
        })),
      }),
    }),
    {
      title: 'Catalogue entry',
      description: 'An error entry as Markdown: status, identifier, message, cause, fix, retry, evidence.',
      mimeType: 'text/markdown',
    },
    async (uri, { slug }) => {
      const entry = typeof slug === 'string' ? resourceEntry(slug) : undefined;
      if (!entry)
        throw new McpError(resourceNotFound, `No catalogue entry has the slug "${String(slug)}": the resources list names them all`, {
          uri: uri.href,
        });
      return {
        contents: [{ uri: uri.href, mimeType: 'text/markdown', text: entryMarkdown(entry, new URL(`${site}/`), entryProse(entry.slug)) }],
      };
    },
  );

  return server;
}
