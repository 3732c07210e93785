import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { detectTextFormat } from '../../src/ingest/detect.js';
import { sniffTextFormat } from '../../src/ingest/read-inventory.js';
import { fixture, labelsByLine, readAll, tempFile } from './helpers.js';

const formatFixture = (name: string) => fixture(`formats/${name}`);

test('every fixture is recognised from its content', async () => {
  const expected: Record<string, string> = {
    'cyclonedx-1.4.json': 'cyclonedx-json',
    'cyclonedx-npm-1.6.json': 'cyclonedx-json',
    'cyclonedx-1.6.xml': 'cyclonedx-xml',
    'cyclonedx-npm-1.5.xml': 'cyclonedx-xml',
    'spdx-2.3.json': 'spdx-json',
    'spdx-2.3.spdx': 'spdx-tag-value',
    'nmap-loopback.xml': 'nmap-xml',
    'nmap-lan.xml': 'nmap-xml',
    'arp-captured.txt': 'arp',
    'arp-linux.txt': 'arp',
    'arp-macos.txt': 'arp',
    'arp-windows.txt': 'arp',
    'ip-neigh-captured.txt': 'ip-neigh',
    'ip-neigh.txt': 'ip-neigh',
    'dhcpd.leases': 'dhcpd-leases',
    'dnsmasq.leases': 'dnsmasq-leases',
    'zeek-dns.log': 'zeek-tsv',
    'zeek-dns.json': 'zeek-json',
    'zeek-ssl.json': 'zeek-json',
    'bind-query.log': 'bind-querylog',
    'pihole.log': 'dnsmasq-log',
    'unbound.log': 'unbound-log',
    'coredns.log': 'coredns-log',
    'requirements.txt': 'pip-requirements',
    'go.mod': 'go-mod',
    'package-lock.json': 'npm-lockfile',
    'build.gradle': 'gradle',
    'build.gradle.kts': 'gradle',
    'gradle.lockfile': 'gradle-lockfile',
    'libs.versions.toml': 'gradle-version-catalog',
    'pom.xml': 'maven-pom',
    'Podfile.lock': 'podfile-lock',
    'Podfile': 'podfile',
    'yarn.lock': 'yarn-lock',
    'yarn-berry.lock': 'yarn-lock',
    'pnpm-lock.yaml': 'pnpm-lock',
    'pnpm-lock-v5.yaml': 'pnpm-lock',
    'windows-dns.log': 'windows-dns-log',
    'squid-access.log': 'squid-log',
    'adb-packages.txt': 'adb-packages',
    'adb-packages-f-i.txt': 'adb-packages',
    'ios-bundle-ids.txt': 'csv',
    'intune-discovered-apps.csv': 'csv',
    'jamf-applications.csv': 'csv',
    'holdings.csv': 'csv',
  };
  for (const [name, format] of Object.entries(expected)) {
    const text = readFileSync(formatFixture(name), 'utf8');
    assert.equal(detectTextFormat(text, sniffTextFormat), format, name);
  }
  // Other XML is refused by name, and ordinary tables stay tables.
  assert.deepEqual(detectTextFormat('<?xml version="1.0"?>\n<inventory><item/></inventory>', sniffTextFormat), {
    unsupported: 'XML with root <inventory>; the XML formats read are nmap output (<nmaprun>), CycloneDX (<bom>) and Maven POMs (<project>)',
  });
  assert.equal(detectTextFormat('vendor,mac\nHuawei,10:01:77:00:00:01\n', sniffTextFormat), 'csv');
  assert.equal(detectTextFormat('{"vendor":"Huawei","host":"a.example"}\n', sniffTextFormat), 'jsonl');
});

