import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, confirmedProductProblems, inForceObligations } from '../helpers.js';

// App identifiers and publishers checked in December 2026, fourth pass (sources/app-ids-2026-12d.yaml): ids that
// two third-party files by different hands agree on, publishers from the developers' own terms or the press.
const kb = bundledEngine().kb;
const findings = inForceObligations;

describe('app identifiers checked in December 2026 (fourth pass)', () => {
  test('each confirmed product cites a source of the pass and is no longer unverified', () => {
    const confirmed: [string, string][] = [
      ['uc-news-app', 'apd-find-origin-app-list'],
      ['apus-browser-app', 'apd-find-origin-app-list'],
      ['beautyplus-app', 'apd-beautyplus-service-agreement-2019'],
      ['selfiecity-app', 'apd-find-origin-app-list'],
      ['vigo-video-app', 'apd-find-origin-app-list'],
      ['romwe-app', 'apd-romwe-au-terms-2022'],
      ['shein-app', 'apd-find-origin-app-list'],
      ['club-factory-app', 'apd-find-origin-app-list'],
      ['vivavideo-app', 'apd-find-origin-app-list'],
      ['newsdog-app', 'apd-find-origin-app-list'],
      ['arena-of-valor-app', 'apd-find-origin-app-list'],
      ['vault-hide-app', 'apd-aptoide-nq-vault-plugin'],
      ['soul-app', 'apd-gkd-soul'],
      ['baidu-lite-app', 'apd-gkd-baidu-lite-664873568'],
      ['mail-master-app', 'apd-gkd-netease-mail'],
      ['kwai-app', 'apd-banned-app-detector-list'],
      ['clean-master-app', 'apd-antutu-cm-download-util'],
      ['cm-browser-app', 'apd-gadgets360-2020-03-clean-master'],
      ['shareit-app', 'apd-banned-app-detector-list'],
      ['lalamove-app', 'apd-businesstoday-2020-11-26-lalamove'],
      ['lalamove-driver-app', 'apd-businesstoday-2020-11-26-lalamove'],
      ['taobao-live-app', 'apd-wallstreet-finance-2020-11-taobao-live'],
      ['pangle-sdk', 'apd-csdn-2022-pangle-cn-gradle'],
    ];
    assert.deepEqual(confirmedProductProblems(confirmed), []);
  });

  test('an id resting on one list, or a publisher not read for the year of the order, keeps its record unverified', () => {
    for (const id of ['helo-app', 'parallel-space-app', 'airbrush-app']) assert.equal(kb.products[id]!.unverified, true, id);
    assert.ok(kb.products['helo-app']!.android.includes('app.buzz.share.lite'));
  });

  test('confirmed ids still reach the India listings', () => {
    assert.ok(findings('app', 'com.romwe', '2021-01-01').includes('in-69a-2020-06 → romwe-app'));
    assert.ok(findings('app', 'com.netease.mail', '2021-01-01').includes('in-69a-2020-06 → mail-master-app'));
    assert.ok(findings('app', 'cn.soulapp.android', '2021-01-01').includes('in-69a-2020-11 → soul-app'));
    assert.ok(findings('app', 'com.cleanmaster.mguard', '2021-01-01').includes('in-69a-2020-06 → clean-master-app'));
  });
});
