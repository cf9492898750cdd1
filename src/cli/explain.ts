/**
 * `errata explain <identifier | slug | status>`: catalogue entries, readable or as JSON.
 */
import { parseArgs } from 'node:util';
import { casesOf, catalogue, entriesWithStatus, findEntry, identifierEntry, statuses, type Entry } from '../catalogue/index.ts';
import { parseIdentifier } from '../catalogue/identifiers.ts';
import { statusLine } from '../predict/http.ts';
import { exitCode, onePositional, parseCommandArgs, type Command } from './command.ts';
import { formatEntry, formatEntryList } from './format.ts';
import type { Io } from './io.ts';
import { closest } from './suggest.ts';

const help = `Usage: npm run errata -- explain <identifier | slug | status> [--json]

Shows catalogue entries: title, status, identifier, message, cause, fix, retry, provenance
and the variants you may also see.

  explain BAD_VALUE          an identifier, in any spelling (bad_value, "bad value"): its entry,
                             then the cases that carry it
  explain country-invalid    an entry by its slug (its page is /errors/<slug>/)
  explain 402                every entry with that status

Options:
  --json       Print the entry records as JSON: an object for a slug, an array for an
               identifier (its entry, then its cases) or a status
  -h, --help   Show this help

Exit codes: 0 found, 1 nothing matches, 2 bad arguments.
To find the entry for a message or response you have, use "lookup".
`;

/** What a query found: the entries to print, and how. */
type Found =
  | { kind: 'slug'; entry: Entry }
  | { kind: 'identifier'; entry: Entry; cases: readonly Entry[] }
  | { kind: 'status'; status: number; entries: readonly Entry[] };

/** `/errors/country-invalid/`, `Country_Invalid` → `country-invalid`. */
function slugOf(query: string): string {
  return query
    .trim()
    .toLowerCase()
    .replace(/^\/?errors\//, '')
    .replace(/\/$/, '')
    .replace(/[\s_]+/g, '-');
}

function find(query: string): Found | undefined {
  const trimmed = query.trim();
  if (/^\d{3}$/.test(trimmed)) {
    const status = Number(trimmed);
    return { kind: 'status', status, entries: entriesWithStatus(status) };
  }
  const identifier = parseIdentifier(trimmed);
  if (identifier) return { kind: 'identifier', entry: identifierEntry(identifier), cases: casesOf(identifier) };
  const entry = findEntry(slugOf(trimmed));
  return entry ? { kind: 'slug', entry } : undefined;
}

function asJson(found: Found): unknown {
  if (found.kind === 'slug') return found.entry;
  if (found.kind === 'identifier') return [found.entry, ...found.cases];
  return found.entries;
}

function asText(found: Found): string {
  if (found.kind === 'slug') return formatEntry(found.entry);
  if (found.kind === 'identifier') {
    const identifier = found.entry.identifier as string;
    const cases =
      found.cases.length === 0
        ? `No case entry carries ${identifier}.\n`
        : `Cases that carry ${identifier} (${found.cases.length}):\n${formatEntryList(found.cases, ['slug', 'status', 'title'])}`;
    return `${formatEntry(found.entry)}\n${cases}`;
  }
  const [only] = found.entries;
  if (found.entries.length === 1 && only) return formatEntry(only);
  return (
    `${found.entries.length} entries have status ${statusLine(found.status)}:\n` +
    `${formatEntryList(found.entries, ['slug', 'kind', 'identifier', 'title'])}\n` +
    `Show one with: npm run errata -- explain <slug>\n`
  );
}

function notFound(query: string, found: Found | undefined): string {
  if (found?.kind === 'status') {
    return `No entry has status ${statusLine(found.status)}. Statuses in the catalogue: ${statuses.join(', ')}.\n`;
  }
  const close = closest(
    slugOf(query),
    catalogue.map((entry) => entry.slug),
  );
  const suggestion = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
  return (
    `No identifier, slug or status matches "${query}".${suggestion}\n` +
    `To find the entry for a message or a response, use: npm run errata -- lookup "<text>"\n`
  );
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const query = onePositional(positionals, 'an identifier, a slug or a status', true);
  const found = find(query);
  if (!found || (found.kind === 'status' && found.entries.length === 0)) {
    io.stderr(notFound(query, found));
    return exitCode.negative;
  }
  io.stdout(values.json ? `${JSON.stringify(asJson(found), null, 2)}\n` : asText(found));
  return exitCode.ok;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'show the entries for an identifier, a slug or a status',
  help,
  run,
};
