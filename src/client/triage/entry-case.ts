/**
 * The "Your case" box and the customer link of an entry page (see ../../components/CustomerLink.astro).
 * Everything read from a link or typed is shown with textContent only.
 */
import { match, parts } from '../../catalogue/template.ts';
import { caseLink, decodeCase, type CustomerCase } from '../../search/case-link.ts';
import { caseFix, type CaseField } from '../../search/case-fix.ts';
import { copyText } from '../copy.ts';

const box = document.querySelector<HTMLElement>('[data-case-box]');
const notice = document.querySelector<HTMLElement>('[data-case-notice]');
const share = document.querySelector<HTMLElement>('[data-customer-link]');
const path = share?.dataset.path ?? location.pathname;
const templates: string[] = JSON.parse(share?.dataset.templates ?? '[]');
const template = box?.dataset.template ?? '';
const fields: CaseField[] = JSON.parse(box?.dataset.fields ?? '[]');

/** The case the copy button carries: the one in the address, then whatever the form says. */
let current: CustomerCase = {};

function code(text: string): HTMLElement {
  const element = document.createElement('code');
  element.textContent = text;
  return element;
}

/** The placeholder values a message carries, read against this entry's message and its variants. */
function valuesOf(message: string): Record<string, string> | null {
  for (const each of templates) {
    const values = match(each, message);
    if (values) return { ...values };
  }
  return null;
}

/** The template with the values in place, each value marked; unknown placeholders stay `{name}`. */
function filled(values: Record<string, string>): Node[] {
  return parts(template).map((part) => {
    if (part.kind === 'text') return document.createTextNode(part.text);
    const element = document.createElement('var');
    element.title = `placeholder ${part.name}`;
    element.textContent = values[part.name] ?? `{${part.name}}`;
    return element;
  });
}

