/**
 * The command line as a new user meets it: help wrapped by words, "1 finding" not "1 findings",
 * the summary wrapped by visible width even in colour, an empty name to `match` is a usage error,
 * a plain space-separated DNS log is read as a table, and asset columns reach every report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'covered-usability-'));

function covered(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env } });
}
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('scan --help wraps its description by words, not mid-sentence', () => {
  const help = covered(['scan', '--help'], { COLUMNS: '100' }).stdout;
  assert.match(help, /\(or set with --input-format\)/, 'a parenthesis is not broken by a hard line end');
  const description = help.split('\n\n')[1] ?? '';
  for (const line of description.split('\n')) assert.ok(line.length <= 80, `"${line}" fits 80 columns`);
});

test('one finding is "1 finding"; the summary is wrapped by visible width with colour on', () => {
  const one = file('one.csv', 'vendor\nZTE Corporation\n');
  const r = covered(['scan', one, '--as-of', '2026-11-22', '--profile', 'us-federal-contractor', '--fail-on', 'none']);
  const text = r.stdout.replace(/\s+/g, ' ');
  assert.match(text, /1 row read, 1 screened, 0 rejected; \d+ findings? on 1 item\b/);
  assert.doesNotMatch(text, /\b1 (findings|items|rows)\b/);
  const coloured = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--fail-on', 'none'], { FORCE_COLOR: '1', NO_COLOR: '' });
  assert.match(coloured.stdout, /\u001b\[/, 'colour is on');
  const summary = coloured.stdout.slice(coloured.stdout.indexOf('As of 2026-11-22'));
  const lines = summary.split('\n').filter(Boolean);
  for (const line of lines) assert.ok(stringWidth(line) <= 80, `"${line}" is at most 80 columns wide`);
  // Colour codes are not counted: the first line is filled close to the width, not cut short.
  assert.ok(stringWidth(lines[0]!) > 60, 'the first summary line is not wrapped early');
});

test('match with an empty name is a usage error (exit 2)', () => {
  const r = covered(['match', '', '']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /a name is empty/);
  assert.equal(covered(['match', 'Huawei', ' ']).status, 2);
});

test('a plain space-separated DNS log (timestamp client qname) is read as a table by its content', () => {
  const log = file('dns.txt', ['2026-11-25T00:00:01Z 192.0.2.10 www.tiktok.com', '2026-11-25T00:00:02Z 192.0.2.11 example.org', '2026-11-25T00:00:03Z 192.0.2.10 api.huawei.com', '2026-11-25T00:00:04Z 192.0.2.12 wpad.localdomain', '2026-11-25T00:00:05Z 192.0.2.12 localhost'].join('\n') + '\n');
  const r = covered(['scan', log, '--as-of', '2026-11-22', '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.inputs[0].format, 'whitespace');
  assert.equal(report.inputs[0].columns['column 3'], 'host');
  assert.equal(report.summary.rowsRead, 5);
  assert.ok(report.results.find((x: { label: string }) => x.label === 'www.tiktok.com').findings.length > 0);
  // A plain list of names (varying word counts) stays a one-column table.
  const names = covered(['scan', file('names.txt', 'ZTE Corporation\nHuawei Technologies Co Ltd\nDell\n'), '--as-of', '2026-11-22', '--format', 'json', '--fail-on', 'none']);
  assert.equal(JSON.parse(names.stdout).inputs[0].format, 'csv');
});

test('asset tag and owner columns show in every report format', () => {
  const inv = file('assets.csv', 'Asset Tag,Owner,Location,Vendor\nSW-0042,Network team,Berlin,Huawei Technologies Co. Ltd\n');
  const run = (format: string) => covered(['scan', inv, '--as-of', '2026-11-22', '--format', format, '--fail-on', 'none'], { COLUMNS: '120' }).stdout;
  const json = JSON.parse(run('json'));
  assert.deepEqual(json.results[0].asset, { tag: 'SW-0042', owner: 'Network team', site: 'Berlin' });
  assert.match(run('table'), /asset SW-0042 · Network team · Berlin/);
  assert.match(run('table'), /SW-0042: Huawe/);
  assert.match(run('csv'), /,SW-0042,,,Network team,Berlin,,,,screened,/);
  assert.match(run('md'), /\| SW-0042 · Network team · Berlin \|/);
  assert.equal(JSON.parse(run('sarif')).runs[0].results[0].properties.asset.tag, 'SW-0042');
});
