import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanReport } from '../../src/model/finding.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function covered(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'covered-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('covered scan', () => {
  const run = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'json']);
  const report = JSON.parse(run.stdout) as ScanReport;

  test('the JSON contract: KB version and hash, as-of, profile, summary, one record per row', () => {
    assert.equal(report.schemaVersion, 1);
    assert.match(report.kb.hash, /^[0-9a-f]{64}$/);
    assert.equal(report.asOf, '2026-11-22');
    assert.equal(report.profile.id, 'all');
    assert.equal(report.results.length, report.summary.rowsRead);
    assert.equal(report.summary.rowsRead, report.summary.screened + report.summary.rejected);
    assert.equal(report.results[0]?.origin.line, 2, 'the header is line 1');
    for (const r of report.results) {
      assert.ok(r.status === 'screened' || r.status === 'rejected');
      for (const f of r.findings) {
        assert.ok(['in-force', 'pending', 'watch', 'historical'].includes(f.state));
        assert.ok(f.measure.id && f.subject.id && f.obligation && f.citations.length > 0 && f.evidence.length > 0);
        assert.ok(f.confidence > 0 && f.confidence <= 1);
      }
    }
  });
  test('exit code 1 when findings reach --fail-on (default low)', () => assert.equal(run.code, 1));
  test('a Hikvision camera is found under NDAA 889 through its maker', () => {
    const camera = report.results.find((r) => r.origin.line === 2);
    assert.ok(camera?.findings.some((f) => f.measure.id === 'us-ndaa-889' && f.subject.id === 'hikvision'));
  });
  test('a Dahua MAC address leads to Dahua through the IEEE registry', () => {
    const nvr = report.results.find((r) => r.origin.line === 3);
    const f = nvr?.findings.find((x) => x.measure.id === 'us-ndaa-889');
    assert.equal(f?.subject.id, 'dahua-technology');
  });
  test('the lookalike domain is not matched; the TikTok CDN host is', () => {
    const hosts = report.results.filter((r) => r.label.includes('tiktokv.com'));
    assert.equal(hosts.find((r) => r.label === 'nottiktokv.com')?.findings.length, 0);
    assert.ok((hosts.find((r) => r.label.startsWith('v16'))?.findings.length ?? 0) > 0);
  });
  test('bad rows are rejected with file, line and reason; the rest is screened', () => {
    const rejected = report.results.filter((r) => r.status === 'rejected');
    assert.deepEqual(rejected.map((r) => r.origin.line), [18, 19]);
    assert.match(rejected[1]?.error ?? '', /ISIN US0378331006 has a bad check digit/);
    assert.equal(report.summary.rejected, 2);
  });
  test('same KB, same input, same as-of: byte-identical output', () => {
    const again = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'json']);
    assert.equal(again.stdout, run.stdout);
  });
});

describe('as-of evaluation end to end: a TikTok item under EO 13942', () => {
  const inv = file('apps.csv', 'app id\ncom.zhiliaoapp.musically\n');
  const at = (date: string, ...extra: string[]) => {
    const r = JSON.parse(covered(['scan', inv, '--as-of', date, '--format', 'json', ...extra]).stdout) as ScanReport;
    return r.results[0]?.findings.find((f) => f.measure.id === 'us-eo-13942');
  };
  test('2020-09-01: pending (signed, not yet effective)', () => assert.equal(at('2020-09-01')?.state, 'pending'));
  test('a state that comes after the screening date reads as the next one, not as a second state now', () => {
    const md = covered(['scan', inv, '--as-of', '2020-09-01', '--format', 'md', '--fail-on', 'none']).stdout;
    assert.match(md, /pending \(signed 2020-08-06; next: effective from 2020-09-20\)/);
  });
  test('2020-10-15: enjoined, shown with --include-historical', () => {
    assert.equal(at('2020-10-15'), undefined);
    const f = at('2020-10-15', '--include-historical');
    assert.equal(f?.state, 'historical');
    assert.equal(f?.status.status, 'enjoined');
  });
  test('2022-01-01: historical (revoked)', () => assert.equal(at('2022-01-01', '--include-historical')?.status.status, 'revoked'));
});

