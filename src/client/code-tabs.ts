/**
 * Tabs of code samples (../components/CodeTabs.astro): arrow keys, Home and End move between
 * tabs; the chosen language is remembered and shown in every group of tabs on every page.
 */
const storageKey = 'errata-code-language';
const groups = [...document.querySelectorAll<HTMLElement>('[data-code-tabs]')];

function select(group: HTMLElement, language: string, focus = false): boolean {
  const tabs = [...group.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const chosen = tabs.find((tab) => tab.dataset.tab === language);
  if (!chosen) return false;
  for (const tab of tabs) {
    const on = tab === chosen;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    const panel = group.querySelector<HTMLElement>(`[data-panel="${tab.dataset.tab}"]`);
    if (panel) panel.toggleAttribute('data-selected', on);
  }
  if (focus) chosen.focus();
  return true;
}

/** Shows one language everywhere, keeping the chosen tab where it is on the screen. */
function choose(language: string, from?: HTMLElement): void {
  const before = from?.getBoundingClientRect().top;
  for (const group of groups) select(group, language);
  // Other groups above may have changed height: keep the tab the reader used in place.
  if (from && before !== undefined) window.scrollBy(0, from.getBoundingClientRect().top - before);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be blocked: the choice then lasts for this page.
  }
}

for (const group of groups) {
  const tabs = [...group.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  group.dataset.tabsReady = '';
  group.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role="tab"]');
    if (tab?.dataset.tab) choose(tab.dataset.tab, tab);
  });
  group.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(event.target as HTMLButtonElement);
    if (index === -1) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length] as HTMLButtonElement;
    choose(tab.dataset.tab as string, tab);
    tab.focus();
  });
}

let remembered: string | null = null;
try {
  remembered = localStorage.getItem(storageKey);
} catch {
  // No storage: the first language stays.
}
if (remembered) for (const group of groups) select(group, remembered);
