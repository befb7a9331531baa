// Insights at scale: with 1,000 and 10,000 contacts (50,000 timeline entries over three
// years at 10,000), the time from the click on "Insights" until every picture has drawn
// (the default range, the last three months), and the longest task meanwhile. Prints
// figures; asserts nothing.
//
// The clock starts when the click reaches the page (a capturing listener), not when
// Playwright is asked to click: its checks before the click take 40–60 ms that no user
// waits for.
import { startServer, launch } from '../e2e/support.mjs';
import { importNetwork } from './network-data.mjs';

const server = await startServer({ gzip: true });
const browser = await launch();
console.log('\nInsights (goal: every picture drawn ≤ 200 ms after the click at 10,000 contacts; chunk size in the list above)');
console.log('contacts'.padEnd(10) + 'drawn'.padStart(10) + 'longest task'.padStart(14));
try {
  for (const n of (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await importNetwork(page, server, n);
    const drawn = [];
    const longest = [];
    for (let round = 0; round < 3; round++) {
      // Today first, with the network loaded; the Insights chunk is fetched once (round 0
      // includes it, as a first visit does).
      await page.goto(server.url(''));
      await page.waitForFunction(() => performance.getEntriesByName('nw-timelines-shown').length > 0, null, { timeout: 60000 });
      await page.evaluate(() => {
        window.__long = 0;
        document.addEventListener('click', () => { window.__clicked = performance.now(); }, { capture: true, once: true });
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); }).observe({ type: 'longtask' });
      });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
      // Every section has left "Counting…".
      await page.waitForFunction(() => document.querySelectorAll('.insight').length >= 5
        && ![...document.querySelectorAll('.insight')].some((s) => s.textContent.includes('Counting…')), null, { timeout: 60000 });
      drawn.push(await page.evaluate(() => performance.now() - window.__clicked));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
      longest.push(await page.evaluate(() => window.__long));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(String(n).padEnd(10) + `${median(drawn).toFixed(0)} ms`.padStart(10) + `${Math.max(...longest) < 50 ? '< 50' : Math.max(...longest).toFixed(0)} ms`.padStart(14) + `   (rounds: ${drawn.map((d) => d.toFixed(0)).join(', ')} ms)`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