function render(value: CustomerCase): void {
  if (!box) return;
  const lead = box.querySelector('[data-case-lead]') as HTMLElement;
  if (value.field && value.value !== undefined)
    lead.replaceChildren("Your request's ", code(value.field), ' was ', code(value.value), ': ');
  else if (value.field) lead.replaceChildren('The field at fault is ', code(value.field), ': ');
  else if (value.value !== undefined) lead.replaceChildren('Your request sent ', code(value.value), ': ');
  else lead.replaceChildren();

  const messageBox = box.querySelector('[data-case-message]') as HTMLElement;
  const text = box.querySelector('[data-case-message-text]') as HTMLElement;
  const values = value.values ?? (value.message ? (valuesOf(value.message) ?? {}) : {});
  const fits = value.message !== undefined && template !== '' && match(template, value.message) !== null;
  if (value.message !== undefined) {
    text.replaceChildren(...(fits ? filled(match(template, value.message) ?? values) : [value.message]));
  } else if (template !== '' && Object.keys(values).length > 0) {
    text.replaceChildren(...filled(values));
  } else {
    text.replaceChildren();
  }
  messageBox.hidden = text.childNodes.length === 0;
  const label = messageBox.querySelector('.your-case-label');
  if (label) label.textContent = value.message !== undefined ? 'The message you received:' : 'The message reads:';

  // For the commonest cases the whole answer: what to send instead, from the field's rule.
  const fix = box.querySelector('[data-case-fix]') as HTMLElement;
  const sentence = caseFix({ field: value.field ?? values.field, value: value.value }, fields);
  fix.replaceChildren(...(sentence ?? []).map((part) => (part.code ? code(part.text) : document.createTextNode(part.text))));
  fix.hidden = sentence === null;
  // Below the fix for their value, the entry's steps are the general advice.
  const steps = box.querySelector<HTMLElement>('[data-case-steps]');
  if (steps) {
    steps.dataset.label ??= steps.textContent ?? '';
    steps.textContent = sentence ? `${steps.dataset.label} in general` : steps.dataset.label;
  }

  const list = box.querySelector('[data-case-values]') as HTMLElement;
  const items = Object.entries(values).map(([name, each]) => {
    const item = document.createElement('li');
    item.append(code(`{${name}}`), ' is ', code(each));
    return item;
  });
  if (value.message !== undefined && templates.length > 0 && valuesOf(value.message) === null) {
    const item = document.createElement('li');
    item.textContent = "This message is not worded like this entry's message: check that the link leads to the right entry.";
    items.push(item);
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  box.hidden = false;
}

/** Reads `#case=…` and shows the box, or a notice when the case cannot be read. */
export function showFragment(): void {
  const read = decodeCase(location.hash);
  if (notice) notice.hidden = read.kind !== 'damaged';
  if (read.kind === 'case') {
    current = read.case;
    render(read.case);
    fillForm(read.case);
    openCustomerView();
  } else {
    if (box) box.hidden = true;
    closeCustomerView();
    current = {};
    if (read.kind === 'damaged' && notice) {
      notice.textContent = `This link was meant to show a customer's case, but the case could not be read: ${read.reason}. The page below explains this error in general.`;
    }
  }
}

/**
 * The customer's view: the page opens at "Your case" (which holds the fix), and what is for the
 * support agent (the customer-link controls, the sidebar, the editorial sections) steps aside
 * until "Show the full entry" brings it back.
 */
function openCustomerView(): void {
  document.documentElement.dataset.customerView = '';
  const title = box?.querySelector<HTMLElement>('#your-case-title');
  title?.focus({ preventScroll: true });
  box?.scrollIntoView({ block: 'start' });
}

function closeCustomerView(): void {
  delete document.documentElement.dataset.customerView;
}

box?.querySelector('[data-case-full]')?.addEventListener('click', () => {
  closeCustomerView();
  box.querySelector<HTMLElement>('#your-case-title')?.focus();
});

function inputs() {
  const find = (name: string) => share?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-case-input="${name}"]`) ?? null;
  return {
    message: find('message'),
    field: find('field'),
    value: find('value'),
    link: share?.querySelector<HTMLInputElement>('[data-case-link]') ?? null,
  };
}

function fillForm(value: CustomerCase): void {
  const form = inputs();
  if (form.message) form.message.value = value.message ?? '';
  if (form.field) form.field.value = value.field ?? '';
  if (form.value) form.value.value = value.value ?? '';
  update(false);
}

function absolute(link: string): string {
  return new URL(link, location.origin).href;
}

/** Reads the form into the case and shows the link and what was read from the message. */
function update(fromForm = true): void {
  const form = inputs();
  if (fromForm) {
    const message = form.message?.value.trim() ?? '';
    const values = message ? valuesOf(message) : null;
    current = {
      ...(message ? { message } : {}),
      ...(values && Object.keys(values).length > 0 ? { values } : {}),
      ...(form.field?.value.trim() ? { field: form.field.value.trim() } : {}),
      ...(form.value?.value.trim() ? { value: form.value.value.trim() } : {}),
    };
    // A {field} placeholder names the field: fill it in for the person.
    if (values?.field && form.field && form.field.value.trim() === '') {
      form.field.value = values.field;
      current.field = values.field;
    }
  }
  if (form.link) form.link.value = absolute(caseLink(path, current));
  const read = share?.querySelector<HTMLElement>('[data-case-read]');
  if (read) {
    const message = current.message;
    if (!message) read.textContent = '';
    else if (current.values)
      read.replaceChildren(
        'Read from it: ',
        ...Object.entries(current.values).flatMap(([name, each], index) => [index > 0 ? ', ' : '', code(`{${name}}`), ' = ', code(each)]),
      );
    else
      read.textContent = valuesOf(message) ? '' : "This message is not worded like this entry's message; the link carries it as written.";
  }
}

let bound = false;
export function bindForm(): void {
  if (bound || !share) return;
  bound = true;
  share.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).matches('[data-case-input]')) update();
  });
  const link = inputs().link;
  link?.addEventListener('focus', () => link.select());
  sync();
}

/** Reads the form if it says something other than the current case (typed while this module loaded). */
function sync(): void {
  const form = inputs();
  const typed =
    (form.message?.value.trim() ?? '') !== (current.message ?? '') ||
    (form.field?.value.trim() ?? '') !== (current.field ?? '') ||
    (form.value?.value.trim() ?? '') !== (current.value ?? '');
  update(typed);
}

export function copyLink(button: HTMLButtonElement): Promise<void> {
  sync();
  return copyText(absolute(caseLink(path, current)), button);
}
