import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { linkEvent } from '../../src/news/link.js';
import type { RestrictionEvent } from '../../src/news/extract.js';
import { events, news } from './helpers.js';

const linkOf = (text: string, published: string) => {
  const [e] = events(text, published);
  assert.ok(e, 'an event');
  return linkEvent(news().kb, e, published);
};

describe('linking events to measures', () => {
  test('the 2020-08-06 TikTok order is EO 13942', () => {
    const [link] = linkOf('President Trump on Thursday signed an executive order banning transactions with TikTok.', '2020-08-07');
    assert.equal(link?.kind, 'known');
    assert.equal(link?.measure, 'us-eo-13942');
    assert.equal(link?.matchedDate, '2020-08-06');
  });

  test('each target is linked on its own: TikTok and WeChat are two orders', () => {
    const links = linkOf('President Joe Biden on Wednesday revoked the executive orders that sought to ban TikTok and WeChat.', '2021-06-10');
    assert.deepEqual(links.map((l) => [l.target, l.measure, l.kind]), [
      ['tiktok-app', 'us-eo-13942', 'known'],
      ['wechat-app', 'us-eo-13943', 'known'],
    ]);
  });

  test('an act no measure records is new; once recorded, the same act is known', () => {
    const [link] = linkOf('US authorities are considering banning Anker chargers.', '2024-12-18');
    assert.equal(link?.kind, 'new');
    assert.equal(link?.measure, undefined);
    const [recorded] = linkOf('US authorities are considering banning TP-Link routers.', '2024-12-18');
    assert.equal(recorded?.measure, 'us-tp-link-federal-review-2024');
  });

  test('a list named in the sentence links a target the knowledge base does not hold', () => {
    const [link] = linkOf("China's Ministry of Commerce added General Dynamics to its unreliable entity list on Thursday.", '2023-02-17');
    assert.equal(link?.kind, 'new-listing');
    assert.equal(link?.measure, 'cn-unreliable-entity-list');
  });

  test('a known measure at a stage its timeline lacks is a new stage', () => {
    const [link] = linkOf('The House of Representatives on Wednesday passed a bill that would force ByteDance to divest TikTok.', '2024-03-14');
    assert.equal(link?.measure, 'us-pafaca-2024');
    assert.equal(link?.kind, 'new-stage');
  });

  test("a state's own measure is not linked to a national act", () => {
    const [link] = linkOf('The House of Representatives on Wednesday passed a bill that would ban TikTok.', '2024-03-14');
    assert.notEqual(link?.measure, 'us-mt-sb419-2023');
  });

  test("an agency's act is one of its own measures: not another agency's list, not the State Department's policy", () => {
    // Neither list's dates are near the act: the body that acts tells the measures apart.
    const [byPentagon] = linkOf('The Pentagon added Tencent and CATL to its list of Chinese military companies on Friday.', '2024-06-01');
    assert.equal(byPentagon?.measure, 'us-dod-1260h');
    assert.ok(byPentagon?.reasons.includes('made by the Department of Defense'), byPentagon?.reasons.join('; '));
    const [byFcc] = linkOf('The FCC designated Huawei and ZTE as national security threats on Tuesday.', '2020-07-01');
    assert.equal(byFcc?.measure, 'us-fcc-covered-list');
    // Not on any list of the Pentagon's in the knowledge base: no Commerce list is where the Pentagon added it.
    const [elsewhere] = linkOf('The Department of Defense on Thursday added Xiaomi to a list of companies with ties to the Chinese military.', '2021-01-15');
    assert.ok(!elsewhere?.measure?.startsWith('us-bis-'), `${elsewhere?.measure}`);
    const [bill] = linkOf('The Senate on Tuesday passed a bill that would ban TikTok on all devices in the United States.', '2020-08-12');
    assert.equal(bill?.kind, 'new');
  });

  test('an act of another jurisdiction is not linked to a US measure', () => {
    const [link] = linkOf('India on Monday banned TikTok and 58 other Chinese apps.', '2020-06-30');
    assert.equal(link?.measure, 'in-69a-2020-06');
  });

  test('a class of companies is never linked', () => {
    const [link] = linkOf('The US plans to ban Chinese tech companies.', '2021-01-07');
    assert.equal(link?.kind, 'new');
    assert.equal(link?.target, 'generic:CN-companies');
  });

  test('undated, the measure listing the target that the acting body itself makes is the act, when no sentence names it', () => {
    // As the extractor gives a list of members read in a later paragraph than the listing that names the list.
    const listed: RestrictionEvent = {
      actor: { jurisdiction: 'US', authority: 'Commerce (BIS)', surface: 'Entity List' },
      action: 'entity-list',
      targets: [{ surface: 'Dahua Technology', entity: { kind: 'organisation', id: 'dahua-technology', group: 'dahua' }, via: 'name' }],
      status: 'enacted',
      trigger: 'The eight listed commercial firms',
      evidence: 'The eight listed commercial firms are Dahua Technology, Hikvision and iFlytek.',
      sentence: 3,
    };
    const [link] = linkEvent(news().kb, listed, undefined);
    assert.equal(link?.kind, 'known');
    assert.equal(link?.measure, 'us-bis-entity-list');
  });

  test('undated and made by no body of its own (a court), the act links to the one measure listing the target whose kind comes first for it', () => {
    const all = news().extractor.extract({ id: 'undated', text: 'The U.S. Court of Appeals ruled this week that the Federal Communications Commission acted properly when it banned video equipment from Chinese companies Hikvision and Dahua from being sold in the U.S.' }).events;
    const banned = all.find((e) => e.action === 'ban' && e.targets.some((t) => t.entity?.group === 'hikvision'));
    assert.ok(banned, JSON.stringify(all.map((e) => [e.action, e.status])));
    assert.equal(linkEvent(news().kb, banned, undefined).find((l) => l.target === 'hikvision')?.measure, 'us-fcc-covered-list');
  });
  test('undated, of the measures that list a target, the only one that also lists the act\'s other targets is the act', () => {
    const [e] = news().extractor.extract({ id: 'undated-apps', text: 'Trump signs executive order banning Chinese apps including AliPay, WeChat Pay, CamScanner and WPS Office.' }).events;
    assert.ok(e, 'an event');
    assert.equal(linkEvent(news().kb, e, undefined).find((l) => l.target === 'wechat-pay')?.measure, 'us-eo-13971');
  });
});

