import { readInventory, describeColumns } from './src/ingest/read-inventory.js';
for (const f of process.argv.slice(2)) {
  try {
    for await (const r of readInventory(f, { onColumns: (i) => console.log('COLUMNS', i.format, JSON.stringify(i.delimiter), i.encoding, i.header, describeColumns(i)), onNotice: (m) => console.log('NOTICE', m) }))
      console.log(JSON.stringify(r));
  } catch (e) { console.log('ERROR', (e as Error).name, (e as Error).message); }
}
