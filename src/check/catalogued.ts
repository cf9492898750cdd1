/**
 * Whether the catalogue knows a response, as "Recorded exchanges" defines it: its message equals
 * an entry's template or one of its variants' (placeholder values as values, any value of
 * `{ENV}`), or, with no message, its identifier names an entry. Status and fuzzy scores never
 * make a response catalogued. Every template comes from the catalogue, so entries and variants
 * added later are known here at once.
 */
import { catalogue, identifierEntry, resolveVariant, type Entry } from '../catalogue/index.ts';
import { identifiers, type Identifier } from '../catalogue/identifiers.ts';
import { fill, match, type Values } from '../catalogue/template.ts';

/** One form a catalogued response takes: an entry's own, or one of its variants. */
export interface ResponseForm {
  entry: Entry;
  /** The variant's title, for a variant. */
  variant: string | undefined;
  status: number;
  identifier: Identifier | null;
  template: string;
}

export const responseForms: readonly ResponseForm[] = catalogue.flatMap((entry) =>
  entry.message === null
    ? []
    : [
        { entry, variant: undefined, status: entry.status, identifier: entry.identifier, template: entry.message },
        ...entry.variants.map((variant) => {
          const resolved = resolveVariant(entry, variant);
          return { entry, variant: variant.title, status: resolved.status, identifier: resolved.identifier, template: resolved.message };
        }),
      ],
);

/** The identifier and message of a response body, when it has them as strings. */
export function partsOf(body: unknown): { identifier: string | undefined; message: string | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { identifier: undefined, message: undefined };
  const { identifier, message } = body as Record<string, unknown>;
  return {
    identifier: typeof identifier === 'string' ? identifier : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/**
 * The placeholder values of a message that equals the template: the template's matcher reads
 * them, then the message must be exactly the template filled with them (the matcher alone
 * forgives case, spacing and a final period, which a paste loses but an API response does not).
 */
export function exactValues(template: string, message: string): Values | null {
  const values = match(template, message);
  if (!values) return null;
  try {
    return fill(template, values) === message ? values : null;
  } catch {
    return null;
  }
}

const formsByMessage = new Map<string, ResponseForm[]>();

/** The catalogued forms whose template a message equals. Memoized: logs repeat their messages. */
export function formsOfMessage(message: string): ResponseForm[] {
  let forms = formsByMessage.get(message);
  if (!forms) {
    forms = responseForms.filter((form) => exactValues(form.template, message) !== null);
    if (formsByMessage.size > 10_000) formsByMessage.clear();
    formsByMessage.set(message, forms);
  }
  return forms;
}

/** The entries a response is catalogued as, or none: then it is a gap in the catalogue. */
export function cataloguedEntries(body: unknown): Entry[] {
  const { identifier, message } = partsOf(body);
  if (message !== undefined) return [...new Set(formsOfMessage(message).map((form) => form.entry))];
  if (identifier !== undefined && (identifiers as readonly string[]).includes(identifier))
    return [identifierEntry(identifier as Identifier)];
  return [];
}
