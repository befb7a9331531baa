// The plain-JavaScript IndexedDB baseline for the storage benchmark: the same work as
// Netzweber's storage layer (write, read back, export, import), each step in one
// transaction, with no validation and no conversion. Loaded by bench/index.html.
'use strict';

function open(name) {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('contacts', { keyPath: 'meta.id' });
        const i = db.createObjectStore('interactions', { keyPath: 'meta.id' });
        i.createIndex('contact', 'contact_id');
        i.createIndex('date', 'date');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function writeAll(db, contacts, interactions) {
  const tx = db.transaction(['contacts', 'interactions'], 'readwrite');
  const c = tx.objectStore('contacts');
  for (const r of contacts) c.put(r);
  const i = tx.objectStore('interactions');
  for (const r of interactions) i.put(r);
  await done(tx);
}

async function readAll(db) {
  const tx = db.transaction(['contacts', 'interactions'], 'readonly');
  const [contacts, interactions] = await Promise.all([
    request(tx.objectStore('contacts').getAll()),
    request(tx.objectStore('interactions').getAll()),
  ]);
  await done(tx);
  return { contacts, interactions };
}

window.netzweberBaseline = async function (contacts, interactions) {
  let db = await open('bench-baseline');
  let t = performance.now();
  await writeAll(db, contacts, interactions);
  const write = performance.now() - t;

  t = performance.now();
  const back = await readAll(db);
  const read = performance.now() - t;
  if (back.contacts.length !== contacts.length) throw new Error('read lost records');

  t = performance.now();
  const file = JSON.stringify({ format: 'baseline', records: await readAll(db) });
  const exportMs = performance.now() - t;

  db.close();
  db = await open('bench-baseline');
  t = performance.now();
  const parsed = JSON.parse(file);
  await writeAll(db, parsed.records.contacts, parsed.records.interactions);
  const importMs = performance.now() - t;
  db.close();
  await request(indexedDB.deleteDatabase('bench-baseline'));
  return { write, read, export: exportMs, import: importMs };
};
