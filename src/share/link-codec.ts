/**
 * The bytes of a scenario link's fragment: DEFLATE inside base64url. The limit on what a link may
 * decode to (src/limits.ts) holds while inflating, so a crafted link of a few kilobytes cannot
 * inflate to gigabytes.
 */
import { deflateSync, Inflate } from 'fflate';
import { maxLinkInflatedBytes } from '../limits.ts';
import { tooLong } from './base64url.ts';

export { checkLinkDataLength, fromBase64Url, toBase64Url } from './base64url.ts';

export function deflate(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9 });
}

/** How much compressed input is inflated at a time: what one step can produce is bounded by it. */
const inflateStep = 64;

/**
 * Inflates DEFLATE data, stopping with a LimitError as soon as the output passes `maxBytes`:
 * the input goes in small steps, and each step can produce at most about a thousand times its
 * size, so a bomb is stopped after a few hundred kilobytes of work, not after gigabytes.
 */
export function inflateWithin(data: Uint8Array, maxBytes = maxLinkInflatedBytes): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw tooLong();
    chunks.push(chunk);
  });
  for (let offset = 0; offset < data.length || offset === 0; offset += inflateStep) {
    inflater.push(data.subarray(offset, offset + inflateStep), offset + inflateStep >= data.length);
  }
  const result = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.length;
  }
  return result;
}
