// Takes the screenshots the install dialog shows (public/screenshots/, listed in the
// manifest) from the real app: run after `make e2e-build`, then commit the files.
//   node scripts/manifest-screenshots.mjs
import { startServer, launch, openPage, appReady, seed } from '../tests/e2e/support.mjs';

const meta = (id) => ({ id, created: '2026-09-01T10:00:00Z', updated: '2026-09-01T10:00:00Z', revision: 1 });
const person = (id, first_name, last_name, company, field, circle = 'network') => ({ meta: meta(id), first_name, last_name, company, field, circle, met: { occasion: 'UX Barcamp Köln', hook: 'Both moved from engineering into research' } });
const contacts = [
  person('anna', 'Anna-Lena', 'Weiss', 'Acme', 'UX research', 'core'),
  person('ben', 'Ben', 'Weber', 'Beta', 'Product'),
  person('cem', 'Cem', 'Kaya', 'Gamma', 'UX research'),
  person('dana', 'Dana', 'Roth', 'Delta', 'Engineering', 'periphery'),
];
const follow_ups = [{ meta: meta('f1'), contact_id: 'anna', kind: 'i_promised', text: 'Send Anna-Lena the barcamp notes', due: '2026-12-03' }];
const interactions = [{ meta: meta('i1'), contact_id: 'cem', kind: 'call', date: '2026-11-20', summary: 'Research ops at Gamma' }];

const server = await startServer();
const browser = await launch();
for (const [name, viewport, mobile, path] of [
  ['narrow', { width: 390, height: 844 }, true, 'contacts/capture'],
  ['wide', { width: 1280, height: 800 }, false, ''],
]) {
  const { context, page } = await openPage(browser, server, { viewport, mobile, timezoneId: 'Europe/Berlin' });
  await page.clock.install({ time: new Date('2026-12-03T10:00:00+01:00') });
  await seed(page, server, { contacts, follow_ups, interactions });
  await page.goto(server.url(path));
  await appReady(page);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (name === 'narrow') {
    await page.getByLabel('Name', { exact: true }).fill('Eli Novak');
    await page.getByLabel('Company').fill('Epsilon');
    await page.getByLabel('Where we met').fill('UX Barcamp Köln');
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: `public/screenshots/${name}.jpg`, type: 'jpeg', quality: 70 });
  // The same as PNG, to look at (the image viewers at hand read PNG only).
  await page.screenshot({ path: `target/screenshots/manifest-${name}.png` });
  await context.close();
}
await browser.close();
await server.close();
console.log('public/screenshots/narrow.jpg and wide.jpg written');
