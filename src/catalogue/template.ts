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

/** Templates split into parts once: the predictor fills one on every refusal. Catalogue templates only, so few. */
const partsCache = new Map<string, readonly TemplatePart[]>();

/** Fills every placeholder; a missing value is a programming error, so it throws. */
export function fill(template: string, values: Values): string {
  let split = partsCache.get(template);
  if (!split) {
    split = parts(template);
    if (partsCache.size < 10_000) partsCache.set(template, split);
  }
  let result = '';
  for (const part of split) {
    if (part.kind === 'text') {
      result += part.text;
      continue;
    }
    const value = values[part.name];
    if (value === undefined) throw new Error(`No value for placeholder {${part.name}} in "${template}"`);
    result += value;
  }
  return result;
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

/** Lower case that keeps every character's length, so that positions in both forms agree. */
function lowerKeepingLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const char of text) {
    const each = char.toLowerCase();
    result += each.length === char.length ? each : char;
  }
  return result;
}

/** White space folded to single spaces and trimmed, as pasted messages lose it on the way. */
function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A message read once for matching against many templates: folded, and in lower case beside it. */
export interface PreparedMessage {
  /** White space folded, trimmed; the values are read from this text. */
  readonly text: string;
  /** The same, lower-cased character for character. */
  readonly lower: string;
}

export function prepareMessage(message: string): PreparedMessage {
  const text = foldSpace(message);
  return { text, lower: lowerKeepingLength(text) };
}

/** A template as the matcher reads it: its literal runs (folded, lower case) around its placeholders. */
interface CompiledTemplate {
  /** One more than `names`: the text before, between and after the placeholders. */
  literals: string[];
  names: string[];
}

const compiledCache = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let compiled = compiledCache.get(template);
  if (!compiled) {
    compiled = { literals: [''], names: [] };
    for (const part of parts(foldSpace(template).replace(/\.$/, ''))) {
      if (part.kind === 'text') {
        compiled.literals[compiled.literals.length - 1] += lowerKeepingLength(part.text.replace(/\s+/g, ' '));
      } else {
        compiled.names.push(part.name);
        compiled.literals.push('');
      }
    }
    compiledCache.set(template, compiled);
  }
  return compiled;
}

/**
 * Matches a folded message against a compiled template, each placeholder taking at least one
 * character. Middle literals are found leftmost, which is the answer a lazy `(.+?)` would give and
 * never misses a match (a value can absorb anything), so the cost is linear in the message.
 */
function matchCompiled({ literals, names }: CompiledTemplate, text: string, lower: string): Values | null {
  const first = literals[0] as string;
  if (names.length === 0) return lower === first ? {} : null;
  const last = literals[names.length] as string;
  const end = lower.length - last.length;
  if (!lower.startsWith(first) || !lower.endsWith(last) || end - first.length < names.length) return null;
  const values: Record<string, string> = {};
  let position = first.length;
  for (let index = 0; index < names.length - 1; index++) {
    const literal = literals[index + 1] as string;
    const found = lower.indexOf(literal, position + 1);
    // Each later placeholder needs one character of its own before the last literal.
    if (found === -1 || found + literal.length > end - (names.length - 1 - index)) return null;
    values[names[index] as string] = text.slice(position, found);
    position = found + literal.length;
  }
  if (end - position < 1) return null;
  values[names[names.length - 1] as string] = text.slice(position, end);
  return values;
}

/**
 * Matches a whole message against a template and returns the placeholder values, or null.
 * White space is folded and case ignored, since pasted messages lose both on the way;
 * a trailing period is optional, since people copy without it. Linear in the message's length:
 * no regular expression sees the message, so no paste can make it backtrack.
 */
export function match(template: string, message: string | PreparedMessage): Values | null {
  const prepared = typeof message === 'string' ? prepareMessage(message) : message;
  const compiled = compile(template);
  const { text, lower } = prepared;
  if (text.endsWith('.')) {
    // The period is the message's own first (as a lazy value would leave it), else part of the body.
    const withoutText = text.slice(0, -1).trimEnd();
    const found = matchCompiled(compiled, withoutText, lower.slice(0, withoutText.length));
    if (found) return found;
  }
  return matchCompiled(compiled, text, lower);
}
