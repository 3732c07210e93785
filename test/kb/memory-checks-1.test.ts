/**
 * Corrections made when facts that group records had given from memory were checked against filings in December
 * 2026: each test fails on the value recorded before.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

const kb = bundledEngine().kb;
const nameKind = (org: string, value: string) => kb.organisations[org]?.names.find((n) => n.value === value)?.kind;

describe('memory checks of December 2026 (first part)', () => {
  test("Intsig's English legal name is Intsig Information Co., Ltd., as its STAR Market listing gives it", () => {
    assert.equal(nameKind('intsig', 'Intsig Information Co., Ltd.'), 'legal');
    assert.notEqual(nameKind('intsig', 'Shanghai Intsig Information Co., Ltd.'), 'legal');
    assert.equal(nameKind('intsig', '上海合合信息科技股份有限公司'), 'legal');
    const ticker = kb.organisations['intsig']?.identifiers?.find((i) => i.scheme === 'ticker');
    assert.equal(ticker?.value, '688615');
  });
  test('NTT has been named NTT (NTT株式会社) since 2025-07-01; 日本電信電話株式会社 is its former name', () => {
    const names = kb.organisations['ntt']?.names ?? [];
    const old = names.find((n) => n.value === '日本電信電話株式会社');
    assert.equal(old?.kind, 'former');
    assert.equal(old?.to, '2025-07-01');
    const current = names.find((n) => n.value === 'NTT株式会社');
    assert.equal(current?.kind, 'legal');
    assert.equal(current?.from, '2025-07-01');
  });
  test("NIO's charter name is NIO Inc. (F-1); \"NIO, Inc.\" is the 1260H list's spelling", () => {
    assert.equal(nameKind('nio', 'NIO Inc.'), 'legal');
    assert.equal(nameKind('nio', 'NIO, Inc.'), 'listed');
  });
});
