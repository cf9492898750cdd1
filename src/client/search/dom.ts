/** Elements for search and triage results, built from text only (see ../dom.ts). */
import { statusBadgeClass } from '../../site/status-kind.ts';
import { inlineParts } from '../../search/inline-parts.ts';
import { h } from '../dom.ts';

export { h, type Child } from '../dom.ts';

/** The catalogue's inline Markdown (`code`, **strong**, [label](…)) as text and elements. */
export function inline(text: string): Node[] {
  return inlineParts(text).map((part) =>
    part.kind === 'text' || part.kind === 'link'
      ? document.createTextNode(part.text)
      : h(part.kind === 'code' ? 'code' : 'strong', {}, part.text),
  );
}

export function statusBadge(status: number, label = String(status)): HTMLElement {
  return h('span', { class: statusBadgeClass(status) }, label);
}

export function identifierBadge(identifier: string): HTMLElement {
  return h('span', { class: 'badge identifier' }, identifier);
}