test('CycloneDX JSON: purl, supplier and author, group as package, nested components, the described product', async () => {
  const { items, rejected, columns } = await readAll(formatFixture('cyclonedx-1.4.json'));
  assert.equal(columns[0]?.format, 'cyclonedx-json');
  assert.deepEqual(labelsByLine(items), [
    '8: field-camera-app@3.2.0',
    '14: com.umeng.umsdk/common@9.6.3',
    '28: com.huawei.hms/push@6.11.0.300',
    '30: com.huawei.hms/base@6.11.0.300',
    '35: left-pad@1.3.0',
  ]);
  assert.deepEqual(items[0]?.fields, { purl: ['pkg:maven/com.example/field-camera-app@3.2.0'], name: ['Example Devices Ltd'] });
  assert.deepEqual(items[2]?.fields, { purl: ['pkg:maven/com.huawei.hms/push@6.11.0.300'], name: ['Huawei Technologies Co., Ltd.', 'Huawei'], package: ['com.huawei.hms'] });
  assert.deepEqual(rejected, [{ origin: { file: formatFixture('cyclonedx-1.4.json'), line: 40 }, error: 'component README.txt has no purl, supplier, author, group or shared-library name: nothing to screen' }]);
});

test('CycloneDX XML 1.6: manufacturer and authors, nested components; 1.5 as cyclonedx-npm writes it', async () => {
  const { items, rejected } = await readAll(formatFixture('cyclonedx-1.6.xml'));
  assert.deepEqual(labelsByLine(items), ['6: Lobby NVR@5.7.3', '22: com.tencent.bugly/crashreport@4.1.9.3', '28: com.tencent.bugly/nativecrashreport@3.9.2', '36: openssl@3.0.15']);
  assert.deepEqual(items[0]?.fields, { name: ['Hangzhou Hikvision Digital Technology Co., Ltd.'] });
  assert.deepEqual(items[1]?.fields.name, ['Tencent', 'Tencent Bugly team']);
  assert.deepEqual(rejected, []);

  const generated = await readAll(formatFixture('cyclonedx-npm-1.5.xml'));
  assert.ok(generated.items.some((item) => item.fields.purl?.[0]?.startsWith('pkg:npm/picocolors@1.1.1')));
  assert.ok(generated.items.some((item) => item.fields.purl?.[0]?.startsWith('pkg:npm/fastest-levenshtein@1.0.16')));
  const json = await readAll(formatFixture('cyclonedx-npm-1.6.json'));
  assert.deepEqual(
    json.items.map((item) => item.fields.purl?.[0]?.replace(/\?.*$/, '')).sort(),
    generated.items.map((item) => item.fields.purl?.[0]?.replace(/\?.*$/, '')).sort(),
    'the JSON and XML output of the same generator give the same components',
  );
});

test('SPDX 2.3 JSON and tag-value give the same packages; suppliers lose their "Organization:" and e-mail', async () => {
  const json = await readAll(formatFixture('spdx-2.3.json'));
  const tagValue = await readAll(formatFixture('spdx-2.3.spdx'));
  assert.deepEqual(
    json.items.map((item) => item.fields),
    [
      { purl: ['pkg:maven/com.pangle.global/ads-sdk@5.8.0.8'], name: ['Bytedance Pte. Ltd.'] },
      { purl: ['pkg:generic/zlib@1.3.1'], name: ['Jean-loup Gailly'] },
      // A file is screened when it is a shared library.
      { library: ['./lib/libz.so'] },
    ],
  );
  assert.deepEqual(tagValue.items.map((item) => item.fields), json.items.map((item) => item.fields));
  assert.deepEqual(labelsByLine(tagValue.items), ['14: pangle-sdk@5.8.0.8', '23: zlib@1.3.1', '31: ./lib/libz.so'], 'a PackageName inside <text> starts nothing');
  assert.equal(json.rejected[0]?.origin.line, 27);
  assert.match(json.rejected[0]?.error ?? '', /internal-utils@0.1 has no purl/);
});

