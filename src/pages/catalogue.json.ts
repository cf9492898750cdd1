import type { APIRoute } from 'astro';
import { catalogueExport } from '../site/exports.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(catalogueExport(site as URL), null, 2), { headers: { 'Content-Type': 'application/json' } });
