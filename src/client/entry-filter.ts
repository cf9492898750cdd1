/**
 * The filter box of the errors index: shows the rows whose text holds every word typed, and the
 * sections that keep a row; says how many match, and offers the full search for the rest (the
 * page lists the first entries of each category, not every entry of a large catalogue).
 */
const box = document.querySelector<HTMLInputElement>('[data-entry-filter]');
const count = document.querySelector<HTMLElement>('[data-entry-filter-count]');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-filter]')];

function apply(): void {
  const words = (box?.value ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  let shown = 0;
  for (const row of rows) {
    const text = row.dataset.filter ?? '';
    const match = words.every((word) => text.includes(word));
    row.hidden = !match;
    if (match) shown++;
  }
  for (const section of document.querySelectorAll<HTMLElement>('[data-entry-section]')) {
    section.hidden = words.length > 0 && !section.querySelector('tr[data-filter]:not([hidden])');
  }
  if (!count) return;
  if (words.length === 0) {
    count.textContent = '';
    return;
  }
  const link = document.createElement('a');
  link.href = `/search/#q=${encodeURIComponent(box?.value ?? '')}`;
  link.textContent = 'search every entry';
  count.replaceChildren(`${shown} of the errors listed here ${shown === 1 ? 'matches' : 'match'}; for the rest, `, link, '.');
}

box?.addEventListener('input', apply);
if (box?.value) apply();
