import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryCode, sameCountry } from '../../src/match/country.js';

test('countries as inventories write them: names in several languages, ISO codes, usual short forms', () => {
  const cases: [string, string | undefined][] = [
    ['Germany', 'DE'], ['Deutschland', 'DE'], ['Allemagne', 'DE'], ['DE', 'DE'], ['deu', 'DE'], ['China', 'CN'], ['中国', 'CN'],
    ['PRC', 'CN'], ["People's Republic of China", 'CN'], ['P.R. China', 'CN'], ['Hong Kong SAR', 'HK'], ['Macau', 'MO'],
    ['USA', 'US'], ['United States', 'US'], ['U.S.A.', 'US'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['Russian Federation', 'RU'],
    ['Россия', 'RU'], ['South Korea', 'KR'], ['Viet Nam', 'VN'], ['UAE', 'AE'], ['Türkiye', 'TR'], ['  Japan ', 'JP'],
    ['Atlantis', undefined], ['EU', undefined], ['n/a', undefined], ['', undefined], ['Shenzhen', undefined], ['x'.repeat(500), undefined],
  ];
  for (const [text, code] of cases) assert.equal(countryCode(text), code, text);
});

test('mainland China, Hong Kong and Macao count as one country; others only as themselves', () => {
  assert.ok(sameCountry('HK', 'CN'));
  assert.ok(sameCountry('mo', 'HK'));
  assert.ok(!sameCountry('TW', 'CN'));
  assert.ok(!sameCountry('DE', 'RU'));
});
