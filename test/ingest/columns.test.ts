import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assetForHeader, chooseFields, fieldForHeader, isHeaderRow, valueShapes } from '../../src/ingest/columns.js';

test('header synonyms ignore case, spaces and punctuation, and include Chinese headers', () => {
  const expected: Record<string, string> = {
    Supplier: 'name', 'VENDOR NAME': 'name', 'Company-Name': 'name', Organisation: 'name', Publisher: 'name',
    'Security Name': 'name', Holder: 'name', 供应商: 'name', 厂商: 'name', 公司名称: 'name',
    'MAC Address': 'mac', hw_address: 'mac', 'Ethernet Address': 'mac', BSSID: 'mac',
    'Host Name': 'host', FQDN: 'host', URL: 'host', 'Server Name': 'host', SNI: 'host', domains: 'host',
    'Bundle Identifier': 'app', 'Package Name': 'app', 'App ID': 'app', 'application-id': 'app',
    PURL: 'purl', 'Package URL': 'purl', 'Java Package': 'package', Class: 'package',
    ISIN: 'isin', CUSIP: 'cusip', Symbol: 'ticker', LEI: 'lei', 统一社会信用代码: 'uscc', 'Unified Social Credit Code': 'uscc',
    'Model Number': 'model', 型号: 'model', 'Device Type': 'category', 'Equipment Type': 'category',
  };
  for (const [header, field] of Object.entries(expected)) assert.equal(fieldForHeader(header), field, header);
  assert.equal(fieldForHeader('Notes'), undefined);
});

test("a supplier's country column is the row's country, not a screened name", () => {
  for (const header of ['Country', 'Country/Region', 'Supplier Country', 'Vendor Country Code', 'Country of Incorporation', 'Pays', 'País', '国家']) {
    assert.equal(assetForHeader(header), 'country', header);
    assert.equal(fieldForHeader(header), undefined, header);
  }
  assert.equal(assetForHeader('Country of Origin'), undefined, "a device's country of origin is where it was made, not its vendor's country");
});

test('value shapes recognise MACs, securities, package ids, purls and hosts', () => {
  assert.deepEqual(valueShapes('00:11:22:33:44:55'), ['mac']);
  assert.deepEqual(valueShapes('00-11-22-33-44-5F'), ['mac']);
  assert.deepEqual(valueShapes('0011.2233.4455'), ['mac']);
  assert.ok(valueShapes('00112233445a').includes('mac'));
  assert.ok(valueShapes('US0378331005').includes('isin'));
  assert.deepEqual(valueShapes('037833100'), ['cusip']);
  assert.deepEqual(valueShapes('037833101'), [], 'a wrong CUSIP check digit is not a CUSIP');
  assert.deepEqual(valueShapes('pkg:npm/left-pad@1.0.0'), ['purl']);
  assert.deepEqual(valueShapes('com.tencent.mm'), ['app']);
  assert.deepEqual(valueShapes('cn.wps.moffice_eng'), ['app']);
  assert.deepEqual(valueShapes('www.tencent.com'), ['host']);
  assert.deepEqual(valueShapes('us.example.com'), ['host']);
  assert.deepEqual(valueShapes('https://api.example.cn/v1'), ['host']);
  assert.deepEqual(valueShapes('Huawei Technologies Co., Ltd.'), []);
});

test('the first row is a header unless it looks like data', () => {
  assert.equal(isHeaderRow(['Vendor', 'Serial'], 2, undefined), true);
  assert.equal(isHeaderRow(['00:11:22:33:44:55', 'x'], 2, undefined), false);
  assert.equal(isHeaderRow(['Lieferant', 'Kennung'], 2, undefined), true, 'unknown words in several columns');
  assert.equal(isHeaderRow(['Lieferant'], 2, { Lieferant: 'name' }), true, 'a map key');
  assert.equal(isHeaderRow(['Huawei'], 1, undefined), false, 'a single column of names has no header');
  assert.equal(isHeaderRow(['12345', 'abc'], 2, undefined), false);
  // A title whose column the values decide ("library": native, Java or JavaScript) heads a file of one column too.
  assert.equal(isHeaderRow(['Library'], 1, undefined), true);
  assert.equal(isHeaderRow(['component'], 1, undefined), true);
});

test('content decides unknown columns; free text becomes the name only when nothing else is', () => {
  const columns = ['a', 'b', 'c', 'Description'];
  const samples = [
    ['Huawei', 'ZTE Corporation', 'Hikvision'],
    ['00:11:22:33:44:55', '66:77:88:99:aa:bb', '0a1b2c3d4e5f'],
    ['Some text here', 'More text', 'Other text'],
    ['Free text', 'that is not', 'a name'],
  ];
  const { choices } = chooseFields('f', columns, samples, true, undefined);
  assert.deepEqual(
    choices.map((choice) => [choice.column, choice.field, choice.by]),
    [['a', 'name', 'content'], ['b', 'mac', 'content'], ['c', undefined, undefined], ['Description', undefined, undefined]],
  );
  const withNameHeader = chooseFields('f', ['Vendor', 'x'], [['Huawei'], ['Some text']], true, undefined).choices;
  assert.deepEqual(withNameHeader.map((choice) => choice.field), ['name', undefined]);
});

test("a log's own vocabulary beside the host (Suricata's event_type, a query's type) is never taken for company names", () => {
  const { choices } = chooseFields('eve.json', ['event_type', 'dns.rrname', 'dns.rrtype'], [['dns', 'dns', 'tls'], ['a.example.com', 'b.example.com', 'c.example.org'], ['A', 'AAAA', 'A']], true, undefined);
  assert.deepEqual(choices.map((choice) => choice.field), [undefined, 'host', undefined]);
});

test('a column needs most of its values to agree before content decides', () => {
  const { choices } = chooseFields('f', ['x'], [['00:11:22:33:44:55', 'n/a', 'unknown', '-']], true, undefined);
  assert.equal(choices[0]?.field, undefined);
});
