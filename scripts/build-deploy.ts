/**
 * `npm run build:deploy`: the build for a real host. It refuses to build without ERRATA_SITE (an
 * absolute http(s) address that is not this machine), since the site's canonical links, sitemap,
 * llms.txt and catalogue.json all carry it, and a wrong one is silently published otherwise.
 */
import { spawnSync } from 'node:child_process';

function refuse(reason: string): never {
  console.error(
    `build:deploy: ${reason}\nSet the address the site will be served from, as in: ERRATA_SITE=https://errata.example.com npm run build:deploy`,
  );
  process.exit(2);
}

const site = process.env.ERRATA_SITE;
if (!site) refuse('ERRATA_SITE is not set.');
let url: URL;
try {
  url = new URL(site);
} catch {
  refuse(`ERRATA_SITE is not an absolute address: ${JSON.stringify(site)}.`);
}
if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse(`ERRATA_SITE must be an http or https address, not ${url.protocol}`);
if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  refuse(`ERRATA_SITE names this machine (${url.host}): a deployed site needs its public address.`);

const result = spawnSync('astro', ['build'], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
