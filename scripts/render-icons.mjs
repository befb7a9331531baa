// Renders the SVG icons in public/icons to the PNG sizes the web app manifest needs.
// Run by hand after changing an icon (`node scripts/render-icons.mjs`); the PNGs are committed.
// pngquant (Debian package) then reduces each to a palette: the icons are a few flat
// colours, and every install downloads them (a third of the size, looks the same).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const dir = new URL('../public/icons/', import.meta.url);
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
for (const [svg, png, size] of jobs) {
  const markup = readFileSync(new URL(svg, dir), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
  await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
}
await browser.close();
for (const [, png] of jobs) {
  const path = new URL(png, dir).pathname;
  execFileSync('pngquant', ['--quality=80-98', '--speed', '1', '--strip', '--force', '--output', path, path], { stdio: 'inherit' });
}
