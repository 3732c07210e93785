import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nationCode } from '../../src/news/nations.js';
import { genericTargetKey } from '../../src/news/lexicon.js';

describe('nations', () => {
  test("a country's name or its people's adjective gives its code; Hong Kong and Macao are China's", () => {
    assert.equal(nationCode('Turkey'), 'TR');
    assert.equal(nationCode('the United Arab Emirates'), 'AE');
    assert.equal(nationCode('Emirati'), 'AE');
    assert.equal(nationCode("China's"), 'CN');
    assert.equal(nationCode('Hong Kong'), 'CN');
    assert.equal(nationCode('U.S.'), 'US');
    assert.equal(nationCode('Acme'), undefined);
  });
  test('a class key takes the nation and the kind of its head noun', () => {
    assert.equal(genericTargetKey('Turkish', 'firms'), 'generic:TR-companies');
    assert.equal(genericTargetKey('Russian', 'drones'), 'generic:RU-equipment');
    assert.equal(genericTargetKey('Chinese', 'apps'), 'generic:CN-apps');
  });
});