test('SPDX tag-value: a damaged line is reported with its line and the packages around it are read', async () => {
  const text = [
    'SPDXVersion: SPDX-2.3',
    '# a comment',
    'PackageName: bugly',
    'PackageSupplier: Organization: Tencent',
    'ExternalRef: PACKAGE-MANAGER purl pkg:maven/com.tencent.bugly/crashreport@4.3',
    'PackageDescription:',
    '<text>A crash reporter',
    'whose description runs over lines</text>',
    'this line lost its tag',
    'PackageName: zlib',
    'ExternalRef: PACKAGE-MANAGER purl pkg:generic/zlib@1.3.1',
    '',
  ].join('\n');
  const { items, rejected } = await readAll(tempFile('damaged.spdx', text));
  assert.deepEqual(labelsByLine(items), ['3: bugly', '10: zlib']);
  assert.deepEqual(
    rejected.map((r) => [r.origin.line, r.error]),
    [[9, 'not a "Tag: value" line of SPDX tag-value (nor a comment or a <text> value)']],
  );
});

test('nmap XML: MAC, vendor, device type and OS guess per host; down hosts noted; a host without a MAC is reported', async () => {
  const { items, rejected, notices } = await readAll(formatFixture('nmap-lan.xml'));
  assert.deepEqual(labelsByLine(items), ['9: cam-lobby.corp.example', '23: 192.0.2.1', '38: macbook-7.corp.example']);
  assert.deepEqual(items[0]?.fields, {
    mac: ['18:80:25:3A:00:10'],
    name: ['Hangzhou Hikvision Digital Technology', 'Hikvision'],
    host: ['cam-lobby.corp.example'],
    model: ['Hikvision DS-2CD2032-I IP camera'],
    category: ['webcam'],
  });
  assert.deepEqual(items[1]?.fields.category, ['router'], 'the 85% Linux guess is not used');
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0]?.origin.line, 48);
  assert.match(rejected[0]?.error ?? '', /198\.51\.100\.7: no MAC address/);
  assert.deepEqual(notices, ['1 host reported down by nmap; not screened']);

  // Output of nmap 7.93 against the loopback interface: no MAC there, but the OS guess is used.
  const loopback = await readAll(formatFixture('nmap-loopback.xml'));
  assert.equal(loopback.items.length + loopback.rejected.length, 1);
});

test('nmap XML cut off inside a host: the hosts before it are read, the cut one is reported', async () => {
  const whole = readFileSync(formatFixture('nmap-lan.xml'), 'utf8');
  const cut = whole.slice(0, whole.indexOf('<address addr="192.0.2.20"'));
  const { items, rejected } = await readAll('-', { stdin: Readable.from([cut]) });
  assert.deepEqual(labelsByLine(items), ['9: cam-lobby.corp.example', '23: 192.0.2.1']);
  assert.deepEqual(rejected, [{ origin: { file: '-', line: 38 }, error: 'the file ends inside this <host> element: the scan output is truncated' }]);
});

test('arp -a in the Linux, macOS and Windows layouts, and ip neigh; entries without a MAC are counted', async () => {
  const linux = await readAll(formatFixture('arp-linux.txt'));
  assert.deepEqual(linux.items.map((item) => [item.label, item.fields]), [
    ['192.0.2.1', { mac: ['10:01:77:00:00:01'] }],
    ['cam-lobby.corp.example', { mac: ['18:80:25:3a:00:10'], host: ['cam-lobby.corp.example'] }],
    ['192.0.2.20', { mac: ['10:00:20:00:00:20'] }],
  ]);
  assert.deepEqual(linux.notices, ['1 incomplete entries without a MAC address; not screened']);
  const macos = await readAll(formatFixture('arp-macos.txt'));
  assert.deepEqual(macos.items[0]?.fields, { mac: ['10:1:77:0:0:1'] });
  const windows = await readAll(formatFixture('arp-windows.txt'));
  assert.deepEqual(labelsByLine(windows.items), ['4: 192.0.2.1', '5: 192.0.2.10', '6: 192.0.2.255']);
  assert.deepEqual(windows.items[0]?.fields, { mac: ['10-01-77-00-00-01'] });
  assert.deepEqual(windows.rejected, []);

  const neigh = await readAll(formatFixture('ip-neigh.txt'));
  assert.deepEqual(labelsByLine(neigh.items), ['1: 192.0.2.1', '2: 192.0.2.10', '3: fe80::1201:77ff:fe00:1']);
  assert.deepEqual(neigh.notices, ['1 entries without a link-layer address (FAILED or INCOMPLETE); not screened']);
  const captured = await readAll(formatFixture('ip-neigh-captured.txt'));
  assert.equal(captured.items[0]?.fields.mac?.[0], '02:fc:00:00:00:05');
});

