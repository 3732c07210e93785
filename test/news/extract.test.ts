import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { events, news, summary } from './helpers.js';

describe('mentions', () => {
  test('names and aliases from the knowledge base in Latin, simplified and traditional Chinese script', () => {
    const found = news().matcher.find('字节跳动 and 騰訊 said on Monday that Huawei Technologies Co., Ltd. and TikTok were fine.');
    const ids = found.map((m) => m.entity.id);
    assert.ok(ids.includes('bytedance-ltd'), 'simplified ByteDance');
    assert.ok(ids.includes('tencent-holdings'), 'traditional Tencent');
    assert.ok(ids.includes('huawei-technologies'));
    assert.ok(ids.includes('tiktok-app'));
    const huawei = found.find((m) => m.entity.id === 'huawei-technologies');
    assert.equal(huawei?.surface, 'Huawei Technologies Co., Ltd.', 'the longest name wins');
  });

  test('one automaton holds every name of the knowledge base', () => {
    assert.ok(news().matcher.patternCount > 1000);
  });

  test('a name that is an ordinary word only counts when written as the brand', () => {
    assert.deepEqual(news().matcher.find('a matter of honor for the lark').map((m) => m.surface), []);
    assert.deepEqual(news().matcher.find('Honor phones').map((m) => m.entity.group), ['honor']);
  });

  test('a name inside a longer word is not a mention', () => {
    assert.deepEqual(news().matcher.find('TikTokers and Huaweiesque designs').length, 0);
  });
});

describe('status from modality and tense', () => {
  const cases: [string, string][] = [
    ['President Trump vowed to ban TikTok from the United States.', 'threatened'],
    ['Trump said he would ban TikTok this weekend.', 'threatened'],
    ['US authorities are debating whether to ban investments in Alibaba.', 'considered'],
    ['The Commerce Department is weighing export restrictions on CXMT.', 'considered'],
    ['US senators introduced a bill that would ban TikTok on government devices.', 'proposed'],
    ['President Trump signed an executive order banning TikTok on Thursday.', 'enacted'],
    ['The Commerce Department added SMIC to the Entity List on Friday.', 'enacted'],
    ['The US ban on TikTok took effect on Sunday.', 'in-force'],
    ['A federal judge blocked the ban on TikTok downloads.', 'enjoined'],
    ['President Biden revoked the orders that banned TikTok and WeChat.', 'revoked'],
  ];
  for (const [sentence, status] of cases) {
    test(`${status}: ${sentence}`, () => {
      const got = events(sentence);
      assert.ok(got.length > 0, 'an event');
      assert.equal(got[0]?.status, status, got[0]?.statusCue);
    });
  }
});

describe('actions, actors and authorities', () => {
  test('India, the United Kingdom and China act too', () => {
    assert.deepEqual(summary('India on Monday banned TikTok and WeChat.'), ['IN ban bytedance enacted', 'IN ban tencent enacted']);
    assert.deepEqual(summary('Britain ordered operators to remove Huawei equipment from their 5G networks by 2027.'), ['GB removal-order huawei enacted']);
    const cn = events("China's Ministry of Commerce added General Dynamics to its unreliable entity list.");
    assert.equal(cn[0]?.actor.jurisdiction, 'CN');
    assert.equal(cn[0]?.actor.authority, 'MOFCOM');
    assert.equal(cn[0]?.action, 'entity-list');
    assert.equal(cn[0]?.targets[0]?.surface, 'General Dynamics', 'a target the knowledge base does not hold keeps its name');
    assert.equal(cn[0]?.targets[0]?.entity, undefined);
  });

  test('the authority is the one named', () => {
    const [e] = events('The Federal Communications Commission added China Mobile International USA to its Covered List.');
    assert.equal(e?.actor.authority, 'FCC');
    assert.equal(e?.action, 'ban');
  });

  test('a court acts in the jurisdiction of the measure it stops', () => {
    const [e] = events('A Swedish administrative court suspended the ban on Huawei equipment.');
    assert.equal(e?.actor.jurisdiction, 'SE');
    assert.equal(e?.actor.authority, 'court');
    assert.equal(e?.status, 'enjoined');
  });

  test('pushing allies to shun a company is a boycott push', () => {
    assert.deepEqual(summary('The US has been pushing its allies to stop using equipment from Huawei.'), ['US boycott-push huawei enacted']);
  });

  test('an Entity List listing is not also reported as a separate export control', () => {
    assert.deepEqual(summary('The Commerce Department added DJI to its Entity List, restricting US companies from selling technology to it without a licence.'), ['US entity-list dji enacted']);
  });
});

