import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, inForceObligations } from '../helpers.js';

// App identifiers and publishers checked in December 2026, second pass (sources/app-ids-2026-12b.yaml).
const kb = bundledEngine().kb;
const findings = inForceObligations;

describe('app identifiers and publishers checked in December 2026 (second pass)', () => {
  test('Alipay SDK: the Maven group is Alipay’s own publication, and the record is no longer unverified', () => {
    const record = kb.products['alipay-sdk']!;
    assert.notEqual(record.unverified, true);
    assert.ok(record.purls.includes('pkg:maven/com.alipay.sdk'));
    assert.ok(record.sources.includes('apb-maven-central-alipaysdk-android'));
    assert.match(kb.sources['apb-maven-central-alipaysdk-android']!.url, /\/com\.alipay\.sdk\/alipaysdk-android$/);
  });

  test('Mobile Legends: package id and developer seen together; the June 2020 listing still reaches it', () => {
    const record = kb.products['mobile-legends-app']!;
    assert.deepEqual(record.android, ['com.mobile.legends']);
    assert.equal(record.owner, 'moonton');
    assert.notEqual(record.unverified, true);
    assert.ok(findings('app', 'com.mobile.legends', '2021-01-01').includes('in-69a-2020-06 → mobile-legends-app'));
  });

  test('APUS Turbo Cleaner and APUS Flashlight: APUS’s own policies confirm the publisher; no package id is invented', () => {
    for (const [id, source] of [
      ['apus-turbo-cleaner-app', 'apb-apus-turbo-cleaner-privacy'],
      ['apus-flashlight-app', 'apb-apus-flashlight-privacy'],
    ] as const) {
      const record = kb.products[id]!;
      assert.equal(record.owner, 'apus-group', id);
      assert.notEqual(record.unverified, true, id);
      assert.deepEqual(record.android, [], id);
      assert.ok(record.sources.includes(source), id);
    }
  });

  test('INTSIG apps whose package id or publisher was not confirmed stay unverified', () => {
    for (const id of ['camcard-app', 'camcard-salesforce-app']) {
      assert.equal(kb.products[id]!.unverified, true, id);
    }
    assert.ok(kb.products['camcard-salesforce-app']!.sources.includes('apb-appexchange-camcard-salesforce'));
  });
});