describe('other formats and errors', () => {
  test('csv and markdown carry the findings', () => {
    const csv = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'csv', '--fail-on', 'none']);
    assert.equal(csv.code, 0);
    assert.match(csv.stdout.split('\n')[0] ?? '', /^\uFEFFfile,line,item,asset_tag,hostname,ip,owner,site,serial,cost_centre,country,row_status/);
    assert.match(csv.stdout, /us-ndaa-889/);
    const md = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'md', '--fail-on', 'none']);
    assert.match(md.stdout, /^# Covered screening report/);
  });
  test('the table fits 80 columns', () => {
    const t = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--fail-on', 'none']);
    const wide = t.stdout.split('\n').filter((l) => [...l].length > 80);
    assert.deepEqual(wide, []);
  });
  test('a log finding shows how often, by whom and when its host was seen, in the table, CSV and Markdown', () => {
    const log = 'test/fixtures/ingest/formats/zeek-dns.log';
    const seen = 'seen 3 times by 192.0.2.10 from 2026-11-25T00:00:01.120Z to 2026-11-25T00:01:39.000Z, lines 9–16';
    const table = covered(['scan', log, '--as-of', '2026-11-22', '--fail-on', 'none']);
    assert.match(table.stdout.replace(/\s+/g, ' '), new RegExp(seen.replace(/[.()]/g, '\\$&')));
    assert.match(table.stdout, /seen once by 192\.0\.2\.10 at 2026-11-25T00:01:09\.000Z, line 15/);
    assert.deepEqual(table.stdout.split('\n').filter((l) => [...l].length > 80), []);
    const csv = covered(['scan', log, '--as-of', '2026-11-22', '--format', 'csv', '--fail-on', 'none']).stdout.split('\n');
    assert.match(csv[0] ?? '', /,occurrences,client,first_seen,last_seen,last_line,finding_id,/);
    assert.match(csv.find((l) => l.includes(',9,')) ?? '', /,3,192\.0\.2\.10,2026-11-25T00:00:01\.120Z,2026-11-25T00:01:39\.000Z,16,,,,,$/);
    const md = covered(['scan', log, '--as-of', '2026-11-22', '--format', 'md', '--fail-on', 'none']).stdout;
    assert.match(md, /\| Line \| Item \| Seen \| Measure/);
    assert.match(md, /\| api16-normal-useast5\.us\.tiktokv\.com \| 3× by 192\.0\.2\.10 \|/);
    assert.ok(md.includes(`- Seen: ${seen.slice('seen '.length)}`));
  });
  test('usage and input errors exit 2 with a message, never a stack trace', () => {
    for (const args of [
      ['scan', 'no-such-file.csv'],
      ['scan', 'examples/inventory.csv', '--as-of', '2020-13-45'],
      ['scan', 'examples/inventory.csv', '--profile', 'nope'],
      ['scan', file('empty.csv', '')],
      ['scan', 'examples/inventory.csv', '--map', 'vendor=colour'],
    ]) {
      const r = covered(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(r.stderr.length > 0);
    }
  });
  test('--map overrides column detection', () => {
    const inv = file('odd.csv', 'thing\nHuawei Technologies Co Ltd\n');
    const r = JSON.parse(covered(['scan', inv, '--map', 'thing=name', '--format', 'json', '--as-of', '2021-01-01']).stdout) as ScanReport;
    assert.ok(r.results[0]?.findings.some((f) => f.subject.id === 'huawei-technologies'));
  });
});

