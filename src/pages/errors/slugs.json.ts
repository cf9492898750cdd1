/** Every slug, for the 404 page to resolve other spellings of an entry's address. */
import type { APIRoute } from 'astro';
import { catalogue } from '../../catalogue/index.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(catalogue.map((entry) => entry.slug)), { headers: { 'Content-Type': 'application/json' } });
