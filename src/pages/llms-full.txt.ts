import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { llmsFull } from '../site/llms.ts';

export const GET: APIRoute = async ({ site }) => {
  const prose = new Map((await getCollection('errors')).map((item) => [item.id, item.body ?? '']));
  return new Response(llmsFull(site as URL, prose), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
