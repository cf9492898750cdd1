/**
 * `/search/lookup/<file>.json`: the exact-lookup index that the search box and the triage page
 * hand to the engine's matcher in the browser (see src/search/index-data.ts): `meta.json`, word
 * shards `w<n>.json`, entry chunks `e<n>.json` and, for triage's cards, what to do about
 * each entry, `f<n>.json`. Each is loaded on first use only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildLookupFiles } from '../../../search/index-data.ts';
import { siteIndexSources } from '../../../search/site-index.ts';

export const getStaticPaths = (() => {
  const { files } = buildLookupFiles(siteIndexSources);
  return [...files].map(([file, content]) => ({ params: { file }, props: { content } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.content), { headers: { 'Content-Type': 'application/json' } });
