/** The catalogue's version and what changed: bump the version when an entry changes in a way users see. */
export const catalogueVersion = '1.0.0';

export const changelog: readonly { version: string; date: string; changes: readonly string[] }[] = [
  {
    version: '1.0.0',
    date: '2026-11-25',
    changes: ['First catalogue: the 12 identifiers of the API and every response of POST /api/v2/token.'],
  },
];
