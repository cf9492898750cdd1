/**
 * What the 404 page does with an address: any spelling of an identifier or a slug under
 * /errors/ leads to the entry; a near miss gets suggestions. Pure, so it is unit-tested.
 */
import { identifierSlug, parseIdentifier } from '../catalogue/identifiers.ts';

export type Resolution = { kind: 'redirect'; path: string } | { kind: 'suggest'; paths: string[] } | { kind: 'none' };

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function resolveErrorPath(pathname: string, slugs: readonly string[]): Resolution {
  const found = /^\/errors\/([^/]+?)(?:\.html)?\/?$/.exec(pathname);
  if (!found) return { kind: 'none' };
  let name: string;
  try {
    name = decodeURIComponent(found[1] as string);
  } catch {
    return { kind: 'none' };
  }
  const identifier = parseIdentifier(name);
  if (identifier) return { kind: 'redirect', path: `/errors/${identifierSlug(identifier)}/` };
  const same = slugs.find((slug) => squash(slug) === squash(name));
  if (same) return { kind: 'redirect', path: `/errors/${same}/` };
  const key = squash(name);
  const close = key.length < 3 ? [] : slugs.filter((slug) => squash(slug).includes(key) || key.includes(squash(slug)));
  return close.length > 0 ? { kind: 'suggest', paths: close.slice(0, 5).map((slug) => `/errors/${slug}/`) } : { kind: 'none' };
}
