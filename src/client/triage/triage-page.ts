/**
 * The triage page: runs the engine's matcher on the paste (a short pause after typing, at once
 * on Explain) and shows the ranked entries, built with textContent only. The matcher runs in a
 * worker (./triage-run.ts) and reads at most the last 200,000 characters; a paste over the
 * limit (1 MiB) is refused with a notice, never read.
 */
import { caseLink } from '../../search/case-link.ts';
import { candidateFix, replyText, type Triage, type TriageCandidate } from '../../search/triage.ts';
import { statusLine } from '../../predict/http.ts';
import { entryPath, statusPath } from '../../site/paths.ts';
import { copyText } from '../copy.ts';
import { h, identifierBadge, inline, statusBadge } from '../search/dom.ts';
import { limitWords, maxPasteCharacters } from '../../limits.ts';
import { runTriage } from './triage-run.ts';
import { retryAnswerOf, retryQuestion } from '../../site/retry-words.ts';

const pause = 250;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

function parts(form: HTMLFormElement) {
  const page = form.ownerDocument;
  return {
    input: form.querySelector('textarea') as HTMLTextAreaElement,
    results: page.querySelector('[data-triage-results]') as HTMLElement,
    title: page.querySelector('[data-triage-title]') as HTMLElement,
    read: page.querySelector('[data-triage-read]') as HTMLElement,
    list: page.querySelector('[data-triage-list]') as HTMLElement,
    live: page.querySelector('[data-triage-live]') as HTMLElement,
  };
}

/** After a short pause in typing. */
export function explainSoon(form: HTMLFormElement): void {
  clearTimeout(timer);
  timer = setTimeout(() => void explain(form, false), pause);
}

export async function explain(form: HTMLFormElement, focusResults: boolean): Promise<void> {
  clearTimeout(timer);
  const run = ++generation;
  const view = parts(form);
  const text = view.input.value;
  if (text.trim() === '') {
    view.results.hidden = true;
    view.live.textContent = '';
    return;
  }
  if (text.length > maxPasteCharacters) {
    view.results.hidden = false;
    view.title.textContent = 'Too large to read';
    view.read.textContent = '';
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    const notice = `The paste is ${megabytes} MB: Errata reads at most ${limitWords.paste} (${maxPasteCharacters.toLocaleString('en-US')} characters). Paste the response's body, its message or its status line.`;
    view.list.replaceChildren(h('p', { class: 'callout', role: 'status' }, notice));
    view.live.textContent = notice;
    return;
  }
  let result: Triage;
  let elapsed: number;
  try {
    ({ result, ms: elapsed } = await runTriage(text));
  } catch {
    view.results.hidden = false;
    view.read.textContent = '';
    view.list.replaceChildren(h('p', { class: 'callout' }, 'The catalogue could not be loaded. Check your connection and try again.'));
    return;
  }
  if (run !== generation) return;
  render(view, result);
  view.results.dataset.ms = elapsed.toFixed(1);
  view.results.hidden = false;
  const best = result.candidates[0];
  view.live.textContent = best ? `Best match: ${best.entry.title}.` : 'No entry matches what you pasted.';
  if (focusResults) view.title.focus();
}

function code(text: string): HTMLElement {
  return h('code', {}, text);
}

function render(view: ReturnType<typeof parts>, result: Triage): void {
  view.read.replaceChildren(
    ...(result.read.length > 0 ? [h('strong', {}, 'Read: '), result.read.join(' · ')] : ['Nothing recognisable was read from it.']),
  );
  if (result.candidates.length === 0) {
    view.title.textContent = 'No match';
    view.list.replaceChildren(noMatch(view.input.value));
    return;
  }
  const count = result.candidates.length + result.more;
  const top = result.candidates[0] as TriageCandidate;
  if (result.statusOnly !== undefined && count > 1 && top.score < 0.8) {
    // A status that many entries share: no entry is likelier than another, so list them briefly.
    view.title.textContent = `One of ${count} entries`;
    view.list.replaceChildren(
      h(
        'p',
        { class: 'callout' },
        `A status alone fits ${count} entries. Paste the response body too for a sure answer, or see `,
        h('a', { href: statusPath(result.statusOnly) }, `every entry with status ${result.statusOnly}`),
        '.',
      ),
      h(
        'ul',
        { class: 'triage-brief' },
        ...result.candidates.map(({ entry }) =>
          h(
            'li',
            {},
            statusBadge(entry.status),
            ' ',
            h('a', { href: entryPath(entry.slug) }, entry.title),
            entry.identifier ? ' ' : null,
            entry.identifier ? code(entry.identifier) : null,
          ),
        ),
        result.more > 0 ? h('li', { class: 'triage-more' }, h('a', { href: statusPath(result.statusOnly) }, `${result.more} more`)) : null,
      ),
    );
    return;
  }
  view.title.textContent = result.candidates.length === 1 ? 'What it is' : 'What it most likely is';
  const items = result.candidates.map((candidate, index) => card(candidate, index));
  const children: Node[] = [];
  children.push(h('ol', { class: 'triage-list' }, ...items));
  if (result.more > 0 && result.statusOnly === undefined) {
    children.push(h('p', { class: 'triage-more' }, `${result.more} weaker ${result.more === 1 ? 'match is' : 'matches are'} not shown.`));
  }
  view.list.replaceChildren(...children);
}

