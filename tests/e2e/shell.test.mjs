// The app shell as a user meets it: navigation, direct URLs, not-found, language, theme,
// accessibility in both themes, phone width, and the safety net (no foreign requests,
// no CSP violations, no console errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot } from './support.mjs';

const env = useServerAndBrowser();

const SCREENS = [
  { path: '', heading: 'Today', name: 'start', title: 'Today · Netzweber' },
  { path: 'contacts', heading: 'Contacts', name: 'contacts-empty', title: 'Contacts · Netzweber' },
  { path: 'contacts/new', heading: 'New contact', name: 'contact-new', title: 'New contact · Netzweber' },
  { path: 'settings', heading: 'Settings', name: 'settings', title: 'Settings · Netzweber' },
  { path: 'no/such/screen', heading: 'Page not found', name: 'not-found', title: 'Page not found · Netzweber' },
];

test('every screen is reachable by navigation', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url(''));
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/netzweber/settings');
  assert.equal(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current'), 'page');
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByRole('heading', { name: 'Start with one person' }).waitFor();
  await nav.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/netzweber/');
  // The start screen's call to action leads to settings too.
  await page.getByRole('link', { name: 'Open settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

for (const screen of SCREENS) {
  test(`direct URL /${screen.path} shows its screen, is accessible in light and dark, and stays on this origin`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await openPage(env.browser, env.server, { colorScheme });
      await page.goto(env.server.url(screen.path));
      await appReady(page);
      await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
      assert.equal(await page.title(), screen.title);
      await page.getByRole('contentinfo').getByText('Your data stays on this device').waitFor();
      // Let async figures (storage estimate) settle before checking and shooting.
      await page.waitForTimeout(300);
      assert.deepEqual(await axe(page), [], `axe violations on /${screen.path} (${colorScheme})`);
      await shot(page, `${screen.name}-${colorScheme}`);
      await assertClean(null, page, problems);
      await context.close();
    }
  });
}

test('the release build carries a strict Content-Security-Policy', async () => {
  const html = await (await fetch(env.server.url(''))).text();
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const directive of ["default-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), `missing ${directive} in ${csp}`);
  }
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), csp);
});

test('while the app downloads, the page shows the header and that it is loading', async () => {
  const { context, page } = await openPage(env.browser, env.server);
  // Hold the app back, as a slow connection would.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(env.server.url(''), { waitUntil: 'domcontentloaded' });
  const loading = page.getByRole('status').filter({ hasText: 'Loading Netzweber' });
  await loading.waitFor();
  assert.ok(await page.getByRole('banner').getByText('Netzweber', { exact: true }).isVisible());
  assert.deepEqual(await axe(page), []);
  await shot(page, 'loading');
  release();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  await context.close();
});

test('the not-found screen names the address and leads back', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('people/42'));
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByText('/netzweber/people/42').waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('the language follows the browser at first, then the user choice, across reloads', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { locale: 'de-DE' });
  await page.goto(env.server.url('settings'));
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Settings · Netzweber');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'English' }).isChecked(), true);
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Heute' }).click();
  await page.getByRole('heading', { level: 2, name: 'Willkommen bei Netzweber' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'start-de');
  await page.goto(env.server.url('settings'));
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  await page.waitForTimeout(300);
  await shot(page, 'settings-de');
  await assertClean(null, page, problems);
  await context.close();
});

test('the theme switch applies at once and persists', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { colorScheme: 'light' });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByRole('radio', { name: 'Dark' }).check();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.notEqual(await background(), light);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.getByRole('radio', { name: 'Dark' }).isChecked(), true);
  assert.deepEqual(await axe(page), []);
  await page.getByRole('radio', { name: 'Like my system' }).check();
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await background(), light);
  await assertClean(null, page, problems);
  await context.close();
});

test('keyboard users can skip to the content and see where focus is', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).pathname, '/netzweber/settings');
  await assertClean(null, page, problems);
  await context.close();
});

test('the layout fits a 360 px phone without horizontal scrolling', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 360, height: 740 } });
  for (const screen of SCREENS) {
    await page.goto(env.server.url(screen.path));
    await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `/${screen.path} scrolls sideways by ${overflow}px`);
    await shot(page, `${screen.name}-phone`);
  }
  await assertClean(null, page, problems);
  await context.close();
});

test('reduced motion switches animations off', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const duration = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'toast';
    document.body.append(probe);
    const d = getComputedStyle(probe).animationDuration;
    probe.remove();
    return d;
  });
  assert.ok(parseFloat(duration) < 0.001, `animation still ${duration}`);
  await assertClean(null, page, problems);
  await context.close();
});
