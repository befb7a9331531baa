// A generated network for the benchmarks: `n` contacts with 5 timeline entries each, spread
// evenly over the three years before today, as a backup file, the way a user's data would
// come in.

const FIRST = ['Jürgen', 'Anna', 'Zoë', 'Mehmet', 'Ana', 'Björn', 'Chloé', 'Ingrid', 'Kenji', 'Łukasz', 'Søren', 'Fatima', 'Grace', 'Ada', 'Olu'];
const LAST = ['Müller', 'Schmidt', 'Yılmaz', 'Nowak', 'García', 'Weiß', 'Öztürk', 'Hoffmann', 'Andersen', 'Rossi', 'Kim', 'Okafor', 'Dubois', 'Ek', 'Lovelace'];
const COMPANIES = ['Acme', 'Beta GmbH', 'Gamma AG', 'Delta Consulting', 'Epsilon Labs', 'Zeta Bank', 'Eta Health', 'Theta Energy'];
const TOPICS = ['research operations', 'hiring in UX', 'career change into data', 'mentoring', 'a conference talk', 'remote teams', 'product discovery'];
const KINDS = ['meeting', 'call', 'email', 'message', 'event'];

export function dataset(n) {
  const meta = (id) => ({ id, created: '2025-01-01T10:00:00Z', updated: '2025-01-01T10:00:00Z', revision: 1 });
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const contacts = [];
  const interactions = [];
  for (let i = 0; i < n; i++) {
    contacts.push({
      meta: meta(`c${i}`),
      first_name: FIRST[i % FIRST.length],
      last_name: `${LAST[(i * 7) % LAST.length]}${i % 3 === 0 ? '' : ` ${i}`}`,
      company: COMPANIES[i % COMPANIES.length],
      role: i % 2 ? 'Product Manager' : 'UX Researcher',
      tags: [i % 2 ? 'product' : 'ux', `group${i % 20}`],
      circle: ['core', 'network', 'periphery'][i % 3],
      notes: `Met through ${FIRST[(i + 3) % FIRST.length]}. Interested in ${TOPICS[i % TOPICS.length]}.`,
    });
    for (let k = 0; k < 5; k++) {
      const daysAgo = ((i * 5 + k) * 389) % 1096;
      interactions.push({
        meta: meta(`i${i}-${k}`),
        contact_id: `c${i}`,
        kind: KINDS[k],
        date: new Date(today - daysAgo * 86400000).toISOString().slice(0, 10),
        summary: `Talked about ${TOPICS[(i + k) % TOPICS.length]}`,
        keywords: [TOPICS[(i * k) % TOPICS.length].split(' ')[0]],
      });
    }
  }
  const records = { contacts, interactions, follow_ups: [], photos: [], interview_plans: [], questions: [], templates: [], messages: [] };
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
  return { format: 'netzweber-backup', format_version: 2, app_version: '0.1.0', created_at: '2026-01-01T00:00:00Z', counts, profile: null, records };
}


/** Merges a network of `n` contacts into the app on `page`, through Settings as a user would. */
export async function importNetwork(page, server, n) {
  await page.goto(server.url('settings'));
  await page.waitForFunction(() => document.querySelector('#backup-file')?.disabled === false);
  await page.getByLabel('Backup file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset(n))) });
  await page.getByRole('button', { name: 'Merge' }).click({ timeout: 120000 });
  await page.getByText(/^Backup merged/).waitFor({ timeout: 120000 });
}