test('dhcpd and dnsmasq leases: one item per lease, journal repeats once, DHCPv6 leases counted', async () => {
  const dhcpd = await readAll(formatFixture('dhcpd.leases'));
  assert.deepEqual(dhcpd.items.map((item) => [item.origin.line, item.label, item.fields.mac?.[0]]), [
    [7, 'cam-lobby', '18:80:25:3a:00:10'],
    [17, 'macbook-7', '10:00:20:00:00:20'],
  ]);
  assert.deepEqual(dhcpd.notices, ['1 later journal entries of the same lease (address and MAC) screened once']);
  const dnsmasq = await readAll(formatFixture('dnsmasq.leases'));
  assert.deepEqual(dnsmasq.items.map((item) => [item.label, item.fields.mac?.[0]]), [
    ['cam-lobby', '18:80:25:3a:00:10'],
    ['192.0.2.20', '10:00:20:00:00:20'],
  ]);
  assert.deepEqual(dnsmasq.notices, ['1 leases without a MAC address (DHCPv6); not screened']);
});

test('Zeek dns.log (TSV): host, client and time per query; unset queries skipped; short lines rejected', async () => {
  const { sightings, rejected, columns } = await readAll(formatFixture('zeek-dns.log'));
  assert.equal(columns[0]?.format, 'zeek-tsv');
  assert.deepEqual(sightings[0], { line: 9, host: 'api16-normal-useast5.us.tiktokv.com', client: '192.0.2.10', time: '1795564801.120000' });
  assert.deepEqual(sightings.map((s) => s.line), [9, 10, 11, 13, 15, 16]);
  assert.deepEqual(rejected, [{ origin: { file: formatFixture('zeek-dns.log'), line: 14 }, error: 'fewer columns than the #fields header names' }]);
});

