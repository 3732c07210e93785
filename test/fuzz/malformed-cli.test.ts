/**
 * A batch of malformed and hostile files through the real `covered scan` process: every one ends
 * with exit code 0, 1 or 2 and a message, never a stack trace, a crash or a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'covered-malformed-'));

function scan(file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', file, '--format', 'json', '--no-progress'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function word(length: number): string {
  let seed = 3;
  return Array.from({ length }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 26))).join('');
}

test('malformed and hostile files: exit 0, 1 or 2 with a message, no stack trace', async () => {
  const xlsx = readFileSync(join(ROOT, 'fuzz', 'seeds', 'devices.xlsx'));
  const corrupt = Buffer.from(xlsx);
  let seed = 5 * 7919 + 13;
  for (let i = 0; i < 20; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const at = seed % corrupt.length;
    corrupt[at] = (corrupt[at] ?? 0) ^ (1 + ((seed >> 8) % 255));
  }
  let deep = '';
  for (let i = 0; i < 5_000; i++) deep += `{"type":"library","name":"x${i}","purl":"pkg:npm/x${i}@1","components":[`;
  const files: Record<string, string | Buffer> = {
    'ctrl-key.json': '{"it\u0001ems": [{"vendor": "Huawei"}]}',
    'ctrl-key-element.json': '[{"ven\u0001dor": "Huawei"}]',
    'deep.cdx.json': `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[${deep}${']}'.repeat(5_000)}]}`,
    'deep-row.json': `[{"vendor":"x","v":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`,
    'corrupt.xlsx': corrupt,
    'truncated.xlsx': xlsx.subarray(0, xlsx.length >> 1),
    'nul.csv': 'vendor,mac\nHuawei,00:11:22:33:44:55\nZTE\0Corp,00:11:22:33:44:56\n',
    'long-name.csv': `vendor\n${word(16_400)}\n`,
    'big-cell.csv': `vendor,notes\nHuawei,"${'x'.repeat(910_000)}"\n`,
    'unclosed.json': '[{"vendor": "Huawei"',
    'truncated.gz': gzipSync('vendor\nHuawei\n'.repeat(1000)).subarray(0, 60),
    'binary.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)),
    'empty.csv': '',
    'broken.xml': '<?xml version="1.0"?><nmaprun><host><address addr="1.2.3.4"',
  };
  const outcomes: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    const { code, stderr } = await scan(path);
    outcomes.push(`${name}: ${code}`);
    assert.ok(code === 0 || code === 1 || code === 2, `${name}: exit ${code}\n${stderr}`);
    assert.doesNotMatch(stderr, /\n\s+at |internal error/, `${name}: ${stderr}`);
    if (code === 2) assert.match(stderr, new RegExp(`covered: .*${name.replace('.', '\\.')}`), `${name}: the message names the file`);
  }
  rmSync(dir, { recursive: true, force: true });
});
