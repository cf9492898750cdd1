import type { APIRoute } from 'astro';
import { scenarioJsonSchema } from '../../site/exports.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(scenarioJsonSchema(site as URL), null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
