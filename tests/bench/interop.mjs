// Imports and exports at scale (issue 13): LinkedIn connections files of 2,000 and 20,000
// rows and a vCard file of 1,000 cards, from choosing the file to the preview and from
// "Import" to done, with the longest task the page ran meanwhile; then the export of
// 10,000 contacts to vCard and spreadsheet. Prints figures; asserts nothing.
import { startServer, launch } from '../e2e/support.mjs';

const FIRST = ['Jürgen', 'Anna', 'Zoë', 'Mehmet', 'Ana', 'Björn', 'Chloé', 'Ingrid', 'Kenji', 'Łukasz'];
const LAST = ['Müller', 'Schmidt', 'Yılmaz', 'Nowak', 'García', 'Weiß', 'Öztürk', 'Hoffmann'];
const name = (i) => [FIRST[i % FIRST.length], `${LAST[i % LAST.length]}${i}`];

function connections(n) {
  const rows = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    const [first, last] = name(i);
    rows.push(`${first},${last},https://www.linkedin.com/in/p-${i},${i % 4 ? '' : `p${i}@example.org`},"Company ${i % 300}, Inc.",Role ${i},0${(i % 9) + 1} Oct 2024`);
  }
  return '\ufeff' + rows.join('\r\n') + '\r\n';
}

function cards(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const [first, last] = name(i);
    out.push('BEGIN:VCARD', 'VERSION:3.0', `N:${last};${first};;;`, `FN:${first} ${last}`, `ORG:Company ${i % 300}`,
      `EMAIL;TYPE=INTERNET:v${i}@example.org`, `TEL;TYPE=CELL:+49 170 ${i}`, 'NOTE:Met at a meetup\\, talked about research', 'END:VCARD');
  }
  return out.join('\r\n') + '\r\n';
}

const server = await startServer();
const browser = await launch();

async function fresh() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url('settings'));
  await page.waitForFunction(() => document.querySelector('#import-file')?.disabled === false);
  return { context, page };
}

const longest = (page) => page.evaluate(() => { const m = Math.max(0, ...window.__long); window.__long = []; return m; });

async function importFile(page, file, text) {
  // The file is made in the page first, as a user's file exists before they pick it:
  // Playwright's own way (setInputFiles) decodes it on the page's main thread, a long
  // task of its own that is not the app's.
  await page.evaluate(([name, body]) => { window.__file = new File([body], name, { type: 'text/plain' }); }, [file, text]);
  await longest(page);
  let t = performance.now();
  await page.evaluate(() => {
    const input = document.querySelector('#import-file');
    const list = new DataTransfer();
    list.items.add(window.__file);
    input.files = list.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.locator('dl.import-counts').waitFor({ timeout: 120000 });
  const preview = performance.now() - t;
  const previewTask = await longest(page);
  t = performance.now();
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText(/^Import finished/).waitFor({ timeout: 300000 });
  return { preview, previewTask, write: performance.now() - t, writeTask: await longest(page) };
}

const ms = (x) => `${x.toFixed(0)} ms`.padStart(10);
console.log('\nImport (goal: 2,000 rows to preview ≤ 1 s, written ≤ 2 s; no task over 200 ms)');
console.log('file'.padEnd(30) + 'preview'.padStart(10) + 'longest'.padStart(10) + 'write'.padStart(10) + 'longest'.padStart(10));
for (const [label, file, text] of [
  ['LinkedIn, 2,000 rows', 'Connections.csv', connections(2000)],
  ['LinkedIn, 20,000 rows', 'Connections.csv', connections(20000)],
  ['vCard, 1,000 cards', 'contacts.vcf', cards(1000)],
]) {
  const { context, page } = await fresh();
  const r = await importFile(page, file, text);
  console.log(label.padEnd(30) + ms(r.preview) + ms(r.previewTask) + ms(r.write) + ms(r.writeTask));
  await context.close();
}

console.log('\nExport of 10,000 contacts (click to download)');
const { context, page } = await fresh();
await importFile(page, 'Connections.csv', connections(10000));
const region = page.getByRole('region', { name: 'Export contacts and calendar' });
for (const button of ['Contacts as vCard (.vcf)', 'Contacts as spreadsheet (.csv)']) {
  await longest(page);
  const t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: button }).click()]);
  await download.path();
  const took = performance.now() - t;
  console.log(button.padEnd(30) + ms(took) + ms(await longest(page)));
}
await context.close();
await browser.close();
await server.close();
