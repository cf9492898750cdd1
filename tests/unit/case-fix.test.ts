/**
 * The customer's fix in one sentence (src/search/case-fix.ts), built from the request's field
 * table: what each kind of rule says about the value a customer sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseFields, caseFix, fixText, readDate } from '../../src/search/case-fix.ts';
import { caseLimits } from '../../src/search/case-link.ts';
import { countryAliases } from '../../src/search/country-aliases.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { tokenFields } from '../../src/token/fields.ts';

/** The sentence an entry's page shows for a case, as text with code in backticks. */
function sentence(slug: string, field: string | undefined, value?: string): string | null {
  const parts = caseFix({ field, value }, caseFields(slug, tokenFields));
  return parts ? fixText(parts) : null;
}

test('a country name, in English or in a language of the UI, becomes its ISO code', () => {
  assert.equal(sentence('country-invalid', 'country', 'Lithuania'), 'Send `LT`, not `Lithuania`.');
  assert.equal(sentence('country-invalid', 'country', 'lithuania '), 'Send `LT`, not `lithuania `.');
  assert.equal(sentence('country-invalid', 'country', 'Deutschland'), 'Send `DE`, not `Deutschland`.');
  assert.equal(sentence('country-invalid', 'country', 'Lietuva'), 'Send `LT`, not `Lietuva`.');
  assert.equal(sentence('nationality-invalid', 'nationality', 'United States'), 'Send `US`, not `United States`.');
  // The short name CLDR gives the United Kingdom is not its code.
  assert.equal(sentence('country-invalid', 'country', 'UK'), 'Send `GB`, not `UK`.');
});

test('a misspelt country name names the country it is nearest to', () => {
  assert.equal(sentence('country-invalid', 'country', 'Lithuana'), 'Send `LT` (Lithuania), not `Lithuana`.');
});

test('a code the field accepts, in any case, has no sentence: the value is not what went wrong', () => {
  assert.equal(sentence('country-invalid', 'country', 'LT'), null);
  assert.equal(sentence('country-invalid', 'country', 'lt'), null);
});

test('a three-letter code or an unknown name asks for the two-letter code', () => {
  assert.equal(
    sentence('country-invalid', 'country', 'LTU'),
    'Send the two-letter ISO 3166-1 alpha-2 code in `country`, not the three-letter `LTU`.',
  );
  assert.match(sentence('country-invalid', 'country', 'Atlantis') ?? '', /two-letter ISO 3166-1 alpha-2 code in `country`, not `Atlantis`/);
});

test('every code of the field table has an English name the sentence can read back', () => {
  const country = tokenFields.find((field) => field.name === 'country');
  assert.ok(country?.rule.type === 'string' && country.rule.oneOf);
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const unread: string[] = [];
  for (const code of country.rule.oneOf) {
    const name = names.of(code);
    if (!name || sentence('country-invalid', 'country', name) !== `Send \`${code}\`, not \`${name}\`.`) unread.push(`${code} ${name}`);
  }
  // A handful of names are shared or ambiguous once folded; nearly every one reads back.
  assert.ok(unread.length <= 3, unread.join(', '));
});

test('a date in another format is given back as YYYY-MM-DD, both readings when day and month could swap', () => {
  assert.equal(sentence('date-invalid', 'dateOfBirth', '24/12/1990'), 'Send `1990-12-24`, not `24/12/1990`.');
  assert.equal(sentence('date-invalid', 'dateOfBirth', '24.12.1990'), 'Send `1990-12-24`, not `24.12.1990`.');
  assert.equal(sentence('date-invalid', 'dateOfExpiry', '2031-1-5'), 'Send `2031-01-05`, not `2031-1-5`.');
  assert.equal(sentence('date-invalid', 'dateOfBirth', '1990-12-24T00:00:00Z'), 'Send `1990-12-24`, not `1990-12-24T00:00:00Z`.');
  assert.equal(sentence('date-invalid', 'dateOfBirth', 'May 12, 1990'), 'Send `1990-05-12`, not `May 12, 1990`.');
  assert.equal(
    sentence('date-invalid', 'dateOfBirth', '03/04/1990'),
    'Send `1990-04-03` if you meant 3 April 1990, or `1990-03-04` if you meant 4 March 1990, not `03/04/1990`.',
  );
  assert.match(sentence('date-invalid', 'dateOfBirth', '2023-02-30') ?? '', /^`2023-02-30` is not a day of the calendar/);
  assert.equal(sentence('date-invalid', 'dateOfBirth', '1990-12-24'), null);
  assert.deepEqual(readDate('31/02/1990'), []);
});

test('a value too long gives the limit from the field table, and its own length when the link kept it whole', () => {
  assert.equal(sentence('name-invalid', 'firstName', 'x'.repeat(120)), 'Shorten `firstName` to at most 100 characters: yours has 120.');
  const cut = `${'y'.repeat(caseLimits.value - 1)}…`;
  assert.equal(sentence('client-id-invalid', 'clientId', cut), 'Shorten `clientId` to at most 100 characters.');
  assert.equal(
    sentence('external-ref-invalid', 'externalRef', 'r'.repeat(41)),
    'Shorten `externalRef` to at most 40 characters: yours has 41.',
  );
  assert.equal(sentence('name-invalid', 'firstName', '""'), 'Send `firstName` with a value of 1 to 100 characters, not an empty string.');
});

