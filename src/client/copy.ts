/**
 * Copies text to the clipboard and says so on the button, for sighted users and screen readers.
 */
export async function copyText(text: string, button: HTMLButtonElement): Promise<void> {
  const label = button.firstChild?.textContent ?? 'Copy';
  let done = false;
  try {
    await navigator.clipboard.writeText(text);
    done = true;
  } catch {
    done = false;
  }
  if (button.firstChild) button.firstChild.textContent = done ? 'Copied' : 'Copy failed';
  announce(done ? 'Copied to the clipboard' : 'Could not copy: select the text and copy it by hand');
  setTimeout(() => {
    if (button.firstChild) button.firstChild.textContent = label;
  }, 2000);
}

/** A polite live region shared by every announcement on the page. */
export function announce(text: string): void {
  let region = document.getElementById('announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'announcer';
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => {
    if (region) region.textContent = text;
  }, 50);
}
