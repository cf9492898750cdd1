/**
 * The exact lookup of the browser: the engine's matcher over the sharded index under
 * /search/lookup/ (see src/search/sharded-lookup.ts), each file fetched once per page. Shared by
 * the search box and the triage page.
 */
import { lookupFolder } from '../../search/index-data.ts';
import { createShardedLookup, type ShardedLookup } from '../../search/sharded-lookup.ts';

export type { ShardedLookup };

async function load(name: string): Promise<unknown> {
  const response = await fetch(`${lookupFolder}${name}.json`);
  if (!response.ok) throw new Error(`the search index answered ${response.status} for ${name}`);
  return response.json();
}

let shared: ShardedLookup | undefined;

export function exactLookup(): ShardedLookup {
  shared ??= createShardedLookup(load);
  return shared;
}