test('Zeek JSON (dns and ssl), BIND, dnsmasq/Pi-hole and Squid logs give the same sightings', async () => {
  const json = await readAll(formatFixture('zeek-dns.json'));
  assert.deepEqual(json.sightings.map((s) => [s.line, s.host, s.client]), [
    [1, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
    [2, 'www.example.com', '192.0.2.20'],
    [3, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
    [4, 'escaped.bytedance.com', '192.0.2.10'],
  ]);
  assert.equal(json.sightings[0]?.time, '1795564801.12');
  assert.match(json.rejected[0]?.error ?? '', /^not valid JSON/);
  const ssl = await readAll(formatFixture('zeek-ssl.json'));
  assert.deepEqual(ssl.sightings.map((s) => [s.host, s.time]), [['open.douyin.com', '2026-11-25T00:00:05.000000Z']]);

  const bind = await readAll(formatFixture('bind-query.log'));
  assert.deepEqual(bind.sightings[0], { line: 1, host: 'api16-normal-useast5.us.tiktokv.com', client: '192.0.2.10', time: '25-Nov-2026 00:00:01.120' });
  const pihole = await readAll(formatFixture('pihole.log'));
  assert.deepEqual(pihole.sightings.map((s) => [s.line, s.host, s.client, s.time]), [
    [1, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10', 'Nov 25 00:00:01'],
    [4, 'www.example.com', '192.0.2.20', 'Nov 25 00:00:02'],
    [6, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10', 'Nov 25 00:01:39'],
    [7, 'wx.qlogo.cn', '192.0.2.20', 'Nov 25 00:01:40'],
  ]);
  const squid = await readAll(formatFixture('squid-access.log'));
  assert.deepEqual(squid.sightings.map((s) => [s.host, s.client]), [
    ['api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
    ['www.example.com', '192.0.2.20'],
    ['api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
  ]);
});

test('Unbound, CoreDNS and Windows DNS Server logs: one sighting per query a client sent; replies and forwarded queries are the same look-up', async () => {
  const unbound = await readAll(formatFixture('unbound.log'));
  assert.deepEqual(unbound.sightings.map((s) => [s.line, s.host, s.client]), [
    [1, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
    [2, 'www.example.com', '192.0.2.20'],
    [4, 'wx.qlogo.cn', '192.0.2.20'],
  ]);
  assert.deepEqual(unbound.rejected, []);
  const windows = await readAll(formatFixture('windows-dns.log'));
  assert.deepEqual(windows.sightings.map((s) => [s.line, s.host, s.client, s.time]), [
    [11, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10', '11/25/2026 12:00:01 AM'],
    [14, 'www.example.com', '192.0.2.20', '11/25/2026 12:00:02 AM'],
    [16, 'wx.qlogo.cn', '192.0.2.20', '11/25/2026 12:01:40 AM'],
  ]);
  assert.deepEqual(windows.rejected, []);
  const coredns = await readAll(formatFixture('coredns.log'));
  assert.deepEqual(coredns.sightings.map((s) => [s.line, s.host, s.client]), [
    [1, 'api16-normal-useast5.us.tiktokv.com', '192.0.2.10'],
    [3, 'www.example.com', '2001:db8::20'],
    [4, 'wx.qlogo.cn', '192.0.2.20'],
  ]);
  // A log line that opens with a bracketed stamp is no JSON array.
  assert.equal(detectTextFormat('[1795564801] unbound[812:0] info: 192.0.2.10 example.com. A IN\n', sniffTextFormat), 'unbound-log');
  assert.equal(detectTextFormat('[{"vendor":"Huawei"}]\n', sniffTextFormat), 'json');
});

test('dependency manifests are package URLs, never names: pip requirements, go.mod, package-lock.json', async () => {
  const pip = await readAll(formatFixture('requirements.txt'));
  assert.deepEqual(labelsByLine(pip.items), ['2: pkg:pypi/requests@2.31.0', '4: pkg:pypi/aliyun-python-sdk-core@2.13.36', '5: pkg:pypi/flask']);
  assert.deepEqual(pip.rejected.map((r) => r.origin.line), [6]);
  const go = await readAll(formatFixture('go.mod'));
  assert.deepEqual(labelsByLine(go.items), ['5: pkg:golang/github.com/aliyun/alibaba-cloud-sdk-go@v1.62.0', '8: pkg:golang/golang.org/x/text@v0.14.0']);
  assert.deepEqual(go.rejected.map((r) => r.origin.line), [9]);
  const npm = await readAll(formatFixture('package-lock.json'));
  assert.deepEqual(labelsByLine(npm.items), ['11: @alicloud/pop-core@1.7.13', '14: left-pad@1.3.0']);
  assert.deepEqual(npm.items[0]?.fields.purl, ['pkg:npm/%40alicloud/pop-core@1.7.13']);
  assert.deepEqual(npm.rejected.map((r) => [r.origin.line, r.error]), [[17, 'package "broken" has no version']]);
});

test('a log is read the same from a gzip file and from standard input', async () => {
  const bytes = gzipSync(readFileSync(formatFixture('zeek-dns.log')));
  const { sightings, columns } = await readAll('-', { stdin: Readable.from([bytes]) });
  assert.equal(columns[0]?.gzip, true);
  assert.equal(sightings.length, 6);
});

test('app lists: adb pm list packages (plain, -f, -i), iOS bundle ids, Intune and Jamf exports', async () => {
  const adb = await readAll(formatFixture('adb-packages.txt'));
  assert.deepEqual(adb.items.map((item) => item.fields.app?.[0]), ['com.android.chrome', 'com.tencent.mm', 'com.zhiliaoapp.musically', 'com.example.notes']);
  const withPaths = await readAll(formatFixture('adb-packages-f-i.txt'));
  assert.deepEqual(withPaths.items.map((item) => item.fields.app?.[0]), ['com.tencent.mm', 'com.android.settings', 'com.ss.android.ugc.trill']);
  const ios = await readAll(formatFixture('ios-bundle-ids.txt'));
  assert.deepEqual(ios.columns[0]?.columns, { 'column 1': 'app' });
  const intune = await readAll(formatFixture('intune-discovered-apps.csv'));
  assert.deepEqual(intune.columns[0]?.columns, {
    ApplicationKey: 'unused', ApplicationName: 'name', ApplicationPublisher: 'name', ApplicationShortVersion: 'unused', ApplicationVersion: 'unused', DeviceCount: 'unused', Platform: 'unused',
  });
  assert.deepEqual(intune.items[0]?.fields.name, ['WeChat', 'Tencent Technology (Shenzhen) Company Limited']);
  const jamf = await readAll(formatFixture('jamf-applications.csv'));
  assert.equal(jamf.columns[0]?.columns['Application Bundle ID'], 'app');
  assert.deepEqual(jamf.items.map((item) => item.fields.app?.[0]), ['com.tencent.xinWeChat', 'com.apple.Safari', 'com.lemon.lvoverseas']);
});

test('holdings: ISIN, CUSIP, ticker and name columns; quantity is not screened', async () => {
  const { columns, items } = await readAll(formatFixture('holdings.csv'));
  assert.deepEqual(columns[0]?.columns, { 'Security Name': 'name', ISIN: 'isin', CUSIP: 'cusip', Ticker: 'ticker', Quantity: 'unused' });
  assert.deepEqual(items[1]?.fields, { name: ['Apple Inc'], isin: ['US0378331005'], cusip: ['037833100'], ticker: ['AAPL'] });
});

test('--input-format overrides detection, and a wrong one says what it expected per line', async () => {
  const forced = await readAll(formatFixture('adb-packages.txt'), { inputFormat: 'csv' });
  assert.equal(forced.columns[0]?.format, 'csv');
  const wrong = await readAll(formatFixture('adb-packages.txt'), { inputFormat: 'arp' });
  assert.equal(wrong.items.length, 0);
  assert.equal(wrong.rejected.length, 4);
  assert.match(wrong.rejected[0]?.error ?? '', /not an arp -a entry/);
});

test('Zeek TSV from bytes: chunk boundaries, CRLF, a missing final newline and over-long lines change nothing else', async () => {
  const text = readFileSync(formatFixture('zeek-dns.log'), 'utf8');
  const whole = await readAll(formatFixture('zeek-dns.log'));
  const bytes = Buffer.from(text);
  const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  const chunked = await readAll('-', { stdin: Readable.from(pieces) });
  assert.deepEqual(chunked.sightings, whole.sightings);
  assert.deepEqual(chunked.rejected.map((row) => row.origin.line), whole.rejected.map((row) => row.origin.line));

  const crlf = await readAll('-', { stdin: Readable.from([Buffer.from(text.replace(/\n/g, '\r\n').replace(/\r\n$/, ''))]) });
  assert.deepEqual(crlf.sightings, whole.sightings);

  const lines = text.split('\n');
  lines.splice(9, 0, `1795564801.0\tCx\t192.0.2.9\t1\t192.0.2.1\t53\tudp\t1\t0.1\t${'a'.repeat(1024 * 1024 + 5)}.com`);
  const long = await readAll('-', { stdin: Readable.from([Buffer.from(lines.join('\n'))]) });
  assert.deepEqual(long.rejected.map((row) => [row.origin.line, row.error]), [[10, 'line is longer than 1 MiB'], [15, 'fewer columns than the #fields header names']]);
  assert.deepEqual(long.sightings.map((s) => s.line), [9, 11, 12, 14, 16, 17]);
});

test('the host filter rules out hosts under no listed domain, on label boundaries, ignoring case and a final dot', async () => {
  const { HostSuffixFilter } = await import('../../src/ingest/host-filter.js');
  const filter = new HostSuffixFilter(['tiktokv.com', '*.bytedance.com']);
  const may = (host: string) => filter.mayMatch(Buffer.from(host), 0, Buffer.byteLength(host));
  assert.equal(may('api16-normal-useast5.us.tiktokv.com'), true);
  assert.equal(may('TIKTOKV.COM.'), true);
  assert.equal(may('x.bytedance.com'), true);
  assert.equal(may('nottiktokv.com'), false);
  assert.equal(may('tiktokv.com.example.org'), false);
  assert.equal(may('www.example.com'), false);
  assert.equal(may('bücher.example'), true, 'non-ASCII names are left to the caller');
});

test('a large Zeek TSV file read by worker threads gives what one thread gives, with the same line numbers', async () => {
  const { HostSuffixFilter } = await import('../../src/ingest/host-filter.js');
  const text = readFileSync(formatFixture('zeek-dns.log'), 'utf8');
  const [header, body] = [text.split('\n').slice(0, 8).join('\n'), text.split('\n').slice(8, -2).join('\n')];
  // About 1 MB: the fixture's lines (a broken one among them) over and over, and a #close at the end.
  const file = tempFile('big-dns.log', `${header}\n${Array.from({ length: 1500 }, () => body).join('\n')}\n#close\t2026-11-25-01-00-00\n`);
  const filter = new HostSuffixFilter(['tiktokv.com', 'umeng.com']);
  const summarise = (result: Awaited<ReturnType<typeof readAll>>) => ({
    sightings: result.sightings.map((s) => `${s.line} ${s.host} ${s.client} ${s.time}`).sort(),
    rejected: result.rejected.map((row) => `${row.origin.line} ${row.error}`).sort(),
  });
  const single = await readAll(file, { hostFilter: filter, parallel: { workers: 1 } });
  const parallel = await readAll(file, { hostFilter: filter, parallel: { workers: 3, minBytes: 1 } });
  assert.equal(single.sightings.length, 1500 * 5);
  assert.equal(single.rejected.length, 1500);
  assert.deepEqual(summarise(parallel), summarise(single));
  // A header that changes part-way leaves the file to one thread, which reads it right.
  const changing = tempFile('changing-dns.log', `${header}\n${body}\n${header}\n${body}\n`);
  const mixed = await readAll(changing, { hostFilter: filter, parallel: { workers: 2, minBytes: 1 } });
  assert.deepEqual(summarise(mixed), summarise(await readAll(changing, { hostFilter: filter, parallel: { workers: 1 } })));
});

test('holdings in a workbook: numeric quantities and a gzip-compressed copy read the same', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Holdings');
  sheet.addRow(['Security Name', 'ISIN', 'CUSIP', 'Ticker', 'Quantity']);
  sheet.addRow(['China Mobile Ltd', 'HK0941009539', null, '941', 12000]);
  sheet.addRow(['Apple Inc', 'US0378331005', '037833100', 'AAPL', 500]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  for (const file of [tempFile('holdings.xlsx', bytes), tempFile('holdings.xlsx.gz', gzipSync(bytes))]) {
    const { columns, items } = await readAll(file);
    assert.deepEqual(columns[0]?.columns, { 'Security Name': 'name', ISIN: 'isin', CUSIP: 'cusip', Ticker: 'ticker', Quantity: 'unused' });
    assert.deepEqual(items.map((item) => item.fields), [
      { name: ['China Mobile Ltd'], isin: ['HK0941009539'], ticker: ['941'] },
      { name: ['Apple Inc'], isin: ['US0378331005'], cusip: ['037833100'], ticker: ['AAPL'] },
    ]);
  }
});
