import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, confirmedProductProblems, inForceObligations } from '../helpers.js';

// App identifiers checked in December 2026, third pass (sources/app-ids-2026-12c.yaml): copies of store metadata
// and public code that uses the exact package id.
const kb = bundledEngine().kb;
const findings = inForceObligations;

describe('app identifiers checked in December 2026 (third pass)', () => {
  test('each confirmed product cites a source of the pass and is no longer unverified', () => {
    const confirmed: [string, string][] = [
      ['taobao-app', 'apc-xiaomi-ranking-2018'],
      ['qq-music-app', 'apc-xiaomi-ranking-2018'],
      ['toutiao-app', 'apc-xiaomi-ranking-2018'],
      ['baidu-app', 'apc-xiaomi-ranking-2018'],
      ['weibo-app', 'apc-weibo-sdk-appmanager'],
      ['meitu-app', 'apc-xiaomi-ranking-2018'],
      ['baidu-map-app', 'apc-orangewei-baidumap'],
      ['baidu-translate-app', 'apc-yxwang-package-names'],
      ['qq-mail-app', 'apc-orange6649-package-names'],
      ['wechat-reading-app', 'apc-packetor-packages'],
      ['camscanner-app', 'apc-gkd-camscanner'],
      ['free-fire-app', 'apc-estsensi-freefire'],
      ['wps-office-app', 'apc-wps-i18n-manifest'],
      ['imou-domains', 'apc-lcopensdk'],
      ['weiyun-app', 'apc-samsung-cloud-weiyun'],
      ['identity-v-app', 'apc-identityv-alarm-app'],
      ['bigo-live-app', 'apc-maru-bigo-live'],
      ['likee-app', 'apc-aioss-likee'],
      ['rules-of-survival-app', 'apc-gamenuke-known-games'],
      ['uc-browser-app', 'apc-mozilla-known-browsers'],
      ['xender-app', 'apc-autopsy-xender'],
      ['mi-community-app', 'apc-micommunity-unlock'],
    ];
    assert.deepEqual(confirmedProductProblems(confirmed), []);
  });

  test('the store-data copy corrects Toutiao’s owner to the publisher it names', () => {
    assert.equal(kb.products['toutiao-app']!.owner, 'beijing-bytedance-network');
    assert.match(kb.organisations['beijing-bytedance-network']!.names.map((n) => n.value).join('|'), /北京字节跳动网络技术有限公司/);
    // the ByteDance measures still reach the app through its house
    assert.ok(findings('app', 'com.ss.android.article.news', '2026-06-01').some((f) => f.startsWith('us-pafaca-2024')));
  });

  test('a package id that public code gives to other games is no longer Cyber Hunter’s', () => {
    const record = kb.products['cyber-hunter-app']!;
    assert.deepEqual(record.android, []);
    assert.equal(record.owner, 'netease');
    assert.ok(!findings('app', 'com.netease.lztgglobal', '2021-01-01').some((f) => f.endsWith('cyber-hunter-app')));
    // the listing still reaches Cyber Hunter by its name
    assert.ok(findings('app', 'Cyber Hunter', '2021-01-01').some((f) => f.endsWith('cyber-hunter-app')));
  });

  test('confirmed ids still reach the India listings', () => {
    assert.ok(findings('app', 'com.taobao.taobao', '2021-01-01').includes('in-69a-2020-09 → taobao-app'));
    assert.ok(findings('app', 'com.UCMobile.intl', '2021-01-01').includes('in-69a-2020-06 → uc-browser-app'));
    assert.ok(findings('app', 'com.uc.browser.en', '2021-01-01').includes('in-69a-2020-06 → uc-browser-app'));
    assert.ok(findings('app', 'cn.xender', '2021-01-01').includes('in-69a-2020-06 → xender-app'));
  });

  test('CapCut keeps its house owner; the provider its own policy names is recorded in the note (its Android id was confirmed in the fifth pass)', () => {
    const record = kb.products['capcut-app']!;
    assert.equal(record.owner, 'bytedance-ltd');
    assert.ok(!record.unverified);
    assert.ok(record.sources.includes('ape-riky-morphe-capcut'));
    assert.ok(record.sources.includes('apc-capcut-privacy-2024'));
    assert.match(record.note ?? '', /Bytedance Pte\. Ltd\./);
  });
});
