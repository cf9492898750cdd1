/**
 * Message templates: API messages with `{name}` placeholders, kept as plain strings so that they
 * can be filled by the predictor, matched against a pasted message and exported as data.
 */

const placeholderPattern = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export type Values = Readonly<Record<string, string>>;

const placeholderCache = new Map<string, readonly string[]>();

/** The placeholder names of a template, in order of appearance, without repeats. */
export function placeholders(template: string): readonly string[] {
  let names = placeholderCache.get(template);
  if (!names) {
    names = [...new Set([...template.matchAll(placeholderPattern)].map((match) => match[1] as string))];
    placeholderCache.set(template, names);
  }
  return names;
}

/** Fills every placeholder; a missing value is a programming error, so it throws. */
export function fill(template: string, values: Values): string {
  return template.replace(placeholderPattern, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for placeholder {${name}} in "${template}"`);
    return value;
  });
}

/** A template split into literal text and placeholders, for rendering and matching. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

export function parts(template: string): TemplatePart[] {
  const result: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    if (match.index > last) result.push({ kind: 'text', text: template.slice(last, match.index) });
    result.push({ kind: 'placeholder', name: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < template.length) result.push({ kind: 'text', text: template.slice(last) });
  return result;
}

const regexCache = new Map<string, RegExp>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches a whole message against a template and returns the placeholder values, or null.
 * White space is folded and case ignored, since pasted messages lose both on the way;
 * a trailing period is optional, since people copy without it.
 */
export function match(template: string, message: string): Values | null {
  let regex = regexCache.get(template);
  if (!regex) {
    const body = parts(template.replace(/\.$/, ''))
      .map((part) =>
        part.kind === 'text'
          ? escapeRegex(part.text).replace(/\s+/g, '\\s+')
          : `(?<${part.name}>.+?)`,
      )
      .join('');
    regex = new RegExp(`^\\s*${body}\\.?\\s*$`, 'is');
    regexCache.set(template, regex);
  }
  const found = regex.exec(message);
  if (!found) return null;
  return { ...found.groups };
}
