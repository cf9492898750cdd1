/**
 * The body a "you may also see" variant shows: an error's identifier, message and extra keys, or
 * a success's message with the fields whose echo differs from the prediction. Placeholders keep
 * their names, since a variant has no values of its own.
 */
import type { ResolvedVariant } from '../catalogue/index.ts';
import { fill, placeholders } from '../catalogue/template.ts';

export function variantBody(variant: ResolvedVariant): Record<string, unknown> {
  const message = fill(variant.message, Object.fromEntries(placeholders(variant.message).map((name) => [name, `{${name}}`])));
  return {
    ...(variant.identifier ? { identifier: variant.identifier } : {}),
    message,
    ...variant.extra,
    ...(variant.echoes ?? {}),
  };
}
