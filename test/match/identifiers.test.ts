import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { exchangeKeys, parseCusip, parseIsin, parseLei, parseTicker, parseUscc } from '../../src/match/identifiers/check-digits.js';
import { MacRegistry, parseMac, unresolvableReason } from '../../src/match/identifiers/mac.js';
import { DomainIndex, parseHost } from '../../src/match/identifiers/domain.js';
import { DottedPrefixIndex } from '../../src/match/identifiers/prefix-index.js';
import { guessField, resolveGuessed } from '../../src/match/identifiers/guess-field.js';

describe('check digits', () => {
  test('ISIN: valid codes pass, a wrong check digit is named', () => {
    assert.deepEqual(parseIsin('US0378331005'), { ok: true, value: 'US0378331005' });
    assert.equal(parseIsin('hk0941009539').ok, true);
    const bad = parseIsin('US0378331006');
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /check digit \(expected 5\)/);
    assert.equal(parseIsin('US03783310').ok, false);
  });
  test('CUSIP', () => {
    assert.equal(parseCusip('037833100').ok, true);
    assert.equal(parseCusip('037833101').ok, false);
  });
  test('LEI (ISO 17442, MOD 97-10)', () => {
    assert.equal(parseLei('HWUPKR0MPOU8FGXBT394').ok, true);
    assert.equal(parseLei('HWUPKR0MPOU8FGXBT395').ok, false);
  });
  test('USCC (GB 32100-2015)', () => {
    assert.equal(parseUscc('914403001922038216').ok, true);
    const bad = parseUscc('914403001922038217');
    assert.equal(bad.ok, false);
    assert.equal(parseUscc('91440300192203821I').ok, false, 'I is not in the alphabet');
  });
  test('tickers with exchanges in their usual spellings', () => {
    assert.deepEqual(parseTicker('0941.HK'), { ok: true, value: { symbol: '941', exchange: 'HKEX' } });
    assert.deepEqual(parseTicker('HKG:0941'), { ok: true, value: { symbol: '941', exchange: 'HKEX' } });
    assert.deepEqual(parseTicker('600050.SS'), { ok: true, value: { symbol: '600050', exchange: 'SSE' } });
    assert.deepEqual(parseTicker('BABA'), { ok: true, value: { symbol: 'BABA' } });
    assert.equal(parseTicker('not a ticker!').ok, false);
  });
  test("tickers as OFAC's list writes them: the market by its country code", () => {
    assert.deepEqual(parseTicker('600760 CN'), { ok: true, value: { symbol: '600760', exchange: 'CN' } });
    assert.deepEqual(parseTicker('K3ID SG'), { ok: true, value: { symbol: 'K3ID', exchange: 'SG' } });
    assert.deepEqual(parseTicker('CHA AR'), { ok: true, value: { symbol: 'CHA', exchange: 'AR' } });
    assert.deepEqual(parseTicker('CHL RU'), { ok: true, value: { symbol: 'CHL', exchange: 'RU' } });
    assert.deepEqual(parseTicker('CTM DE'), { ok: true, value: { symbol: 'CTM', exchange: 'DE' } });
  });
  test('a country code is not read as one of its exchanges; exchange codes still are', () => {
    assert.deepEqual(parseTicker('CTM GY'), { ok: true, value: { symbol: 'CTM', exchange: 'XETRA' } });
    assert.deepEqual(parseTicker('CHL.ME'), { ok: true, value: { symbol: 'CHL', exchange: 'MOEX' } });
    assert.deepEqual(parseTicker('K3ID.SI'), { ok: true, value: { symbol: 'K3ID', exchange: 'SGX' } });
    assert.deepEqual(exchangeKeys('XETRA'), ['XETRA', 'DE']);
    assert.deepEqual(exchangeKeys('RU'), ['RU', 'MOEX']);
  });
});

describe('guessing what a query is', () => {
  test('a ticker with its market, in capitals, is a ticker; a bare symbol or a lower-case host is not', () => {
    for (const q of ['CHL RU', 'CTM DE', '0941.HK', 'HKG:0941', 'CTM GY Equity', '600760 CN']) assert.equal(guessField(q), 'ticker', q);
    for (const q of ['CHL', 'zte.de', 'Huawei Technologies', 'com.tencent.mm', 'BAIDU.COM']) assert.notEqual(guessField(q), 'ticker', q);
  });
  /** A resolver that meets only names, and records which fields it was asked. */
  const namesOnly = (id: string) => {
    const calls: string[] = [];
    const resolver = {
      resolve: (field: string, value: string) => {
        calls.push(field);
        return { field, value, resolutions: field === 'name' ? [{ entity: { kind: 'organisation', id } }] : [] } as never;
      },
    };
    return { calls, resolver };
  };
  test('a ticker-shaped query that meets no ticker is looked up as a name', () => {
    const { calls, resolver } = namesOnly('zte');
    const { field, outcome } = resolveGuessed(resolver, 'ZTE US');
    assert.deepEqual(calls, ['ticker', 'name']);
    assert.equal(field, 'name');
    assert.equal(outcome.resolutions.length, 1);
  });
  test('a bare domain that meets no recorded domain is looked up as a name; an address with a scheme is not', () => {
    const { calls, resolver } = namesOnly('pony-ai');
    assert.equal(resolveGuessed(resolver, 'Pony.ai').field, 'name');
    assert.deepEqual(calls, ['host', 'name']);
    calls.length = 0;
    assert.equal(resolveGuessed(resolver, 'https://pony.ai/').field, 'host');
    assert.deepEqual(calls, ['host']);
  });
});