describe('more phrasings', () => {
  test('a duty not to use is a ban', () => {
    assert.deepEqual(summary("Sweden's regulator PTS said operators must not use equipment from Huawei and ZTE."), ['SE ban huawei enacted', 'SE ban zte enacted']);
  });

  test('pressing a third party to restrict a company', () => {
    assert.deepEqual(summary('The European Commission urged member states to restrict Huawei in their 5G networks.'), ['EU boycott-push huawei enacted']);
  });

  test('stripping equipment out, under consideration', () => {
    assert.deepEqual(summary('Germany is planning to force operators to strip Huawei components out of their 5G networks.'), ['DE removal-order huawei considered']);
  });

  test('adding a company to a named list; weighing it', () => {
    assert.deepEqual(summary('The Defense Department added Tencent Holdings and CATL to a list of Chinese military companies.'), ['US entity-list tencent enacted', 'US entity-list catl enacted']);
    assert.deepEqual(summary('The Trump administration is considering adding SMIC to a trade blacklist.'), ['US entity-list smic considered']);
  });

  test('asking a court to block a law is not an injunction', () => {
    const got = events('ByteDance asked a U.S. appeals court on Monday to temporarily block a law that would force it to divest TikTok.');
    assert.ok(got.every((e) => e.status !== 'enjoined' && e.actor.authority !== 'court'), JSON.stringify(got.map((e) => [e.status, e.actor])));
  });
});

describe('what is not an event', () => {
  test('denials and negations', () => {
    assert.deepEqual(events('Tiktok denies the claims.'), []);
    assert.deepEqual(events('The Commerce Department said it has no plans to ban TikTok.'), []);
    assert.deepEqual(events('Officials denied reports that Washington would sanction Tencent.'), []);
    assert.deepEqual(events('Huawei has never been banned in Germany.'), []);
    assert.deepEqual(events('The administration stopped short of banning Huawei outright.'), []);
    assert.deepEqual(events('Officials said there were no immediate plans to add Xiaomi to the entity list.'), []);
  });

  test('mere mentions: earnings and launches', () => {
    const text = 'Xiaomi reported a 20% rise in quarterly revenue on Tuesday. DJI launched a lighter drone, and Huawei is expected to report results next month.';
    assert.deepEqual(events(text), []);
  });

  test('a company selling itself is not a divestment order', () => {
    assert.deepEqual(events('ByteDance said it was willing to sell its US operations to Microsoft.'), []);
  });
});

describe('targets', () => {
  test('"the company" and "them" point back to the last name', () => {
    const text = 'Washington has long accused Huawei Technologies of spying. The US blacklisted the company in 2019.';
    assert.deepEqual(summary(text), ['US entity-list huawei enacted']);
    const pronoun = events('As far as TikTok is concerned, we are banning them from the United States, Trump said.');
    assert.equal(pronoun[0]?.targets[0]?.entity?.id, 'tiktok-app');
  });

  test('a possessive names the owner, not the target', () => {
    const [e] = events("Ant's Alipay and Tencent's WeChat Pay were banned by the US.");
    assert.deepEqual(e?.targets.map((t) => t.entity?.id), ['alipay-app', 'wechat-pay']);
  });

  test('companies named only by nationality are a class', () => {
    assert.deepEqual(summary('The US plans to ban Chinese tech companies.'), ['US ban generic:CN-companies considered']);
  });
});

describe('dates resolved against the publication date', () => {
  test('a weekday in a report of a past act is the one before publication', () => {
    const [e] = events('The Commerce Department added SMIC to the Entity List on Friday.', '2020-12-20');
    assert.equal(e?.date, '2020-12-18');
    assert.equal(e?.dateText, 'on Friday');
  });

  test('a month and a year', () => {
    assert.equal(events('In August, the US expanded export controls on Huawei.', '2020-09-26')[0]?.date, '2020-08');
    assert.equal(events('The US blacklisted Huawei in 2019.', '2020-09-26')[0]?.date, '2019');
    assert.equal(events('India banned TikTok last year.', '2021-03-01')[0]?.date, '2020');
  });

  test('without a publication date, no relative date is invented', () => {
    const got = news().extractor.extract({ id: 'x', text: 'The Commerce Department added SMIC to the Entity List on Friday.' }).events;
    assert.equal(got[0]?.date, undefined);
  });
});

describe('evidence', () => {
  test('each event carries its sentence and the words that decided it', () => {
    const [e] = events('Officials met on Monday. President Trump vowed to ban TikTok. Markets fell.');
    assert.equal(e?.evidence, 'President Trump vowed to ban TikTok.');
    assert.equal(e?.trigger, 'ban');
    assert.equal(e?.statusCue, 'vowed');
  });

  test('one act reported twice is one event', () => {
    const got = events('Trump will ban TikTok. "We are banning TikTok," he said.');
    assert.equal(got.length, 1);
    assert.equal(got[0]?.status, 'threatened');
  });
});
