// idenfy.mjs: create an iDenfy verification token with safe error handling (Node 18+, ES module).
import { setTimeout as sleep } from 'node:timers/promises';

const TOKEN_URL = process.env.IDENFY_TOKEN_URL ?? 'https://ivs.idenfy.com/api/v2/token';
const ERRATA = 'http://localhost:4321';
const MAX_ATTEMPTS = 4; // the first try and up to three retries
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const TIMEOUT_MS = 30_000;

// What a 4xx identifier means for your code; any other identifier means 'request'.
const IDENTIFIER_KINDS = new Map([
  ['INTERNAL_ERROR', 'server'],
  ['UNAUTHORIZED', 'credentials'],
  ['PARTNER_CONTRACT_ERROR', 'account'],
  ['PERMISSIONS_ERROR', 'account'],
  ['TOO_MANY_REQUESTS', 'rate_limit'],
]);
const RETRYABLE_KINDS = new Set(['rate_limit', 'server', 'network']);
// Errata has a page for each of these.
const KNOWN_IDENTIFIERS = new Set([
  'INTERNAL_ERROR',
  'BAD_VALUE',
  'MISSING_VALUE',
  'UNAUTHORIZED',
  'ENCODING_ERROR',
  'JSON_ERROR',
  'TOKEN_NOT_VALID',
  'PARTNER_CONTRACT_ERROR',
  'METHOD_NOT_ALLOWED',
  'PERMISSIONS_ERROR',
  'TOO_MANY_REQUESTS',
  'VALIDATION_ERROR',
  'PARTNER_ERROR',
]);
const KNOWN_STATUSES = new Set([400, 401, 402, 403, 405, 429, 500]);

export class IdenfyError extends Error {
  /**
   * @param {string} kind 'rate_limit', 'server' or 'network' (the retryable kinds),
   *   'credentials', 'account', 'request' or 'unexpected'
   * @param {string} message
   */
  constructor(kind, message, { status = null, identifier = null, retryAfterMs = null, cause } = {}) {
    super(message, { cause });
    this.name = 'IdenfyError';
    this.kind = kind;
    this.status = status; // null when no response arrived
    this.identifier = identifier; // null when the body has none
    this.retryAfterMs = retryAfterMs; // from a Retry-After header
    this.helpUrl = errataUrl(status, identifier);
  }

  get retryable() {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

function errataUrl(status, identifier) {
  if (KNOWN_IDENTIFIERS.has(identifier)) {
    return `${ERRATA}/errors/${identifier.toLowerCase().replaceAll('_', '-')}/`;
  }
  if (KNOWN_STATUSES.has(status)) return `${ERRATA}/status/${status}/`;
  return null;
}

/** The body as an object, or null if it is not a JSON object (an HTML page, an empty body). */
async function jsonObject(response) {
  try {
    const body = JSON.parse(await response.text());
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

/** Branch on the status first, then on the identifier; never on the message. */
function errorKind(status, identifier) {
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server';
  if (status === 401) return 'credentials';
  if (status === 402 || status === 403) return 'account';
  if (status >= 400 && status < 500) return IDENTIFIER_KINDS.get(identifier) ?? 'request';
  return 'unexpected';
}

/** Retry-After in milliseconds, or null. iDenfy does not document this header. */
function retryAfterMs(response) {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Full jitter: a random wait between 0 and base * 2^(attempt - 1), capped. */
function backoffMs(attempt) {
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
}

async function attemptOnce(body, authorization) {
  let response;
  try {
    response = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: authorization,
      },
      body,
      redirect: 'manual', // a redirect is unexpected: following it would turn the POST into a GET
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    // No response. A timeout may hide a token that was created: see "What retrying costs".
    throw new IdenfyError('network', `No response from iDenfy: ${cause.message}`, { cause });
  }
  const data = await jsonObject(response);
  if (response.ok) {
    // Any 2xx: the endpoint answers 201 Created, so never compare with 200.
    if (typeof data?.authToken === 'string') return data;
    throw new IdenfyError('unexpected', 'Success without an authToken', { status: response.status });
  }
  // 401, 402 and 403 carry no identifier.
  const identifier = typeof data?.identifier === 'string' ? data.identifier : null;
  const message = typeof data?.message === 'string' ? data.message : `HTTP ${response.status} without a JSON error message`;
  throw new IdenfyError(errorKind(response.status, identifier), message, {
    status: response.status,
    identifier,
    retryAfterMs: retryAfterMs(response),
  });
}

/**
 * POST /api/v2/token. Resolves to the 201 body (authToken, scanRef, ...);
 * rejects with an IdenfyError.
 */
export async function createToken(payload) {
  const { IDENFY_API_KEY: key, IDENFY_API_SECRET: secret } = process.env;
  if (!key || !secret) throw new Error('Set IDENFY_API_KEY and IDENFY_API_SECRET');
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(body, authorization);
    } catch (error) {
      const wait = error.retryAfterMs ?? backoffMs(attempt);
      // A Retry-After beyond MAX_DELAY_MS is for the caller to schedule.
      if (!error.retryable || attempt >= MAX_ATTEMPTS || wait > MAX_DELAY_MS) throw error;
      await sleep(wait);
    }
  }
}
