/**
 * How every view words whether sending the same request again helps: the entry page, its Markdown
 * twin, `errata explain`, the MCP server, the customer's view, and triage's cards and replies. Pure
 * and without the catalogue, as the browser's triage reads it too.
 */
export interface RetryFacts {
  helps: boolean;
  note: string;
}

/** The question every view asks of an entry. */
export const retryQuestion = 'Does retrying help?';

/** The answer in one line (inline Markdown), without "Yes. Yes, …" when the note already answers. */
export function retryAnswerOf(retry: RetryFacts): string {
  const answered = /^(yes|no|not)\b/i.test(retry.note);
  return answered ? retry.note : `${retry.helps ? 'Yes' : 'No'}. ${retry.note}`;
}
