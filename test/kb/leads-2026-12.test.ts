import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

// Names followed up in December 2026 (sources/leads-2026-12.yaml).
const engine = bundledEngine();
const kb = engine.kb;

describe('name leads checked in December 2026', () => {
  test('the 2018 ZTE denial order lists ZTE Corporation under the name the order gives', () => {
    const listing = kb.listings.find((l) => l.measure === 'us-bis-zte-denial-2018' && l.target === 'zte-corporation')!;
    assert.equal(listing.nameAsListed, 'Zhongxing Telecommunications Equipment Corporation');
    assert.ok(listing.sources.includes('ld-fr-2018-08354-zte-denial'));
  });

  test('iFlytek carries its English former name from the 2008 prospectus', () => {
    const names = kb.organisations['iflytek']!.names;
    assert.ok(names.some((n) => n.value === 'Anhui USTC iFlytek Co., Ltd.' && n.kind === 'former'));
    assert.ok(names.some((n) => n.value === '安徽科大讯飞信息科技股份有限公司' && n.kind === 'former'));
    assert.ok(kb.organisations['iflytek']!.sources.includes('ld-iflytek-prospectus-2008'));
  });

  test('the Shenzhen RoboSense company carries the English name its manual gives, not a pinyin rendering', () => {
    const names = kb.organisations['robosense-shenzhen']!.names;
    assert.ok(names.some((n) => n.value === 'Shenzhen Suteng Innovation Technology Co., Ltd.' && n.kind === 'legal'));
    assert.ok(!names.some((n) => n.value === 'Shenzhen Suteng Juchuang Technology Co., Ltd.'));
  });
});
