// Prints Netzweber's figures: what the first load costs (raw, gzip, brotli per asset),
// how fast the app starts, and Lighthouse's scores. Figures, not pass/fail: goals are
// printed next to them. Run through `make bench`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, launch, DIST, BASE } from '../e2e/support.mjs';

const GZIP_BUDGET = 250 * 1000;
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';

// 1. First-load size: index.html and every same-origin asset it references.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const refs = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*['"]([^'"]+)['"]/g)) {
  if (/^(https?:|data:|#)/.test(m[1])) continue;
  // Resolve as the browser does against <base href>, then make it relative to the build.
  const path = new URL(m[1], `http://host${BASE}`).pathname;
  if (path.startsWith(BASE)) refs.add(path.slice(BASE.length));
}
// The service worker is registered, and so downloaded, on the first visit too.
refs.add('sw.js');
// The JS glue imports the splitter's loader; the chunks it fetches come later.
for (const ref of [...refs]) {
  if (!ref.endsWith('.js') || !ref.includes('/')) continue;
  const dir = ref.slice(0, ref.lastIndexOf('/') + 1);
  for (const m of readFileSync(join(DIST, ref), 'utf8').matchAll(/from\s+['"]\.\/([^'"]+\.js)['"]/g)) refs.add(dir + m[1]);
}
const rows = [];
for (const ref of refs) {
  const file = join(DIST, ref);
  try {
    if (!statSync(file).isFile()) continue;
  } catch {
    continue;
  }
  const body = readFileSync(file);
  rows.push({
    ref,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rows.sort((a, b) => b.raw - a.raw);
console.log('\nFirst load (what a first visit downloads)');
console.log('asset'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const r of rows) console.log(r.ref.padEnd(44) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log('total'.padEnd(44) + kb(total.raw) + kb(total.gzip) + kb(total.brotli));
console.log(`gzip budget ${kb(GZIP_BUDGET).trim()}: ${total.gzip <= GZIP_BUDGET ? 'within' : 'OVER'} (${((100 * total.gzip) / GZIP_BUDGET).toFixed(0)} %)`);

// Everything else a visitor may fetch later: the chunks of each screen group, and the
// total of all files (what the service worker precaches).
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]);
const later = [];
let all = { raw: 0, gzip: 0 };
for (const ref of walk(DIST).filter((f) => f !== '404.html')) {
  const body = readFileSync(join(DIST, ref));
  const row = { ref, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  all = { raw: all.raw + row.raw, gzip: all.gzip + row.gzip };
  if (!refs.has(ref) && ref.endsWith('.wasm')) later.push(row);
}
later.sort((a, b) => b.raw - a.raw);
console.log('\nLoaded on first use (chunks of the split build)');
for (const r of later.filter((r) => r.ref.includes('/split_'))) console.log(r.ref.padEnd(44) + kb(r.raw) + kb(r.gzip));
const shared = later.filter((r) => !r.ref.includes('/split_'));
console.log(`${shared.length} shared chunks`.padEnd(44) + kb(shared.reduce((t, r) => t + r.raw, 0)) + kb(shared.reduce((t, r) => t + r.gzip, 0)));
console.log('all files together'.padEnd(44) + kb(all.raw) + kb(all.gzip) + '   (goal: not more than 926 KB gzip)');

// 2. Start-up: cold loads in fresh browser contexts, first contentful paint and time
//    until the start screen's heading is on screen.
const server = await startServer({ gzip: true });
const browser = await launch();
const runs = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(''));
  await page.locator('main h1').waitFor();
  runs.push(
    await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ready: performance.now(),
    })),
  );
  await context.close();
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nStart-up over ${runs.length} cold loads on localhost (median)`);
console.log(`first contentful paint      ${median(runs.map((r) => r.fcp)).toFixed(0).padStart(6)} ms`);
console.log(`start screen heading shown  ${median(runs.map((r) => r.ready)).toFixed(0).padStart(6)} ms`);

// 2b. Opening a lazy screen for the first time (its chunk not yet fetched): from the click
//     on its link in Today's navigation until its heading is there, median of 3.
console.log('\nFirst opening of a lazy screen, from the click to its heading (median of 3; goal ≤ 150 ms)');
for (const name of ['Contacts', 'Interviews', 'Messages', 'Settings']) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url(''));
    await page.locator('main h1').waitFor();
    times.push(
      await page.evaluate(async (name) => {
        const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === name);
        const t0 = performance.now();
        link.click();
        await new Promise((resolve) => {
          const check = () => (document.querySelector('main h1')?.textContent.trim() === name ? resolve() : requestAnimationFrame(check));
          check();
        });
        return performance.now() - t0;
      }, name),
    );
    await context.close();
  }
  console.log(`${name.padEnd(28)}${median(times).toFixed(0).padStart(6)} ms`);
}
await browser.close();

// 3. Lighthouse, if its benchmark-only install is present (make bench installs it), with
//    its mobile (throttled CPU and network) and desktop presets.
const lighthouse = new URL('./node_modules/.bin/lighthouse', import.meta.url).pathname;
// Asynchronous on purpose: the static server runs in this process and must keep answering.
const lighthouseRun = async (preset) => {
  const args = [
    server.url(''),
    '--quiet',
    '--output=json',
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  const { stdout } = await promisify(execFile)(lighthouse, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
};
try {
  statSync(lighthouse);
  for (const preset of ['mobile', 'desktop']) {
    // The mobile figure is the median of three runs (its throttling makes it vary).
    const reports = [];
    for (let i = 0; i < (preset === 'mobile' ? 3 : 1); i++) reports.push(await lighthouseRun(preset));
    const performance = (r) => r.categories.performance.score;
    reports.sort((a, b) => performance(a) - performance(b));
    const report = reports[Math.floor(reports.length / 2)];
    console.log(`\nLighthouse, ${preset} preset (goal ≥ 0.95 each${reports.length > 1 ? `; median of ${reports.length}: ${reports.map((r) => performance(r).toFixed(2)).join(', ')}` : ''})`);
    for (const cat of Object.values(report.categories)) {
      console.log(`${cat.title.padEnd(28)}${cat.score.toFixed(2)}`);
    }
    for (const id of ['largest-contentful-paint', 'total-blocking-time']) {
      console.log(`  ${report.audits[id].title}: ${report.audits[id].displayValue}`);
    }
    const lcp = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    if (lcp) console.log(`  largest contentful paint: ${lcp.snippet?.slice(0, 100)}`);
    for (const [id, audit] of Object.entries(report.audits)) {
      const scored = !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode);
      if (scored && audit.score !== null && audit.score < 0.9) {
        console.log(`  below 0.9: ${id} (${audit.score}) ${audit.displayValue ?? ''}`);
      }
    }
  }
} catch (e) {
  console.log(`\nLighthouse not run: ${e.code === 'ENOENT' ? 'not installed (make bench installs it)' : e.message}`);
}
await server.close();

// 4. Storage: Netzweber's storage layer against a plain-JavaScript IndexedDB baseline,
//    same records, same browser, alternating rounds (bench/index.html, built by make bench).
const benchDist = new URL('../../target/bench-dist/', import.meta.url).pathname;
try {
  statSync(join(benchDist, 'index.html'));
  const benchServer = await startServer({ dist: benchDist, base: '/bench/', fallback404: false });
  const storageBrowser = await launch();
  const page = await (await storageBrowser.newContext()).newPage();
  page.on('pageerror', (e) => console.log(`storage benchmark failed: ${e.message}`));
  await page.goto(benchServer.url(''));
  const text = await page.locator('#result').filter({ hasText: 'phases' }).textContent({ timeout: 15 * 60 * 1000 });
  const result = JSON.parse(text);
  console.log(`\nStorage: ${result.contacts} contacts + ${result.interactions} interactions, median of ${result.rounds} rounds (goal: ratio ≤ 1.5)`);
  console.log('phase'.padEnd(10) + 'Netzweber'.padStart(12) + 'plain JS'.padStart(12) + 'ratio'.padStart(8));
  let ours = 0;
  let theirs = 0;
  for (const p of result.phases) {
    ours += p.netzweber_ms;
    theirs += p.baseline_ms;
    const ratio = p.netzweber_ms / p.baseline_ms;
    console.log(p.phase.padEnd(10) + `${p.netzweber_ms.toFixed(0)} ms`.padStart(12) + `${p.baseline_ms.toFixed(0)} ms`.padStart(12) + ratio.toFixed(2).padStart(8));
  }
  console.log('all'.padEnd(10) + `${ours.toFixed(0)} ms`.padStart(12) + `${theirs.toFixed(0)} ms`.padStart(12) + (ours / theirs).toFixed(2).padStart(8));
  // Protection on (issue 15): the same phases sealed, against Netzweber unprotected.
  console.log(`\nProtected with a passphrase, against unprotected (goal: ratio ≤ 1.5; unlock ≤ 2 s)`);
  console.log('phase'.padEnd(10) + 'protected'.padStart(12) + 'plain'.padStart(12) + 'ratio'.padStart(8));
  let sealed = 0;
  for (const p of result.phases) {
    sealed += p.protected_ms;
    console.log(p.phase.padEnd(10) + `${p.protected_ms.toFixed(0)} ms`.padStart(12) + `${p.netzweber_ms.toFixed(0)} ms`.padStart(12) + (p.protected_ms / p.netzweber_ms).toFixed(2).padStart(8));
  }
  console.log('all'.padEnd(10) + `${sealed.toFixed(0)} ms`.padStart(12) + `${ours.toFixed(0)} ms`.padStart(12) + (sealed / ours).toFixed(2).padStart(8));
  console.log(`unlock (key derivation, reading and decrypting everything, building the network): ${result.unlock_ms.toFixed(0)} ms`);
  await storageBrowser.close();
  await benchServer.close();
} catch (e) {
  console.log(`\nStorage benchmark not run: ${e.message}`);
}
