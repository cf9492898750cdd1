/**
 * Evidence per part of an entry: what its status, its identifier (or its absence) and its message
 * rest on. Three kinds, alone or together: documented (iDenfy's documentation states it),
 * observed (a recorded real response, by observation id), inferred (Errata's reading, with its
 * reason). A record may state a part's evidence; a part it leaves out keeps what the record's
 * older `provenance` says of it (a part listed there is inferred, the rest documented by the
 * reference), so records written before observations existed keep their meaning.
 */
import { z } from 'zod';
import { citeObservation, observation, observationIds, type ObservationId } from './observations.ts';

export const evidenceParts = ['status', 'identifier', 'message'] as const;
export type EvidencePart = (typeof evidenceParts)[number];

export const evidenceKinds = ['documented', 'observed', 'inferred'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const partEvidenceSchema = z
  .strictObject({
    /** What documents it, as a reader would name it: "iDenfy's reference", "iDenfy's OpenAPI description". */
    documented: z.string().trim().min(1, 'Must not be empty: name the documentation').optional(),
    /** The observations that show it. */
    observed: z
      .array(z.enum(observationIds, { error: `Must be an observation id: ${observationIds.join(', ')}` }))
      .min(1, 'Name at least one observation')
      .optional(),
    /** One line: why Errata believes it. */
    inferred: z.string().trim().min(1, 'Must not be empty: give the reason').optional(),
  })
  .refine((part) => part.documented !== undefined || part.observed !== undefined || part.inferred !== undefined, {
    message: 'Give at least one of documented, observed and inferred',
  });

export const evidenceSchema = z.strictObject({
  status: partEvidenceSchema.optional(),
  identifier: partEvidenceSchema.optional(),
  message: partEvidenceSchema.optional(),
});

export type PartEvidence = z.output<typeof partEvidenceSchema>;
export type EvidenceInput = z.input<typeof evidenceSchema>;

/** What the resolver reads of an entry; the catalogue's `Entry` has all of it. */
export interface EvidenceSource {
  identifier: string | null;
  message: string | null;
  provenance: { kind: 'documented' } | { kind: 'inferred'; reason: string; parts: readonly string[] };
  evidence?: z.output<typeof evidenceSchema> | undefined;
}

export interface ResolvedEvidence {
  /** Each part the entry has (an identifier entry has no single message), with what it rests on. */
  parts: Partial<Record<EvidencePart, PartEvidence>>;
  /**
   * Errata's reading beyond the three parts (the body's keys, or behaviour such as the order of
   * checks), from the record's provenance; null when there is none.
   */
  otherInferred: string | null;
  /** Every kind that some part (or the rest) rests on, in the order documented, observed, inferred. */
  kinds: EvidenceKind[];
  /** The observations the entry's parts cite. */
  observations: ObservationId[];
}

const reference = "iDenfy's reference";

/** The evidence of every part, from the record's own statement or else its provenance. */
export function resolveEvidence(entry: EvidenceSource): ResolvedEvidence {
  const parts: Partial<Record<EvidencePart, PartEvidence>> = {};
  const { provenance } = entry;
  for (const part of evidenceParts) {
    if (part === 'message' && entry.message === null) continue;
    const stated = entry.evidence?.[part];
    if (stated) parts[part] = stated;
    else if (provenance.kind === 'inferred' && provenance.parts.includes(part)) parts[part] = { inferred: provenance.reason };
    else parts[part] = { documented: reference };
  }
  const otherInferred =
    provenance.kind === 'inferred' && provenance.parts.some((part) => part === 'body' || part === 'behaviour') ? provenance.reason : null;
  const all = Object.values(parts);
  const kinds = evidenceKinds.filter(
    (kind) => all.some((part) => part[kind] !== undefined) || (kind === 'inferred' && otherInferred !== null),
  );
  const observations = [...new Set(all.flatMap((part) => part.observed ?? []))];
  return { parts, otherInferred, kinds, observations };
}

function partName(part: EvidencePart, entry: EvidenceSource): string {
  if (part === 'identifier' && entry.identifier === null) return 'the absence of an identifier';
  return `the ${part}`;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The first letter in capitals, but for names that begin in lower case ("iDenfy's"). */
function capitalize(text: string): string {
  return /^[a-z][A-Z]/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Groups the parts by a key, in part order, keeping the first detail of each group. */
function groupParts(evidence: ResolvedEvidence, key: (part: PartEvidence) => string | undefined): { key: string; parts: EvidencePart[] }[] {
  const groups: { key: string; parts: EvidencePart[] }[] = [];
  for (const part of evidenceParts) {
    const found = evidence.parts[part];
    const value = found ? key(found) : undefined;
    if (value === undefined) continue;
    const group = groups.find((each) => each.key === value);
    if (group) group.parts.push(part);
    else groups.push({ key: value, parts: [part] });
  }
  return groups;
}

/**
 * The evidence in plain words, one sentence per basis: "iDenfy's reference documents the status.",
 * "The message was observed: an integrator recorded this text … in 2023 (R6).",
 * "The identifier is Errata's inference: …".
 */
export function evidenceSentences(entry: EvidenceSource): string[] {
  const evidence = resolveEvidence(entry);
  const names = (parts: readonly EvidencePart[]) => list(parts.map((part) => partName(part, entry)));
  const sentences: string[] = [];
  for (const group of groupParts(evidence, (part) => part.documented)) {
    sentences.push(`${capitalize(group.key)} documents ${names(group.parts)}.`);
  }
  for (const group of groupParts(evidence, (part) => part.observed?.join(' '))) {
    const also = group.parts.every((part) => evidence.parts[part]?.documented !== undefined) ? ' also' : '';
    const seen = (group.key.split(' ') as ObservationId[])
      .map((id) => `${observation(id).recordedAs}, ${citeObservation(id)}`)
      .join('; and ');
    sentences.push(`${capitalize(names(group.parts))} ${group.parts.length > 1 ? 'were' : 'was'}${also} observed: ${seen}.`);
  }
  for (const group of groupParts(evidence, (part) => part.inferred)) {
    const reason = group.key.replace(/\.$/, '');
    sentences.push(`${capitalize(names(group.parts))} ${group.parts.length > 1 ? 'are' : 'is'} Errata's inference: ${reason}.`);
  }
  if (evidence.otherInferred !== null) {
    sentences.push(
      `Beyond these parts, the body's keys or the behaviour are Errata's reading: ${evidence.otherInferred.replace(/\.$/, '')}.`,
    );
  }
  return sentences;
}

/**
 * The parts that rest on Errata's inference alone (no document and no observation behind them),
 * and the behaviour or body when those are inferred: what "inferred parts" must name, so that a
 * part an integrator recorded is never called inferred beside the sentence that says it was seen.
 */
export function inferredParts(entry: EvidenceSource): string[] {
  const { parts, otherInferred } = resolveEvidence(entry);
  const names: string[] = evidenceParts.filter((part) => {
    const each = parts[part];
    return each?.inferred !== undefined && each.documented === undefined && each.observed === undefined;
  });
  if (otherInferred !== null && entry.provenance.kind === 'inferred') {
    for (const part of entry.provenance.parts) if ((part === 'body' || part === 'behaviour') && !names.includes(part)) names.push(part);
  }
  return names;
}
