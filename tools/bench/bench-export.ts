/**
 * `npm run bench:export`: the findings CSV export of a 20,000-row scan (an asset inventory in which
 * half the rows name a restricted maker, several findings each), streamed by
 * GET /api/scans/{id}/findings.csv, beside the export as it was before — pages of 1,000 findings by
 * offset, sorted by severity, joined into one string — over the same store in the same run.
 * SQLite in a temporary directory; prints a table and writes bench-out/bench-export.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';

const ROWS = Number(process.env.ROWS ?? 20_000);
const LISTED = ['Huawei Technologies Co., Ltd.', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'ZTE Corporation', 'Zhejiang Dahua Technology Co., Ltd.', '华为技术有限公司'];
const OTHERS = ['Acme Widgets Inc.', 'Northwind Logistics LLC', 'Bluefin Cabling GmbH', 'Keystone Tooling Ltd'];

const dataDir = mkdtempSync(join(tmpdir(), 'covered-bench-export-'));
try {
  const lines = ['Asset Tag,Hostname,Owner,Location,Vendor,Serial'];
  for (let i = 0; i < ROWS; i++) {
    const vendor = i % 2 ? LISTED[i % LISTED.length] : OTHERS[i % OTHERS.length];
    lines.push(`AT-${i},host-${i},Team ${i % 7},Site ${i % 5},"${vendor}",SN${i}`);
  }
  const csv = `${lines.join('\n')}\n`;
  const service = await CoveredService.open({ dataDir });
  const app = await buildServer({ service, requireTokens: false, webDir: '/nonexistent' });
  const boundary = 'bench';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="asOf"\r\n\r\n2026-11-22\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="assets.csv"\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const upload = await app.inject({ method: 'POST', url: '/api/scans', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (upload.statusCode !== 202) throw new Error(`upload refused: ${upload.statusCode} ${upload.body}`);
  const id = upload.json().id as string;
  let scan;
  for (;;) {
    scan = await service.scans.get(id);
    if (scan?.status === 'complete' || scan?.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (scan?.status !== 'complete') throw new Error(`scan ${scan?.status}: ${scan?.error}`);
  const findings = scan.summary?.findings ?? 0;

  const time = async (work: () => Promise<number>) => {
    const start = process.hrtime.bigint();
    const bytes = await work();
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, bytes };
  };
  const streamed = async () => (await app.inject({ method: 'GET', url: `/api/scans/${id}/findings.csv` })).rawPayload.length;
  // The export before: offset pages of 1,000 in the findings view's order, one string at the end.
  const before = async () => {
    const rows: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await service.scans.findings(id, { limit: 1000, offset });
      for (const f of page.findings) rows.push(JSON.stringify([f.id, f.item.label, f.finding.measure.id, f.finding.subject.id, f.finding.match.value]));
      if (page.findings.length < 1000) break;
    }
    return Buffer.byteLength(rows.join('\r\n'));
  };
  // One untimed run of each, then the median of three.
  await streamed();
  await before();
  const median = async (work: () => Promise<number>) => {
    const runs = [await time(work), await time(work), await time(work)].sort((a, b) => a.seconds - b.seconds);
    return runs[1] as { seconds: number; bytes: number };
  };
  const now = await median(streamed);
  const then = await median(before);
  const result = { rows: ROWS, findings, streamed: now, offsetPaged: then, ratio: then.seconds / now.seconds };
  console.log(`findings.csv of a ${ROWS.toLocaleString('en')}-row scan (${findings.toLocaleString('en')} findings)`);
  console.log(`  streamed export (keyset pages of 250):     ${now.seconds.toFixed(2)} s, ${(now.bytes / 1e6).toFixed(1)} MB`);
  console.log(`  offset pages of 1,000, sorted (before):    ${then.seconds.toFixed(2)} s`);
  console.log(`  ratio before / streamed:                   ${result.ratio.toFixed(1)}×`);
  mkdirSync('bench-out', { recursive: true });
  writeFileSync('bench-out/bench-export.json', `${JSON.stringify(result, null, 2)}\n`);
  await app.close();
  await service.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
