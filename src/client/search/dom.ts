/**
 * Builds elements from text only: every string becomes a text node, so nothing a person pasted
 * or typed is ever parsed as HTML.
 */
import { inlineParts } from '../../search/inline-parts.ts';

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** The catalogue's inline Markdown (`code`, **strong**, [label](…)) as text and elements. */
export function inline(text: string): Node[] {
  return inlineParts(text).map((part) =>
    part.kind === 'text' ? document.createTextNode(part.text) : h(part.kind === 'code' ? 'code' : 'strong', {}, part.text),
  );
}

export function statusBadge(status: number, label = String(status)): HTMLElement {
  return h('span', { class: `badge status-${String(status)[0]}` }, label);
}

export function identifierBadge(identifier: string): HTMLElement {
  return h('span', { class: 'badge identifier' }, identifier);
}
