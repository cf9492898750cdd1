import { explainResponse, validateTokenRequest, type TokenRequest } from 'errata';

/** Creates an iDenfy verification token; explains any error and retries only when that may help. */
export async function createToken(body: TokenRequest, auth: string, attempts = 3): Promise<unknown> {
  const problems = validateTokenRequest(body); // what the API would refuse, before sending
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.pointer}: ${p.message}`).join('\n'));

  for (let attempt = 1; ; attempt++) {
    const response = await fetch('https://ivs.idenfy.com/api/v2/token', {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.ok) return JSON.parse(text);

    const explained = explainResponse({ status: response.status, body: text }, { site: 'https://errata.example' });
    if (explained === null) throw new Error(`iDenfy answered ${response.status}, which Errata does not know: ${text}`);
    console.error(`${explained.entry.title} (${explained.url ?? explained.path})`, explained.values, explained.fix);
    if (!explained.retry.helps || attempt >= attempts) throw new Error(`${explained.entry.title}: ${explained.retry.note}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt)); // back off, then try again
  }
}
