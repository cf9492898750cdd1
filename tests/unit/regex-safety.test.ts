/**
 * No super-linear regular expression in Errata's code. Every regular expression under `src/`
 * (literals, and `RegExp` built from fixed text) is checked with recheck, a ReDoS checker that
 * decides from the pattern's automaton whether some input makes it backtrack polynomially or
 * exponentially. A pattern it finds vulnerable fails the build, naming the file, the line and
 * the attack string, as Rust's `tidy` refuses an error without docs: whatever text a stranger
 * sends, no pattern can be made to freeze a page or the CLI.
 *
 * A pattern may be vulnerable only where it never sees text a stranger controls; each such
 * pattern is listed below with the reason, and the list is checked to stay true.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { parse } from '@babel/parser';
import { check } from 'recheck';

interface Pattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Every regular expression written in a file: literals, and `RegExp(…)` of a fixed string. */
function patternsOf(file: string): { patterns: Pattern[]; dynamic: number[] } {
  const program = parse(readFileSync(file, 'utf8'), { sourceType: 'module', plugins: ['typescript'] }).program;
  const patterns: Pattern[] = [];
  const dynamic: number[] = [];
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) continue;
    const line = node.loc?.start.line ?? 0;
    if (node.type === 'RegExpLiteral') {
      patterns.push({ file, line, source: node.pattern as string, flags: node.flags as string });
    } else if ((node.type === 'NewExpression' || node.type === 'CallExpression') && isNode(node.callee) && node.callee.name === 'RegExp') {
      const [pattern, flags] = node.arguments as Node[];
      if (pattern?.type === 'StringLiteral' && (flags === undefined || flags.type === 'StringLiteral')) {
        patterns.push({ file, line, source: pattern.value as string, flags: (flags?.value as string | undefined) ?? '' });
      } else {
        dynamic.push(line);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value);
      else if (isNode(value)) stack.push(value);
    }
  }
  return { patterns, dynamic };
}

const files = globSync('src/**/*.{ts,mts}').sort();
const found = files.map(patternsOf);
const patterns = found.flatMap((each) => each.patterns);

test('the scan finds the patterns of the code (so the checks below cannot pass by finding none)', () => {
  assert.ok(files.length > 50, `only ${files.length} files`);
  assert.ok(patterns.length > 50, `only ${patterns.length} patterns`);
  assert.ok(patterns.some((pattern) => pattern.file.endsWith('read-input.ts')));
});

test('no RegExp is built from text that varies: such a pattern could not be checked', () => {
  const dynamic = files.flatMap((file, index) => (found[index] as { dynamic: number[] }).dynamic.map((line) => `${file}:${line}`));
  assert.deepEqual(dynamic, []);
});

test('every regular expression in src/ is linear: recheck finds no input that makes it backtrack', { timeout: 300_000 }, async () => {
  const vulnerable: string[] = [];
  // Each pattern once, however often it is written.
  const unique = new Map<string, Pattern>();
  for (const pattern of patterns) unique.set(`/${pattern.source}/${pattern.flags}`, pattern);
  for (const [written, pattern] of unique) {
    const diagnostics = await check(pattern.source, pattern.flags, { timeout: 20_000 });
    if (diagnostics.status === 'vulnerable') {
      vulnerable.push(
        `${pattern.file}:${pattern.line} ${written} is ${diagnostics.complexity.type}, e.g. on ${JSON.stringify(diagnostics.attack.pattern)}`,
      );
    } else if (diagnostics.status === 'unknown') {
      vulnerable.push(`${pattern.file}:${pattern.line} ${written} could not be checked: ${diagnostics.error.kind}`);
    }
  }
  assert.deepEqual(
    vulnerable,
    [],
    `Rewrite these without overlapping repeats, or scan the text without a regular expression:\n${vulnerable.join('\n')}`,
  );
});
