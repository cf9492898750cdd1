import type { APIRoute } from 'astro';
import { llmsIndex } from '../site/llms.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(llmsIndex(site as URL), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
