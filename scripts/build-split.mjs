// The release build of the wasm, split into one chunk per module of the app (issue 12).
//
// Trunk 0.21 runs wasm-bindgen on the whole wasm and cannot split it, so this script
// builds the wasm itself and hands Trunk a page that only copies the result:
//   1. cargo builds the bin with the feature `split`, keeping relocations for the splitter;
//   2. wasm-split-cli cuts it at the split points of src/ui/lazy.rs into a main module
//      and one chunk per group (plus chunks of code several groups share);
//   3. wasm-bindgen writes the JS glue for the main module;
//   4. wasm-opt -Oz shrinks the main module and every chunk;
//   5. everything goes to target/split/pkg-<content hash>/, so a new version never
//      shares a URL with an old one, and target/split/index.html is index.html with
//      Trunk's Rust pipeline replaced by a copy of that folder and a loader script.
// Then: trunk build target/split/index.html (see the Makefile's release and e2e-build).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const out = join(root, 'target/split');
// NETZWEBER_KEEP_NAMES=1 keeps function names in the output, for profiling in the browser.
const keepNames = process.env.NETZWEBER_KEEP_NAMES === '1';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('cargo', [
  'rustc', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'netzweber',
  '--features', 'split', '--', '-Clink-args=--emit-relocs',
]);
const linked = join(root, 'target/wasm32-unknown-unknown/release/netzweber.wasm');

const cut = join(out, 'cut');
const bound = join(out, 'bound');
rmSync(out, { recursive: true, force: true });
mkdirSync(cut, { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'app', linked, cut]);
// The splitter's main module keeps its names: the size report reads it from here.
run('wasm-bindgen', [
  '--target', 'web', '--out-name', 'app', '--out-dir', bound,
  // The chunks import memory, the function table and the shared glue by these names.
  '--keep-lld-exports', '--no-demangle', '--no-typescript', ...(keepNames ? ['--keep-debug'] : []),
  join(cut, 'app.wasm'),
]);
const chunks = readdirSync(cut).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f) || f === '__wasm_split.js');
for (const f of chunks) copyFileSync(join(cut, f), join(bound, f));

// The features rustc emits by default; wasm-opt refuses the module without them.
const features = [
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue', '--enable-call-indirect-overlong',
];
for (const f of readdirSync(bound).filter((f) => f.endsWith('.wasm'))) {
  const file = join(bound, f);
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', ...features, ...(keepNames ? ['-g'] : []), file, '-o', file], {
    cwd: root,
    // "unknown name subsection" on chunks is harmless: they have no name section of their own.
    stdio: ['ignore', 'inherit', 'ignore'],
  });
}

// wasm-bindgen puts the JS snippets of the crate in a folder of their own.
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]);
const files = walk(bound).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(bound, f)));
const pkg = `pkg-${hash.digest('hex').slice(0, 12)}`;
renameSync(bound, join(out, pkg));

const loader = [
  `<link rel="modulepreload" href="${pkg}/app.js">`,
  `<link rel="preload" href="${pkg}/app_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
  `<link data-trunk rel="copy-dir" href="${pkg}">`,
  // The event hands the instance to the benchmark, which reads the wasm memory's size.
  `<script type="module">import init from './${pkg}/app.js'; const wasm = await init(); dispatchEvent(new CustomEvent('netzweber-started', { detail: { wasm } }));</script>`,
].join('\n    ');
let html = readFileSync(join(root, 'index.html'), 'utf8');
const rust = /<link data-trunk rel="rust"[^>]*>/;
if (!rust.test(html)) throw new Error('build-split: the Rust link of index.html is missing');
// Trunk resolves hrefs against the page's folder: the page now sits two levels down.
html = html
  .replace(rust, loader)
  .replace(/(<link data-trunk rel="(?:css|copy-file|copy-dir)" href=")(?!pkg-)/g, '$1../../');
writeFileSync(join(out, 'index.html'), html);
console.log(`build-split: ${files.length} files in target/split/${pkg} (${chunks.length - 1} chunks)`);