function card(candidate: TriageCandidate, index: number): HTMLElement {
  const { entry } = candidate;
  const href = entryPath(entry.slug);
  const sure = candidate.reason === 'message' || candidate.score >= 0.8;
  const rank = index === 0 ? (sure ? 'Best match' : 'Closest match') : 'Also possible';

  const details: Node[] = [];
  if (candidate.variant) {
    details.push(h('p', { class: 'triage-variant' }, h('strong', {}, 'Matched another form of it: '), ...inline(candidate.variant)));
  }
  if (candidate.values.length > 0) {
    details.push(h('p', { class: 'triage-values-label' }, 'Values read from your message:'));
    details.push(
      h(
        'dl',
        { class: 'triage-values', 'aria-label': 'Values read from the message' },
        ...candidate.values.flatMap(([name, value]) => [h('dt', {}, code(`{${name}}`)), h('dd', {}, code(value))]),
      ),
    );
  }
  if (candidate.field !== undefined && candidate.value !== undefined) {
    details.push(h('p', {}, "Your request's ", code(candidate.field), ' was ', code(candidate.value), '.'));
  } else if (candidate.field !== undefined && candidate.reason !== 'field') {
    details.push(h('p', {}, 'The field at fault: ', code(candidate.field), '.'));
  }

  const actions: Node[] = [h('a', { class: 'button primary', href }, 'Read the entry')];
  if (candidate.answer?.playground) {
    actions.push(h('a', { class: 'button', href: candidate.answer.playground }, 'Reproduce it in the playground'));
  }
  const customerLink = () => new URL(caseLink(href, candidate.customerCase), location.origin).href;
  const copy = h('button', { type: 'button', class: 'button' }, 'Copy link for a customer');
  copy.addEventListener('click', () => void copyText(customerLink(), copy));
  const reply = h('button', { type: 'button', class: 'button' }, 'Copy reply');
  reply.addEventListener('click', () => void copyText(replyText(candidate, statusLine(entry.status), customerLink()), reply));
  actions.push(copy, reply);

  // The answer to the ticket on the card itself: what to do, and whether trying again helps.
  const { answer } = candidate;
  // For the value the paste sent, the fix in one sentence, from the field's rule.
  const sentence = candidateFix(candidate);
  const fix = answer
    ? h(
        'div',
        { class: 'triage-fix' },
        sentence
          ? h(
              'p',
              { class: 'triage-case-fix', role: 'note', 'aria-label': 'The fix for this value' },
              ...sentence.map((part) => (part.code ? code(part.text) : document.createTextNode(part.text))),
            )
          : null,
        h('p', { class: 'triage-fix-label' }, 'What to do'),
        h('ol', { class: 'steps' }, ...answer.fix.map((step) => h('li', {}, ...inline(step)))),
        h(
          'p',
          { class: `triage-retry ${answer.retry.helps ? 'retry-yes' : 'retry-no'}` },
          h('strong', {}, `${retryQuestion} `),
          ...inline(retryAnswerOf(answer.retry)),
        ),
      )
    : '';

  const notes: Node[] = [];
  if (entry.example && candidate.exampleDiffers.length > 0) {
    notes.push(
      h(
        'p',
        { class: 'triage-note' },
        'The playground example may differ from yours in ',
        ...candidate.exampleDiffers.flatMap((differs, at) => [
          at > 0 ? (at === candidate.exampleDiffers.length - 1 ? ' and ' : ', ') : '',
          code(`{${differs.name}}`),
          ' (it uses ',
          code(differs.example),
          ', yours is ',
          code(differs.yours),
          ')',
        ]),
        '.',
      ),
    );
  } else if (entry.example && candidate.values.length > 0) {
    const same = candidate.values.every(([name, value]) => entry.example?.values[name] === value);
    notes.push(
      h(
        'p',
        { class: 'triage-note' },
        same
          ? 'The playground example has the same values as yours.'
          : 'The playground example may differ from your request in these values.',
      ),
    );
  }

  return h(
    'li',
    { class: `triage-match${index === 0 ? ' best' : ''}` },
    h('p', { class: 'triage-rank' }, h('span', {}, rank), ' · ', candidate.why),
    h('h3', {}, h('a', { href }, entry.title)),
    h(
      'p',
      { class: 'badges' },
      statusBadge(entry.status),
      ' ',
      entry.identifier ? identifierBadge(entry.identifier) : h('span', { class: 'badge' }, 'no identifier'),
    ),
    h('p', { class: 'triage-summary' }, ...inline(entry.summary)),
    ...details,
    fix,
    h('p', { class: 'triage-actions-row' }, ...actions),
    ...notes,
  );
}

/** Nothing matched: say so, and offer the search with words from the paste, kept in the page. */
function noMatch(text: string): HTMLElement {
  const words = text.replace(/\s+/g, ' ').trim().slice(0, 80);
  const search = h('button', { type: 'button', class: 'button' }, 'Search the reference for it');
  search.addEventListener('click', () => {
    const box = document.querySelector<HTMLInputElement>('[data-search] input');
    if (!box) return;
    box.value = words;
    box.focus();
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return h(
    'div',
    { class: 'callout triage-none' },
    h(
      'p',
      {},
      h('strong', {}, 'No entry matches what you pasted.'),
      ' Errata looks for a status line, a JSON body with a message or identifier, an identifier, a field name or the words of a message.',
    ),
    h('p', {}, search, ' ', h('a', { href: '/errors/' }, 'Browse all errors')),
  );
}
