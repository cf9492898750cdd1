/** The Markdown twin of every entry page, at `/errors/<slug>.md`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { catalogue, type Entry } from '../../catalogue/index.ts';
import { entryMarkdown } from '../../site/markdown.ts';

export const getStaticPaths = (() =>
  catalogue.map((entry) => ({ params: { slug: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { entry } = props as { entry: Entry };
  const prose = await getEntry('errors', entry.slug);
  return new Response(entryMarkdown(entry, site as URL, prose?.body ?? ''), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
