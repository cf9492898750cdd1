import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entry } from '../../src/catalogue/index.ts';
import { reportLink, trackerOf } from '../../src/site/report.ts';

const country = entry('country-invalid');
const page = 'https://errata.example/errors/country-invalid/';

test('a tracker ending in /issues gets a new issue prefilled with the entry, its page and the catalogue version', () => {
  const link = new URL(reportLink({ url: 'https://github.com/acme/errata/issues' }, country, page, '1.2.0') ?? '');
  assert.equal(link.origin + link.pathname, 'https://github.com/acme/errata/issues/new');
  assert.equal(link.searchParams.get('title'), 'Entry "country-invalid": ');
  const body = link.searchParams.get('body') ?? '';
  assert.match(body, /Entry: country is not an ISO 3166-1 alpha-2 code \(country-invalid\)/);
  assert.match(body, /Page: https:\/\/errata\.example\/errors\/country-invalid\//);
  assert.match(body, /Catalogue version: 1\.2\.0/);
});

test('any other tracker URL is linked as it is; an e-mail address gets a prefilled message', () => {
  assert.equal(reportLink({ url: 'https://tracker.example/errata' }, country, page, '1.0.0'), 'https://tracker.example/errata');
  const mail = reportLink({ email: 'errata@example.com' }, country, page, '1.0.0') ?? '';
  assert.match(mail, /^mailto:errata@example\.com\?subject=Entry%20%22country-invalid%22%3A%20&body=Entry%3A%20/);
});

test('GitLab gets its own parameter names; a tracker URL that is not a web address falls back to the e-mail address', () => {
  const gitlab = new URL(reportLink({ url: 'https://gitlab.example/acme/errata/-/issues' }, country, page, '1.0.0') ?? '');
  assert.equal(gitlab.pathname, '/acme/errata/-/issues/new');
  assert.equal(gitlab.searchParams.get('issue[title]'), 'Entry "country-invalid": ');
  assert.match(gitlab.searchParams.get('issue[description]') ?? '', /Catalogue version: 1\.0\.0/);
  assert.match(reportLink({ url: 'ftp://x.example', email: 'a@b.example' }, country, page, '1.0.0') ?? '', /^mailto:a@b\.example\?/);
});

test('no tracker, or one that is not a web address, gives no link rather than a made-up one', () => {
  assert.equal(reportLink(undefined, country, page, '1.0.0'), undefined);
  assert.equal(reportLink({ url: 'javascript:alert(1)' }, country, page, '1.0.0'), undefined);
});

test("package.json's bugs field is read in both of npm's forms", () => {
  assert.deepEqual(trackerOf('https://github.com/acme/errata/issues'), { url: 'https://github.com/acme/errata/issues' });
  assert.deepEqual(trackerOf({ url: ' https://x.example/issues ', email: '' }), { url: 'https://x.example/issues' });
  assert.deepEqual(trackerOf({ email: 'a@b.example' }), { email: 'a@b.example' });
  assert.equal(trackerOf({}), undefined);
  assert.equal(trackerOf(undefined), undefined);
});
