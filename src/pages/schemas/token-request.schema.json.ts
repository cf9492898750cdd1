import type { APIRoute } from 'astro';
import { tokenRequestJsonSchema } from '../../site/exports.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(tokenRequestJsonSchema(site as URL), null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
