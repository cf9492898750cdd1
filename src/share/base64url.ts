/**
 * Base64url, the text of every link fragment Errata writes, and the limit on how long such text
 * may be before it is decoded at all. No dependencies: entry pages load it for customer links.
 */
import { base64FromBytes, bytesOfBinary } from '../base64.ts';
import { limitWords, LimitError, maxLinkInflatedBytes } from '../limits.ts';

export function toBase64Url(bytes: Uint8Array): string {
  // Padding is at most two characters at the end.
  const base64 = base64FromBytes(bytes);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return base64
    .slice(0, base64.length - padding)
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

/** Decodes base64url (padding optional); throws on any other character. */
export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return bytesOfBinary(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)));
}

/** The longest base64url text that can decode to `bytes` bytes. */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export const tooLong = (): LimitError =>
  new LimitError(
    'link',
    `the link carries more than ${limitWords.link} (${maxLinkInflatedBytes.toLocaleString('en-US')} bytes), more than any link Errata writes`,
  );

/** Refuses, before decoding, fragment data longer than anything within the limit could be. */
export function checkLinkDataLength(data: string, compressed: boolean): void {
  // DEFLATE never grows data by more than a few bytes per 16 KiB block, so the compressed
  // form of anything within the limit is at most the limit plus a little.
  const most = base64Length(maxLinkInflatedBytes + (compressed ? 1024 : 0));
  if (data.length > most) throw tooLong();
}