describe('MAC addresses', () => {
  test('every common notation parses to one canonical form', () => {
    for (const s of ['44:19:b6:12:34:56', '44-19-B6-12-34-56', '4419.b612.3456', '4419B6123456']) {
      const r = parseMac(s);
      assert.equal(r.ok && r.value.text, '44:19:B6:12:34:56', s);
    }
    assert.equal(parseMac('0:1b:2c:3:4:5').ok && parseMac('0:1b:2c:3:4:5').ok, true);
    assert.equal(parseMac('44:19:b6:12:34').ok, false);
    assert.equal(parseMac('zz:19:b6:12:34:56').ok, false);
  });
  test("the registry's country line is the registrant's country", () => {
    const reg = MacRegistry.fromOuiData({ '48049F': 'ELECOM CO., LTD\n9F Land Axis Tower\nosaka 5418765\nJapan', '000C29': 'VMware, Inc.' });
    const mac = parseMac('48:04:9f:00:00:01');
    assert.ok(mac.ok);
    assert.deepEqual(reg.lookup(mac.value), { prefix: '48049F', block: 'MA-L', registrant: 'ELECOM CO., LTD', country: 'JP' });
    const vm = parseMac('00:0c:29:00:00:01');
    assert.ok(vm.ok);
    assert.equal(reg.lookup(vm.value)?.country, undefined);
  });
  test('locally administered and multicast addresses are unresolvable, not guessed', () => {
    const local = parseMac('da:a1:19:00:11:22');
    assert.ok(local.ok);
    assert.match(unresolvableReason(local.value) ?? '', /locally administered/);
    const multicast = parseMac('01:00:5e:00:00:fb');
    assert.ok(multicast.ok);
    assert.match(unresolvableReason(multicast.value) ?? '', /multicast/);
    const universal = parseMac('18:80:25:4a:10:02');
    assert.ok(universal.ok);
    assert.equal(unresolvableReason(universal.value), undefined);
  });
  test('longest prefix wins: MA-S over MA-M over MA-L', () => {
    const reg = new MacRegistry(new Map([['001BC5', 'Large'], ['001BC50', 'Medium'], ['001BC5001', 'Small']]));
    const mac = (s: string) => {
      const r = parseMac(s);
      assert.ok(r.ok);
      return r.value;
    };
    assert.equal(reg.lookup(mac('00:1b:c5:00:10:00'))?.block, 'MA-S');
    assert.equal(reg.lookup(mac('00:1b:c5:00:20:00'))?.registrant, 'Medium');
    assert.equal(reg.lookup(mac('00:1b:c5:f0:00:00'))?.registrant, 'Large');
    assert.equal(reg.lookup(mac('00:1b:c6:00:00:00')), undefined);
  });
});

describe('domains', () => {
  const index = new DomainIndex<string>();
  index.add('tiktokv.com', 'tiktok');
  index.add('cdn.example.com', 'cdn');
  test('suffix semantics on label boundaries', () => {
    assert.equal(index.lookup('a.b.tiktokv.com')?.domain, 'tiktokv.com');
    assert.equal(index.lookup('tiktokv.com')?.value, 'tiktok');
    assert.equal(index.lookup('nottiktokv.com'), undefined);
    assert.equal(index.lookup('tiktokv.com.evil.net'), undefined);
    assert.equal(index.lookup('example.com'), undefined);
    assert.equal(index.lookup('x.cdn.example.com')?.value, 'cdn');
  });
  test('hosts from URLs, ports, trailing dots, upper case and IDNs', () => {
    assert.deepEqual(parseHost('https://V16.TikTokV.com:443/path?q=1'), { ok: true, value: 'v16.tiktokv.com' });
    assert.deepEqual(parseHost('api.tiktokv.com.'), { ok: true, value: 'api.tiktokv.com' });
    assert.deepEqual(parseHost('host.example.com:8080'), { ok: true, value: 'host.example.com' });
    assert.deepEqual(parseHost('华为.com'), { ok: true, value: 'xn--siqq7j.com' });
    assert.equal(parseHost('not a host').ok, false);
  });
});

test('dotted prefixes match on dot boundaries only', () => {
  const index = new DottedPrefixIndex<string>();
  index.add('com.tencent', 'tencent');
  assert.equal(index.lookup('com.tencent.mm')?.value, 'tencent');
  assert.equal(index.lookup('com.tencent.mm')?.exact, false);
  assert.equal(index.lookup('com.tencent')?.exact, true);
  assert.equal(index.lookup('com.tencentx.app'), undefined);
});
