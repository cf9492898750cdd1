/**
 * The limits on what a stranger can make Errata read: one statement, applied the same way in the
 * CLI, the playground, triage, the mock server, `errata check` and links. Each is generous for any
 * real request or paste, and small enough that the work behind it stays bounded.
 *
 * Beyond a limit nothing is predicted or matched: the CLI exits 2 naming the limit, the pages show
 * a notice, the mock answers 413 (size) or 422 (depth) with `{"errata": "<reason>"}`, and
 * `errata check` skips the exchange with the reason.
 */

/** A request body, in bytes (UTF-8 for text). iDenfy's own requests are a few kilobytes. */
export const maxBodyBytes = 1024 * 1024;

/** How deep arrays and objects may nest in a request body (or a scenario). The token request needs 3. */
export const maxNestingDepth = 512;

/** What a share (`#s=`) or customer (`#case=`) link may inflate to, in bytes. */
export const maxLinkInflatedBytes = 64 * 1024;

/** A paste into a page (triage, the home page's box, the search box), in characters. Files are streamed. */
export const maxPasteCharacters = 1024 * 1024;

/**
 * A scenario file for `errata predict`, in bytes: room for a body at the limit even when JSON's
 * escapes (`\u0000`, six characters a byte) make its text several times longer.
 */
export const maxScenarioBytes = 8 * 1024 * 1024;

/** The limits in words, for notices, help texts and documentation. */
export const limitWords = {
  body: '1 MiB',
  depth: '512 levels of nesting',
  link: '64 KiB once decompressed',
  paste: '1 MiB',
  scenario: '8 MiB',
} as const;

/** Why an input was refused: which limit, in a sentence that names it. */
export class LimitError extends Error {
  readonly limit: keyof typeof limitWords;

  constructor(limit: keyof typeof limitWords, message: string) {
    super(message);
    this.name = 'LimitError';
    this.limit = limit;
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text, read without parsing it, so that a
 * body of a million brackets is measured before any recursive code sees it. Strings are skipped
 * (brackets inside them do not count). Stops as soon as `limit` is passed and returns limit + 1.
 * Linear in the text's length, with no recursion.
 */
export function jsonTextDepth(text: string, limit = maxNestingDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index++;
      else if (code === 0x22 /* " */) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return limit + 1;
      }
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return deepest;
}

/** At most how many bytes of JSON text a value that holds no array or object becomes. */
function scalarBytesAtMost(value: unknown): number {
  switch (typeof value) {
    case 'string':
      // Quotes, and at worst six bytes a UTF-16 unit (`\u0000`); UTF-8 needs at most three.
      return 2 + 6 * value.length;
    case 'number':
      return 25; // as long as -0.0000012345678901234567 (-1.2345678901234567e-6)
    case 'boolean':
      return 5;
    default:
      return 4; // null (undefined in an array is written null)
  }
}

/**
 * The deepest nesting of a parsed JSON value and an upper bound on the UTF-8 bytes of its JSON
 * text, in one walk with an explicit stack (no recursion), giving up with depth limit + 1 as soon
 * as the limit is passed. Cycles cannot occur in parsed JSON (one would pass the limit). The bound
 * spares most values their serialization when only the size limit matters; a value that
 * JSON.stringify reads by other rules (a toJSON method, a boxed or class instance) has none.
 */
export function jsonValueMeasure(value: unknown, limit = maxNestingDepth): { depth: number; bytesAtMost: number } {
  if (typeof value !== 'object' || value === null) return { depth: 0, bytesAtMost: scalarBytesAtMost(value) };
  let deepest = 0;
  let bytes = 0;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return { depth: limit + 1, bytesAtMost: Number.POSITIVE_INFINITY };
    }
    if (typeof (node as { toJSON?: unknown }).toJSON === 'function') bytes = Number.POSITIVE_INFINITY;
    if (Array.isArray(node)) {
      bytes += 2 + node.length; // brackets and commas
      // By index, as JSON.stringify reads an array (an iterator of its own could hide elements).
      for (let index = 0; index < node.length; index++) {
        const child: unknown = node[index];
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
        else bytes += scalarBytesAtMost(child);
      }
      continue;
    }
    const prototype = Object.getPrototypeOf(node);
    if (prototype !== Object.prototype && prototype !== null) bytes = Number.POSITIVE_INFINITY;
    bytes += 2;
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      bytes += 4 + 6 * key.length; // the key's quotes, colon and comma
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
      else bytes += scalarBytesAtMost(child);
    }
  }
  return { depth: deepest, bytesAtMost: bytes };
}

/** The deepest nesting of a parsed JSON value (see jsonValueMeasure), limit + 1 once past the limit. */
export function jsonValueDepth(value: unknown, limit = maxNestingDepth): number {
  return jsonValueMeasure(value, limit).depth;
}

/** The length in UTF-8 bytes of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
