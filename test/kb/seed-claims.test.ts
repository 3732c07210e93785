import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { listingPhase, measureStatus } from '../../src/kb/timeline.js';

// The restriction-relevant claims of the four seed articles, each checked against what the
// knowledge base records as having happened — including where an article overstates.
const kb = loadKnowledgeBase();
const state = (measure: string, date: string) => measureStatus(kb.measures[measure]!, date)?.state;
const listed = (measure: string, target: string, date: string) =>
  kb.listings.some((l) => l.measure === measure && l.target === target && listingPhase(l, date) === 'active');
const everListed = (measure: string, target: string) => kb.listings.some((l) => l.measure === measure && l.target === target);
const event = (measure: string, date: string, status: string) => kb.measures[measure]!.timeline.some((e) => e.date === date && e.status === status);

describe('seed 000: Pompeo and Trump on TikTok and WeChat (2 Aug 2020)', () => {
  test('the promised action came as EO 13942 and EO 13943 on 6 Aug 2020, later enjoined and revoked', () => {
    assert.equal(state('us-eo-13942', '2020-08-02'), 'watch', 'threatened, not in force, on the day of the article');
    assert.ok(event('us-eo-13942', '2020-08-06', 'signed') && event('us-eo-13943', '2020-08-06', 'signed'));
    assert.ok(kb.measures['us-eo-13942']!.timeline.some((e) => e.status === 'enjoined'));
    assert.equal(state('us-eo-13942', '2021-07-01'), 'historical');
    assert.equal(state('us-eo-13943', '2021-07-01'), 'historical');
  });
  test('the divestment pressure became the CFIUS order of 14 Aug 2020, then PAFACA and the 2026 joint venture', () => {
    assert.ok(event('us-cfius-bytedance-2020', '2020-08-14', 'signed'));
    assert.ok(event('us-pafaca-2024', '2026-01-22', 'effective'));
  });
  test("the UK's Huawei U-turn of 14 July 2020", () => {
    assert.ok(kb.measures['uk-huawei-5g-2020']!.timeline.some((e) => e.date === '2020-07-14'));
    assert.ok(listed('uk-tsa-designated-vendor-2022', 'huawei-technologies', '2023-01-01'));
  });
});

describe('seed 001: "Alipay and WeChat Pay were banned"; an Alibaba and Tencent investment ban', () => {
  test('EO 13971 named the apps but prohibited only what Commerce would identify, and was revoked in June 2021', () => {
    assert.ok(listed('us-eo-13971', 'alipay-app', '2021-01-06') && listed('us-eo-13971', 'wechat-pay', '2021-01-06'));
    assert.equal(state('us-eo-13971', '2021-01-06'), 'pending', 'signed, not in force, on the day of the article');
    assert.match(kb.measures['us-eo-13971']!.timeline.find((e) => e.status === 'effective')!.note, /only to transactions and\s+persons identified by Commerce/);
    assert.equal(state('us-eo-13971', '2021-06-10'), 'historical');
  });
  test('the investment ban on Alibaba and Tencent was dropped: neither was ever on the NS-CMIC list', () => {
    const alibaba = Object.values(kb.organisations).filter((o) => o.group === 'alibaba').map((o) => o.id);
    const tencent = Object.values(kb.organisations).filter((o) => o.group === 'tencent').map((o) => o.id);
    assert.ok(alibaba.length > 0 && tencent.length > 0);
    for (const id of [...alibaba, ...tencent]) assert.ok(!everListed('us-ofac-ns-cmic', id), id);
    assert.ok(kb.measures['us-ofac-ns-cmic']!.timeline.some((e) => /Alibaba, Tencent and Baidu was reportedly dropped/.test(e.note)));
    assert.ok(listed('us-dod-1260h', 'tencent-holdings', '2025-02-01'), 'Tencent came onto a different list (1260H) in 2025');
  });
  test("China's National Intelligence Law art. 7 is recorded as context, in force since 28 June 2017", () => {
    assert.equal(kb.measures['cn-nil-2017-art7']!.kind, 'context');
    assert.ok(event('cn-nil-2017-art7', '2017-06-28', 'effective'));
  });
});

describe('seed 002: Global Data Security Initiative, Clean Network, Huawei export controls', () => {
  test('the GDSI is a context record and the Clean Network a policy without legal force', () => {
    assert.equal(kb.measures['cn-gdsi-2020']!.kind, 'context');
    assert.ok(event('cn-gdsi-2020', '2020-09-08', 'proposed') || kb.measures['cn-gdsi-2020']!.timeline.some((e) => e.date === '2020-09-08'));
    assert.equal(kb.measures['us-clean-network-2020']!.legalForce, false);
    assert.ok(event('us-clean-network-2020', '2020-08-05', 'announced'));
  });
  test('Huawei on the Entity List from 16 May 2019; the foreign direct product rules of May and August 2020', () => {
    assert.ok(listed('us-bis-entity-list', 'huawei-technologies', '2019-05-16'));
    assert.ok(!listed('us-bis-entity-list', 'huawei-technologies', '2019-05-15'));
    assert.ok(kb.measures['us-bis-entity-list']!.timeline.some((e) => e.date === '2020-05-15'));
    assert.ok(kb.measures['us-bis-entity-list']!.timeline.some((e) => e.date === '2020-08-17'));
  });
});

describe('seed 003: ZTE in 2018 and the campaign against Huawei', () => {
  test('the 2018 denial order against ZTE runs from 15 April to 13 July 2018 and is historical after it', () => {
    assert.ok(!listed('us-bis-zte-denial-2018', 'zte-corporation', '2018-04-14'));
    assert.ok(listed('us-bis-zte-denial-2018', 'zte-corporation', '2018-04-15'));
    assert.ok(listed('us-bis-zte-denial-2018', 'zte-corporation', '2018-07-12'));
    assert.ok(!listed('us-bis-zte-denial-2018', 'zte-corporation', '2018-07-13'));
    assert.equal(state('us-bis-zte-denial-2018', '2018-08-01'), 'historical');
  });
});
