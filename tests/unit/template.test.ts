/**
 * Message templates: the one place where API messages get their `{name}` placeholders filled,
 * split for rendering, and matched against what a person pasted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, match, parts, placeholders } from '../../src/catalogue/template.ts';

const environment = 'This endpoint is not available for {ENV} partners.';
const dictionary = 'Invalid data. Expected a dictionary, but got {type}.';

test('placeholders are listed in order of appearance, each once', () => {
  assert.deepEqual(placeholders(environment), ['ENV']);
  assert.deepEqual(placeholders("Document type '{document}' is not supported for country '{country}'."), ['document', 'country']);
  assert.deepEqual(placeholders('{a} and {b} and {a}'), ['a', 'b']);
  assert.deepEqual(placeholders('Partner inactive'), []);
});

test('text in braces that is not a placeholder name is left alone', () => {
  assert.deepEqual(placeholders('{} { x } {1abc} {ok_1}'), ['ok_1']);
  assert.equal(fill('{} { x } {1abc}', {}), '{} { x } {1abc}');
});

test('fill puts each value where its placeholder was', () => {
  assert.equal(fill(environment, { ENV: 'SANDBOX' }), 'This endpoint is not available for SANDBOX partners.');
  assert.equal(fill(dictionary, { type: 'list' }), 'Invalid data. Expected a dictionary, but got list.');
  assert.equal(fill('{a}-{a}', { a: 'x' }), 'x-x');
});

test('fill keeps values with spaces, slashes and replacement patterns exactly as given', () => {
  assert.equal(fill(environment, { ENV: 'TESTING/PRODUCTION' }), 'This endpoint is not available for TESTING/PRODUCTION partners.');
  assert.equal(fill(environment, { ENV: 'A B  C' }), 'This endpoint is not available for A B  C partners.');
  assert.equal(fill(environment, { ENV: "$& $' $1" }), "This endpoint is not available for $& $' $1 partners.");
});

test('fill ignores values whose placeholder the template does not have', () => {
  assert.equal(fill('Partner inactive', { ENV: 'DEMO' }), 'Partner inactive');
});

test('fill throws when a placeholder has no value, naming the placeholder', () => {
  assert.throws(() => fill(environment, {}), /\{ENV\}/);
  assert.throws(() => fill("Document type '{document}' is not supported for country '{country}'.", { document: 'VISA' }), /\{country\}/);
});

test('parts splits a template into literal text and placeholders', () => {
  assert.deepEqual(parts(environment), [
    { kind: 'text', text: 'This endpoint is not available for ' },
    { kind: 'placeholder', name: 'ENV' },
    { kind: 'text', text: ' partners.' },
  ]);
  assert.deepEqual(parts('{a}{b}'), [
    { kind: 'placeholder', name: 'a' },
    { kind: 'placeholder', name: 'b' },
  ]);
  assert.deepEqual(parts('Partner inactive'), [{ kind: 'text', text: 'Partner inactive' }]);
  assert.deepEqual(parts(''), []);
});

test('joining the parts of a template gives the template back', () => {
  for (const template of [environment, dictionary, "Field '{field}' must be a boolean.", '{x}', 'plain']) {
    const joined = parts(template)
      .map((part) => (part.kind === 'text' ? part.text : `{${part.name}}`))
      .join('');
    assert.equal(joined, template);
  }
});

test('match reads placeholder values from a whole message', () => {
  assert.deepEqual(match(environment, 'This endpoint is not available for DEMO partners.'), { ENV: 'DEMO' });
  assert.deepEqual(match(dictionary, 'Invalid data. Expected a dictionary, but got str.'), { type: 'str' });
});

test('match gives an empty set of values for a template without placeholders', () => {
  assert.deepEqual(match('Partner inactive', 'Partner inactive'), {});
});

test('match ignores case and keeps the case of the values as written', () => {
  assert.deepEqual(match(environment, 'this ENDPOINT is not available for Sandbox PARTNERS.'), { ENV: 'Sandbox' });
  assert.deepEqual(match('Partner inactive', 'PARTNER INACTIVE'), {});
});

test('match folds white space: extra spaces, tabs and line breaks', () => {
  assert.deepEqual(match(environment, '  This  endpoint\tis not\navailable for DEMO   partners.  '), { ENV: 'DEMO' });
  assert.deepEqual(
    match('Action not allowed due to lack of funds or exceeded limit.', 'Action not allowed\r\ndue to lack of funds or exceeded limit.'),
    {},
  );
});

test('match makes the trailing period optional in both directions', () => {
  assert.deepEqual(match(environment, 'This endpoint is not available for DEMO partners'), { ENV: 'DEMO' });
  assert.deepEqual(match('Partner reached token limit.', 'Partner reached token limit'), {});
  assert.deepEqual(match('Partner reached token limit', 'Partner reached token limit.'), {});
});

test('match accepts values with spaces or slashes', () => {
  assert.deepEqual(match(environment, 'This endpoint is not available for TESTING/PRODUCTION partners.'), { ENV: 'TESTING/PRODUCTION' });
  assert.deepEqual(match(environment, 'This endpoint is not available for TESTING OR PRODUCTION partners.'), {
    ENV: 'TESTING OR PRODUCTION',
  });
});

test('match does not take the final period into the last value', () => {
  assert.deepEqual(match(dictionary, 'Invalid data. Expected a dictionary, but got list.'), { type: 'list' });
  assert.deepEqual(match(dictionary, 'Invalid data. Expected a dictionary, but got list'), { type: 'list' });
});

test('match reads values from templates with several placeholders', () => {
  assert.deepEqual(
    match(
      "Document type '{document}' is not supported for country '{country}'.",
      "Document type 'VISA' is not supported for country 'LT'.",
    ),
    { document: 'VISA', country: 'LT' },
  );
});

test('match treats regular-expression characters in the template as plain text', () => {
  assert.equal(match('An error occurred while parsing/constructing JSON', 'An error occurred while parsingXconstructing JSON'), null);
  assert.deepEqual(match('Method "{method}" not allowed.', 'Method "GET" not allowed.'), { method: 'GET' });
  assert.equal(match('Invalid data. Expected', 'InvalidXdata. Expected'), null);
  assert.deepEqual(match('(a+b)*', '(a+b)*'), {});
});

test('match refuses a message that is not the whole template', () => {
  assert.equal(match(environment, 'not available for DEMO partners'), null);
  assert.equal(match('Partner inactive', 'Partner inactive since May'), null);
  assert.equal(match('Partner inactive', 'The Partner inactive'), null);
  assert.equal(match(environment, 'This endpoint is not available for  partners.'), null);
  assert.equal(match('Partner inactive', ''), null);
});

test('a filled template always matches its template with the same values', () => {
  const values = ['DEMO', 'SANDBOX', 'TESTING/PRODUCTION', 'a b', 'ü', 'x.y'];
  for (const ENV of values) assert.deepEqual(match(environment, fill(environment, { ENV })), { ENV });
});
