import { test, expect } from './fixtures.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';
import { statusLine } from '../../src/predict/http.ts';

test('a reader goes from the index to an entry and on to a related entry', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Errors', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All errors' })).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Expected a dictionary' }).click();
  await expect(page).toHaveURL(/\/errors\/body-not-object\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Expected a dictionary');
  await expect(page.getByText('400 Bad Request').first()).toBeVisible();
  await expect(page.getByText('VALIDATION_ERROR').first()).toBeVisible();

  const related = page.getByRole('region', { name: 'Related' });
  await related.getByRole('link', { name: 'Error while parsing JSON' }).click();
  await expect(page).toHaveURL(/\/errors\/json-parse-error\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error while parsing JSON');
});

test('an identifier entry lists the case entries that carry its identifier', async ({ page }) => {
  await page.goto('/errors/bad-value/');
  const cases = page.getByRole('region', { name: 'Errors that carry BAD_VALUE' });
  const carriers = catalogue.filter((each) => each.kind === 'case' && each.identifier === 'BAD_VALUE');
  expect(carriers.length).toBeGreaterThan(0);
  for (const entry of carriers) {
    await expect(cases.getByRole('link', { name: entry.title, exact: true })).toBeVisible();
  }
});

test('every entry page shows the predicted response of its own example', async ({ page }) => {
  test.slow();
  const withExamples = catalogue.filter((each) => each.example);
  expect(withExamples.length).toBeGreaterThan(0);
  for (const entry of withExamples) {
    await page.goto(`/errors/${entry.slug}/`);
    const expected = predict(entry.example?.scenario);
    const block = page.locator('[data-example-response] pre');
    const text = (await block.textContent()) ?? '';
    expect(text.startsWith(`HTTP/1.1 ${statusLine(expected.status)}`), entry.slug).toBe(true);
    const body = JSON.parse(text.slice(text.indexOf('\n\n') + 2));
    expect(body, entry.slug).toEqual(expected.body);
  }
});

test('inferred facts are marked as inferred on the page', async ({ page }) => {
  await page.goto('/errors/rate-limit-exceeded/');
  await expect(page.getByRole('link', { name: 'partly inferred' })).toBeVisible();
  // Its text is documented (iDenfy's older page) but for the final period: no "wording is inferred" note.
  await expect(page.getByText('The exact wording is inferred')).toHaveCount(0);
  await page.goto('/errors/body-not-utf8/');
  await expect(page.getByRole('link', { name: 'partly inferred' })).toBeVisible();
  await expect(page.getByText('The exact wording is inferred')).toBeVisible();
  // bad-value's prose says what Errata infers about it; its box says so too, never "Documented." alone.
  await page.goto('/errors/bad-value/');
  await expect(page.getByRole('link', { name: 'partly inferred' })).toBeVisible();
  await expect(page.getByText('Documented.', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/documents the `?Field '<name>' …`? message only for `?country/).first()).toBeVisible();
});

test('the copy button copies the code sample', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/errors/country-invalid/');
  await page.getByRole('button', { name: 'Copy curl' }).click();
  await expect(page.getByRole('button', { name: 'Copied' }).first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('curl -i -X POST https://ivs.idenfy.com/api/v2/token');
  expect(copied).toContain('"country":"LTU"');
});

test("a code block of the entry's prose is captioned with its language and copies its code", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/errors/body-not-object/');
  const prose = page.locator('section[aria-labelledby="in-depth"]');
  const block = prose
    .getByRole('figure')
    .filter({ has: page.locator('pre[data-language="python"]') })
    .first();
  await expect(block.locator('figcaption')).toContainText('Python');
  await block.getByRole('button', { name: 'Copy the Python code' }).click();
  // The copying code loads on the first click: read the clipboard once the button says it copied.
  await expect(block.getByRole('button', { name: /^Copied/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('requests.post(URL, json=payload, auth=auth)');
  expect(copied).toBe(await block.locator('pre').textContent());
});

test('"Copy as Markdown" copies the Markdown twin of the entry', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/errors/json-parse-error/');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('# Error while parsing JSON\n')).toBe(true);
  expect(copied).toContain('An error occurred while parsing/constructing JSON');
});

/** The level-2 headings of a Markdown document, in order. */
const markdownHeadings = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((found) => found[1] as string);

test("an entry page's sections and its Markdown twin's are the same, in the same order, for every kind of entry", async ({
  page,
  request,
}) => {
  // An identifier with cases, a case with an example and variants, a success, another endpoint's case.
  const slugs = ['bad-value', 'wrong-http-method', 'token-created', 'deletion-token-not-expired'];
  for (const slug of slugs) {
    await page.goto(`/errors/${slug}/`);
    // What a reader sees as the page's sections: the visible level-2 headings with a "#" link, read without it.
    const onPage = await page
      .getByRole('article')
      .getByRole('heading', { level: 2 })
      .evaluateAll((headings) =>
        headings.filter((heading) => heading.querySelector('a.anchor')).map((heading) => (heading.firstChild?.textContent ?? '').trim()),
      );
    const twin = markdownHeadings(await (await request.get(`/errors/${slug}.md`)).text());
    expect(twin.length, slug).toBeGreaterThan(4);
    expect(onPage, slug).toEqual(twin);
    if (await page.getByRole('navigation', { name: 'On this page' }).isVisible()) {
      await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link'), slug).toHaveText(twin);
    }
  }
});

test('every entry page has exactly the section headings of its Markdown twin', async ({ request }) => {
  expect(catalogue.length).toBeGreaterThan(50);
  for (const entry of catalogue) {
    const html = await (await request.get(`/errors/${entry.slug}/`)).text();
    // Section headings carry their anchor link; the hidden "Your case" box and the feedback heading do not.
    const onPage = [...html.matchAll(/<h2 id="[^"]+"[^>]*>([^<]*)<a class="anchor"/g)].map((found) =>
      (found[1] as string)
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&amp;/g, '&')
        .trim(),
    );
    const twin = markdownHeadings(await (await request.get(`/errors/${entry.slug}.md`)).text());
    expect(onPage, entry.slug).toEqual(twin);
  }
});
