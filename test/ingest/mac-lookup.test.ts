import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { bundledEngine } from '../helpers.js';
import { MacLookup } from '../../src/screen/mac-lookup.js';

const require = createRequire(import.meta.url);

test('the prefix-cached MAC lookup gives exactly what the resolver gives, address by address', () => {
  const resolver = bundledEngine().resolver;
  const lookup = new MacLookup(resolver);
  const registry = require('oui-data') as Record<string, string>;
  // Prefixes of every block size, IEEE-carved ones included, each with several addresses under it.
  const prefixes = Object.keys(registry).filter((_, index) => index % 97 === 0);
  const addresses: string[] = [];
  for (const prefix of prefixes) {
    for (const tail of ['000000', '7a5c31', 'fffffe', '123456']) {
      const hex = (prefix + tail).slice(0, 12).toLowerCase();
      addresses.push(hex.replace(/(..)(?!$)/g, '$1:'), hex.toUpperCase().replace(/(..)(?!$)/g, '$1-'), hex);
    }
  }
  addresses.push('18:80:25:3a:00:10', '18:80:25:3A:00:11', 'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00', '02:00:00:00:00:01', '1880.253a.0010', '18:80:25:3a:00', 'not a mac', ' 18:80:25:3a:00:12 ');
  let attributed = 0;
  for (const address of [...addresses, ...addresses]) {
    const expected = resolver.resolve('mac', address);
    assert.deepEqual(lookup.resolve(address), expected, address);
    if (expected.resolutions.length > 0) attributed++;
  }
  assert.ok(attributed > 0, 'some addresses lead to a knowledge-base organisation');
});
