// The Settings screen's own features: the profile form with validation, persistence, and
// the storage status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot } from './support.mjs';

const env = useServerAndBrowser();

test('the profile validates inline, keeps what was typed, and persists once valid', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await page.getByLabel('Name').fill('Erika Mustermann');
  await page.getByLabel('Headline').fill('From teaching to UX research 🎓');
  await page.getByLabel('Email').fill('erika@example');
  await page.getByLabel('Phone').fill('+49 30 1234567');
  await page.getByLabel('Profile link').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save profile' }).click();

  await page.getByRole('alert').getByText('Please correct the marked fields; nothing was saved.').waitFor();
  await page.getByText('This is not an email address').waitFor();
  await page.getByText('Only web addresses starting with http:// or https:// are allowed here.').waitFor();
  assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Name').getAttribute('aria-invalid'), null);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'settings-profile-errors');

  // Nothing was stored, and the typed text is still there.
  await page.getByRole('region', { name: 'Your data' }).getByText('not saved').waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Erika Mustermann');

  await page.getByLabel('Email').fill('erika@example.com');
  await page.getByLabel('Profile link').fill('  www.linkedin.com/in/erika  ');
  // Messages follow the input once shown.
  assert.equal(await page.getByText('This is not an email address').count(), 0);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved.').waitFor();
  assert.equal(await page.getByLabel('Profile link').inputValue(), 'https://www.linkedin.com/in/erika');

  await page.reload();
  await appReady(page);
  // The profile is read from the database after the screen appears.
  await page.waitForFunction(() => document.querySelector('#profile-name')?.value === 'Erika Mustermann');
  assert.equal(await page.getByLabel('Headline').inputValue(), 'From teaching to UX research 🎓');
  assert.equal(await page.getByLabel('Email').inputValue(), 'erika@example.com');
  assert.equal(await page.getByLabel('Phone').inputValue(), '+49 30 1234567');
  await assertClean(null, page, problems);
  await context.close();
});

test('hostile text in the profile is stored and shown as plain text', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const hostile = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>';
  await page.getByLabel('Name').fill(hostile);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved.').waitFor();
  await page.reload();
  await appReady(page);
  await page.waitForFunction((v) => document.querySelector('#profile-name')?.value === v, hostile);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  await assertClean(null, page, problems);
  await context.close();
});

test('storage status shows usage, quota and protection in the user language', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { locale: 'de-DE' });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const section = page.getByRole('region', { name: 'Speicher auf diesem Gerät' });
  // German number format: "… von … belegt (… %)".
  await section.getByText(/von .* belegt \(\d+(,\d+)?\u00a0%\)/).waitFor();
  await section.getByRole('meter', { name: 'Belegter Speicher' }).waitFor();
  await section.getByText(/Dauerhaft gespeichert|Browser darf die Daten löschen/).waitFor();
  await section.getByText('Bereit: Netzweber funktioniert auch ohne Internetverbindung.').waitFor();
  const ask = section.getByRole('button', { name: 'Daten dauerhaft behalten' });
  if (await ask.count()) {
    await ask.click();
    await section.getByText(/Der Browser (behält|hat vorerst abgelehnt)/).waitFor();
  }
  await assertClean(null, page, problems);
  await context.close();
});