test('an enum value gives the nearest allowed value, or the allowed values when few', () => {
  assert.equal(sentence('token-type-invalid', 'tokenType', 'identification'), 'Send `IDENTIFICATION`, not `identification`.');
  assert.equal(sentence('token-type-invalid', 'tokenType', 'VIDEO-CALL'), 'Send `VIDEO_CALL`, not `VIDEO-CALL`.');
  assert.equal(sentence('sex-invalid', 'sex', 'Female'), 'Send `F`, not `Female`.');
  assert.equal(
    sentence('dummy-status-invalid', 'dummyStatus', 'PENDING'),
    'Send one of `APPROVED`, `DENIED`, `SUSPECTED`, `EXPIRED` or `ACTIVE` in `dummyStatus`, not `PENDING`.',
  );
  assert.equal(
    sentence('documents-invalid', 'documents', '["PASSPORT", "DRIVING_LICENSE"]'),
    'Send `["PASSPORT","DRIVER_LICENSE"]`, not `["PASSPORT", "DRIVING_LICENSE"]`.',
  );
  assert.equal(sentence('documents-invalid', 'documents', 'PASSPORT'), 'Send a list: `["PASSPORT"]`, not `PASSPORT`.');
  assert.equal(sentence('documents-invalid', 'documents', '[]'), 'Send at least one item in `documents`, not an empty list.');
});

test('a missing field is one sentence: add it', () => {
  assert.equal(sentence('client-id-missing', 'clientId'), 'Add `clientId` to the request body.');
  // The entry has one field: the case need not name it.
  assert.equal(sentence('client-id-missing', undefined), 'Add `clientId` to the request body.');
  assert.equal(sentence('client-id-missing', 'clientId', 'null'), 'Send a value in `clientId`, not `null`.');
});

test('numbers, booleans and URLs: the bound, the literal, the https address', () => {
  assert.equal(sentence('session-length-invalid', 'sessionLength', '7200'), 'Send at most `3600` in `sessionLength`, not `7200`.');
  assert.equal(sentence('session-length-invalid', 'sessionLength', '30'), 'Send at least `60` in `sessionLength`, not `30`.');
  assert.equal(sentence('expiry-time-invalid', 'expiryTime', '"600"'), 'Send `600` as a number, without quotes.');
  const flag = tokenFields.find((field) => field.entry === 'boolean-field-invalid')?.name as string;
  assert.equal(sentence('boolean-field-invalid', flag, 'yes'), 'Send `true`, not `yes`.');
  assert.equal(
    sentence('url-invalid', 'successUrl', 'http://example.com/done'),
    'Send an https:// address: `https://example.com/done`, not `http://example.com/done`.',
  );
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'example.com/hook'),
    'Send `https://example.com/hook`, not `example.com/hook`: a whole address, with https://.',
  );
});

test('a URL of another scheme names the scheme; the URL fields take only https', () => {
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'ftp://example.com/x'),
    'Send an https:// address in `callbackUrl`, not `ftp://example.com/x`: its scheme is `ftp`, and the URL fields take only `https`.',
  );
  assert.equal(
    sentence('url-invalid', 'successUrl', 'mailto:team@example.com'),
    'Send an https:// address in `successUrl`, not `mailto:team@example.com`: its scheme is `mailto`, and the URL fields take only `https`.',
  );
  // A host with a port is not a scheme.
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'example.com:8443/hook'),
    'Send `https://example.com:8443/hook`, not `example.com:8443/hook`: a whole address, with https://.',
  );
});

test('a URL with a local host asks for a public host, and says what else is wrong: no scheme, or http', () => {
  const local = (value: string, host: string, problem: string) =>
    `Send an https:// address with a public host in \`callbackUrl\` (a tunnel's, for local development), not \`${value}\`: ${problem}\`${host}\` is a local host, which iDenfy's servers cannot reach.`;
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'localhost:3000/cb'),
    local('localhost:3000/cb', 'localhost', 'it has no https://, and '),
  );
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'http://localhost:3000/cb'),
    local('http://localhost:3000/cb', 'localhost', 'its scheme is `http`, and '),
  );
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'http://127.0.0.1/cb'),
    local('http://127.0.0.1/cb', '127.0.0.1', 'its scheme is `http`, and '),
  );
  // Over https a local host passes the rule (the predictor accepts it): the value is not what went wrong.
  assert.equal(sentence('url-invalid', 'callbackUrl', 'https://192.168.1.20/cb'), null);
  assert.equal(sentence('url-invalid', 'successUrl', 'https://localhost/done'), null);
  // A redirect is followed by the person verifying, on their own device.
  assert.equal(
    sentence('url-invalid', 'successUrl', 'http://localhost:3000/done'),
    "Send an https:// address with a public host in `successUrl` (a tunnel's, for local development), not `http://localhost:3000/done`: its scheme is `http`, and `localhost` is a local host, which the people you verify cannot reach from their own devices.",
  );
  // `http:` without its slashes becomes one whole https:// address.
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'http:example.com/x'),
    'Send an https:// address: `https://example.com/x`, not `http:example.com/x`.',
  );
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'http:/example.com/x'),
    'Send an https:// address: `https://example.com/x`, not `http:/example.com/x`.',
  );
  assert.equal(
    sentence('url-invalid', 'callbackUrl', 'ftp://localhost/cb'),
    local('ftp://localhost/cb', 'localhost', 'its scheme is `ftp`, and '),
  );
  // A public host over https breaks no part of the rule the value shows; a public host over http keeps its own sentence.
  assert.equal(sentence('url-invalid', 'callbackUrl', 'https://example.com/hook'), null);
  assert.equal(sentence('url-invalid', 'callbackUrl', 'https://192.0.2.10/hook'), null);
});

