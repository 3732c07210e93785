import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeasureFileSchema } from '../src/model/kb.js';
test('schema rejects a measure without sources', () => {
  assert.equal(MeasureFileSchema.safeParse({ measure: {}, listings: [] }).success, false);
});