describe('covered match, lookup, explain, kb', () => {
  test('match prints one JSON line with the verdict and reasons', () => {
    const r = covered(['match', 'HANGZHOU HIKVISION DIGITAL TECH CO LTD', '海康威视']);
    const out = JSON.parse(r.stdout) as { verdict: string; score: number; reasons: string[] };
    assert.equal(out.verdict, 'same');
    assert.ok(out.reasons.length > 0);
    const neg = JSON.parse(covered(['match', 'ZTT', 'ZTE']).stdout) as { verdict: string };
    assert.equal(neg.verdict, 'different');
  });
  test('match and profiles take --format: json for machines, text for reading', () => {
    const json = covered(['match', 'SiemensAG', 'Siemens AG', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as { verdict: string }).verdict, 'same');
    const text = covered(['match', 'SiemensAG', 'Siemens AG', '--format', 'text']).stdout.split('\n');
    assert.match(text[0] ?? '', /^same 1\.00  SiemensAG  ↔  Siemens AG$/);
    assert.ok(text.slice(1).some((l) => l.startsWith('  ')), 'each reason on its own indented line');
    const ranked = covered(['match', 'Tayota Motor Corporation', '--candidates', '2', '--format', 'text']).stdout;
    assert.match(ranked, /^ {2}1\. 0\.\d\d same +✓ Toyota Motor Corporation \[organisation toyota-motor\]$/m);
    assert.equal(covered(['match', 'A', 'B', '--format', 'xml']).code, 2);
    const profiles = JSON.parse(covered(['profiles', '--format', 'json']).stdout) as { id: string; measures: Record<string, string> }[];
    assert.ok(profiles.some((p) => p.id === 'all' && p.measures['us-bis-entity-list'] !== undefined));
  });
  test('a group and its listed company are one family, not one entity, even where both reach one record', () => {
    const verdict = (a: string, b: string) => (JSON.parse(covered(['match', a, b]).stdout) as { verdict: string }).verdict;
    assert.equal(verdict('中国移动通信集团有限公司', '中国移动有限公司'), 'family');
    assert.equal(verdict('Inspur Group Co., Ltd.', 'Inspur Electronic Information Industry Co., Ltd.'), 'family');
    assert.equal(verdict('中国移动有限公司', 'China Mobile Limited'), 'same');
    // Lenovo's former name Legend Group Limited is not its shareholder Legend Holdings Corporation.
    assert.equal(verdict('Lenovo', 'Legend Holdings'), 'family');
    assert.equal(verdict('Legend Group Limited', 'Lenovo Group'), 'same');
  });
  test('two names that each match both of two records holding one name are one entity', () => {
    const verdict = (a: string, b: string) => (JSON.parse(covered(['match', a, b]).stdout) as { verdict: string }).verdict;
    assert.equal(verdict('Gazprom Neft JSC', 'Gazprom Neft OAO'), 'same');
    assert.equal(verdict('华为 Huawei', 'Huawei Technologies Co., Ltd.'), 'same');
  });
  test('match --pairs reads name1,name2 and ignores other columns', () => {
    const pairs = file('pairs.csv', 'id,name1,name2,extra\n1,Huawei,华为,x\n2,Zhejiang Uniview Technologies,Zhejiang Dahua Technology,y\n');
    const lines = covered(['match', '--pairs', pairs]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { verdict: string; name1: string });
    assert.deepEqual(lines.map((l) => l.verdict), ['same', 'different']);
  });
  test('match QUERY --candidates N ranks the knowledge base\'s candidates; --threshold moves the verdict; bad values exit 2', () => {
    const r = covered(['match', 'Tayota Motor Corporation', '--candidates', '3']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as { field: string; candidates: { rank: number; entity: { id: string }; score: number; band: string; meetsThreshold: boolean; explanation: string[] }[] };
    assert.equal(list.field, 'name');
    assert.equal(list.candidates[0]?.entity.id, 'toyota-motor');
    assert.equal(list.candidates[0]?.band, 'same');
    assert.ok(list.candidates.length <= 3 && list.candidates[0]?.explanation.some((e) => e.includes('tayota~toyota')));
    const none = covered(['match', 'Hua Wei Trading LLC', '--candidates', '3']);
    assert.equal(none.code, 1, 'no candidate reaches the threshold');
    assert.equal((JSON.parse(covered(['match', 'Tayota Motor Corporation', 'Toyota Motor Corporation', '--threshold', '0.95']).stdout) as { verdict: string }).verdict, 'different');
    assert.equal(covered(['match', 'x', '--candidates', '0']).code, 2);
    assert.equal(covered(['match', 'a', 'b', '--threshold', '1.5']).code, 2);
  });
  test('lookup finds a Chinese name and shows the measures as of a date', () => {
    const r = covered(['lookup', '海康威视', '--as-of', '2021-06-01', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { matches: { dossier: { id: string; listings: { measure: string }[] } }[] };
    assert.equal(out.matches[0]?.dossier.id, 'hikvision');
    assert.ok(out.matches[0]?.dossier.listings.some((l) => l.measure === 'us-ndaa-889'));
  });
  test('explain shows a measure timeline; an unknown id exits 2', () => {
    const r = covered(['explain', 'us-eo-13942', '--as-of', '2020-10-15']);
    assert.match(r.stdout, /state as of 2020-10-15: historical/);
    assert.equal(covered(['explain', 'no-such-id']).code, 2);
  });
  test('kb validate passes on the bundled knowledge base', () => {
    const r = covered(['kb', 'validate']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^0 error\(s\)/m);
  });
  test('every command has --help', () => {
    for (const cmd of ['scan', 'match', 'lookup', 'explain', 'kb', 'profiles']) {
      const r = covered([cmd, '--help']);
      assert.equal(r.code, 0, cmd);
      assert.match(r.stdout, /Usage: covered/);
    }
  });
});

test('sarif output annotates the inventory rows with one rule per measure', () => {
  const r = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'sarif', '--fail-on', 'none']);
  const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run?.tool.driver.rules.some((rule) => rule.id === 'us-ndaa-889'));
  const camera = run?.results.find((x) => x.ruleId === 'us-ndaa-889' && x.locations[0]?.physicalLocation.region.startLine === 2);
  assert.equal(camera?.level, 'error');
});

test('a log format forced on a file that is not one says so on standard error', () => {
  const csv = file('suppliers-not-a-log.csv', 'supplier,mac\nAcme,00:11:22:33:44:55\n');
  const forced = covered(['scan', csv, '--input-format', 'dnsmasq-log']);
  assert.equal(forced.code, 0);
  assert.match(forced.stderr, /no line of it is a dnsmasq-log line naming a host; is it another format\?/);
  // A real log says nothing of the kind.
  const log = file('dnsmasq.log', 'Nov 25 03:00:01 dnsmasq[411]: query[A] www.example.org from 192.0.2.10\n');
  assert.doesNotMatch(covered(['scan', log]).stderr, /is it another format/);
});