test('English names CLDR may lack (country-aliases.ts) become their code, and misspellings of them are read', () => {
  for (const [name, code] of Object.entries(countryAliases)) {
    assert.equal(sentence('country-invalid', 'country', name), `Send \`${code}\`, not \`${name}\`.`, name);
  }
  assert.equal(sentence('nationality-invalid', 'nationality', 'Czech Republic'), 'Send `CZ`, not `Czech Republic`.');
  assert.equal(sentence('country-invalid', 'country', 'USA'), 'Send `US`, not `USA`.');
  assert.equal(sentence('country-invalid', 'country', 'Great Britian'), 'Send `GB` (United Kingdom), not `Great Britian`.');
});

test('the aliases add no guess: names of two countries, or as near two names, keep the general sentence', () => {
  const generic = (value: string) => `Send the country as its two-letter ISO 3166-1 alpha-2 code in \`country\`, not \`${value}\`.`;
  // "Holand" is one letter from Holland and from Poland.
  // "Nigera" is Latvian for Niger and a slip of Nigeria; "Virgin Islands" are U.S. or British; "Guiana" is near Guyana
  // and part of French Guiana; "Islands" only ends a name.
  for (const value of ['Korea', 'Congo', 'America', 'Holand', 'Nigera', 'Virgin Islands', 'Guiana', 'Islands']) {
    assert.equal(sentence('country-invalid', 'country', value), generic(value), value);
  }
});

test('no sentence without a value, for a field of another entry, or for an entry without fields', () => {
  assert.equal(sentence('country-invalid', 'country'), null);
  assert.equal(sentence('country-invalid', 'dateOfBirth', '24/12/1990'), null);
  assert.equal(sentence('insufficient-funds', undefined, 'anything'), null);
});

test('every field of the table is the field of the entry its rule names, so each entry page can hand over its rules', () => {
  const slugs = new Set(catalogue.map((entry) => entry.slug));
  for (const field of tokenFields) {
    assert.ok(slugs.has(field.entry), `${field.name} → ${field.entry}`);
    assert.ok(
      caseFields(field.entry, tokenFields).some((each) => each.name === field.name),
      field.name,
    );
  }
});

test('no guess where a value only looks like a country or a sex: a region, a state, an abbreviation, a title', () => {
  const generic = (value: string) => `Send the country as its two-letter ISO 3166-1 alpha-2 code in \`country\`, not \`${value}\`.`;
  // German's "Estland" is two letters from "England"; "India" is in "Indiana"; French's "É.-U." folds to "eu".
  for (const value of ['England', 'Scotland', 'Wales', 'Indiana', 'Texas', 'EU', 'eu']) {
    assert.equal(sentence('country-invalid', 'country', value), generic(value), value);
  }
  assert.equal(sentence('country-invalid', 'country', 'UK'), 'Send `GB`, not `UK`.');
  assert.equal(sentence('country-invalid', 'country', 'Lithuana'), 'Send `LT` (Lithuania), not `Lithuana`.');
  assert.equal(sentence('country-invalid', 'country', 'LT '), 'Send `LT` without the spaces around it, not `LT `.');
  // Titles and words of other languages are not read by their first letter.
  for (const value of ['Mrs', 'Ms', 'Miss', 'Madam', 'Mujer', 'Mx']) {
    assert.equal(sentence('sex-invalid', 'sex', value), `Send one of \`M\` or \`F\` in \`sex\`, not \`${value}\`.`, value);
  }
  assert.equal(sentence('sex-invalid', 'sex', 'Female'), 'Send `F`, not `Female`.');
  assert.equal(sentence('sex-invalid', 'sex', 'woman'), 'Send `F`, not `woman`.');
});

test("a country's own English name is never held ambiguous, though it is part of another's", () => {
  for (const [name, code] of [
    ['Niger', 'NE'],
    ['Dominica', 'DM'],
    ['Guinea', 'GN'],
    ['Sudan', 'SD'],
    ['Samoa', 'WS'],
    ['Guyana', 'GY'],
  ] as const) {
    assert.equal(sentence('country-invalid', 'country', name), `Send \`${code}\`, not \`${name}\`.`, name);
  }
});
