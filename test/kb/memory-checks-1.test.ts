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
});
