/**
 * What the playground's controllers share: the form being edited, what it reads as, and the
 * prediction for it. main.ts owns the session and is the only one to predict; the controllers
 * read it, and change the form only through main.ts's update() and load().
 */
import type { Outcome } from '../../predict/outcome.ts';
import type { FormRead, FormState } from './form.ts';

export interface Session {
  form: FormState;
  read: FormRead;
  /** Null while the inputs are invalid. */
  outcome: Outcome | null;
}

/** The page's element for a selector, which its markup always has. */
export function part<T extends HTMLElement>(page: HTMLElement, selector: string): T {
  return page.querySelector<T>(selector) as T;
}
