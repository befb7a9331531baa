// Trunk post_build hook (see Trunk.toml). Runs in Trunk's staging directory before the
// build is moved to dist/:
//   1. adds the sha256 of each inline <script> (the wasm loader) to the CSP meta tag,
//      so the policy needs no 'unsafe-inline';
//   2. writes the list of every built file (but the install dialog's screenshots) and a
//      content-derived version into sw.js;
//   3. copies index.html to 404.html, so hosts like GitHub Pages serve the app on deep links.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run through trunk');
  process.exit(1);
}

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
}
const placeholder = "'wasm-unsafe-eval' __CSP_SCRIPT_HASHES__;";
if (!html.includes(placeholder)) {
  console.error('post-build: CSP placeholder missing in index.html');
  process.exit(1);
}
// `trunk serve` rewrites its live-reload script after this hook (it fills in the socket
// address), so no hash can match it. Debug builds therefore allow inline scripts; release
// builds, the ones that are deployed and tested end to end, stay strict.
const debug = process.env.TRUNK_PROFILE === 'debug';
const scriptSources = debug ? "'unsafe-inline'" : hashes.join(' ');
html = html.replace(placeholder, `'wasm-unsafe-eval' ${scriptSources};`);
writeFileSync(indexPath, html);
writeFileSync(join(staging, '404.html'), html);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
const files = walk(staging)
  .map((f) => relative(staging, f).split(sep).join('/'))
  // The install dialog's screenshots are fetched by the browser when it offers to install,
  // never by the app: precaching them would cost every visitor 80 KB.
  .filter((f) => f !== 'sw.js' && f !== '404.html' && !f.startsWith('screenshots/'))
  .sort();

const version = createHash('sha256');
for (const f of files) {
  version.update(f);
  version.update(readFileSync(join(staging, f)));
}
const swPath = join(staging, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('__NETZWEBER_VERSION__', version.digest('hex').slice(0, 16))
  .replace("['__NETZWEBER_ASSETS__']", JSON.stringify(['./', ...files]));
writeFileSync(swPath, sw);
console.log(`post-build: ${files.length} files precached, CSP script-src: ${debug ? "'unsafe-inline' (debug build)" : `${hashes.length} inline script hash(es)`}`);
