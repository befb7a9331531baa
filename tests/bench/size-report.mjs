// Where the first download's bytes go: per crate and per top-level module of src/, from
// twiggy on the main module of the split release build as wasm-split-cli wrote it (before
// wasm-bindgen and wasm-opt, so it still has function names; the shipped file is smaller,
// the proportions are alike). Another file can be named: `node size-report.mjs x.wasm`.
// Prints the largest contributors and writes the whole table to target/size-report.txt,
// so that a change can be compared before and after. Run through `make bench`.
import { execFileSync } from 'node:child_process';
import { writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const wasm = process.argv[2] ?? join(root, 'target/split/cut/app.wasm');
const out = join(root, 'target/size-report.txt');
const kb = (n) => (n / 1000).toFixed(1).padStart(9) + ' KB';

statSync(wasm);
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], {
  maxBuffer: 512 * 1024 * 1024,
}).toString();

/** The crate, and for the app's own code its `src/` module, a symbol belongs to. */
function owner(name, size) {
  if (/^"function names"|^custom section|^export "__wbindgen_describe/.test(name)) return ['(names and bindgen metadata, not shipped)', null];
  if (/^data segment/.test(name)) return ['(data)', null];
  // `<T as crate::Trait>::f` belongs to the crate of the implementing type where one is
  // named, otherwise to the trait's: good enough to see who asks for the code.
  // A generic `<F as crate::Trait>` or `<&mut X<R> as crate::Trait>` names only the trait's crate.
  const generic = name.match(/^<(?:&(?:mut )?)?[A-Z][A-Za-z0-9_]*(?:<[^>]*>)? as ([a-z_][a-z0-9_]*)::/);
  if (generic) return [generic[1], null];
  if (/^<(str|char|\[[^\]]*\]|u8|usize|i32|u32|f64)>::/.test(name)) return ['core', null];
  const path = name.replace(/^<+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?/);
  if (!path) {
    others.set(name, size);
    return ['(other)', null];
  }
  const [, crate, module, sub] = path;
  if (crate !== 'netzweber') return [crate, null];
  return ['netzweber', sub && /^[a-z_0-9]+$/.test(sub) ? `${module}::${sub}` : module];
}

const others = new Map();
const crates = new Map();
const modules = new Map();
let total = 0;
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may hold commas.
  const fields = line.split(',');
  const size = Number(fields[fields.length - 4]);
  let name = fields.slice(0, fields.length - 4).join(',');
  if (name.startsWith('"')) name = name.slice(1, -1).replaceAll('""', '"');
  if (!Number.isFinite(size)) continue;
  total += size;
  const [crate, module] = owner(name, size);
  crates.set(crate, (crates.get(crate) ?? 0) + size);
  if (module) modules.set(module, (modules.get(module) ?? 0) + size);
}

const table = (title, map) => {
  const rows = [...map].sort((a, b) => b[1] - a[1]);
  return [
    title,
    ...rows.map(([k, v]) => `${kb(v)} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`),
  ];
};
const lines = [
  `Size report of ${wasm} (${kb(total).trim()} as linked)`,
  '',
  ...table('Per crate', crates),
  '',
  ...table('Per module of src/ (crate netzweber)', modules),
  '',
  ...table('Largest symbols no crate could be read from (the "(other)" row)', new Map([...others].sort((a, b) => b[1] - a[1]).slice(0, 40))),
];
writeFileSync(out, lines.join('\n') + '\n');

console.log('\nWhere the bytes go (twiggy, wasm as linked; full table in target/size-report.txt)');
for (const [title, map] of [['crates', crates], ['modules of src/', modules]]) {
  const top = [...map]
    .filter(([k]) => !k.startsWith('('))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  console.log(`  largest ${title}:`);
  for (const [k, v] of top) console.log(`  ${kb(v)} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}
