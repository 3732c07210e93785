/** Invariants of normalisation and identifiers, checked on generated values with fast-check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseName } from '../../src/match/names/normalise.js';
import { parseCusip, parseIsin, parseLei } from '../../src/match/identifiers/check-digits.js';
import { parseMac } from '../../src/match/identifiers/mac.js';
import { parseHost } from '../../src/match/identifiers/domain.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alnum = (length: number) => fc.array(fc.constantFrom(...ALNUM), { minLength: length, maxLength: length }).map((chars) => chars.join(''));

/** The ISIN check digit by ISO 6166 (Luhn over the letters expanded to two digits), computed independently. */
function isinCheck(body: string): number {
  const digits = [...body].map((c) => String(ALNUM.indexOf(c))).join('');
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

test('normalising a name never throws, and gives the same form for the same name in other case and spacing', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (name) => {
      const form = normaliseName(name);
      assert.deepEqual(normaliseName(`  ${name.toUpperCase()}  `).core, normaliseName(name.toUpperCase()).core);
      assert.ok(Array.isArray(form.core));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z]{2,10}$/), { minLength: 1, maxLength: 5 }), (words) => {
      const name = words.join(' ');
      assert.deepEqual(normaliseName(name.toUpperCase()).core, normaliseName(name).core);
      assert.deepEqual(normaliseName(words.join('   ')).core, normaliseName(name).core);
    }),
    { numRuns: 500 },
  );
});

test('an ISIN with the right check digit is accepted in any case and spacing; a wrong digit is refused', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Z]{2}$/), alnum(9), fc.integer({ min: 1, max: 9 }), (country, body, shift) => {
      const check = isinCheck(country + body);
      const isin = `${country}${body}${check}`;
      assert.deepEqual(parseIsin(isin), { ok: true, value: isin });
      assert.deepEqual(parseIsin(` ${isin.toLowerCase()} `), { ok: true, value: isin });
      assert.equal(parseIsin(`${country}${body}${(check + shift) % 10}`).ok, false);
    }),
    { numRuns: 1000 },
  );
});

test('identifier parsers answer every string with a value or a reason, never an exception', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (value) => {
      for (const parse of [parseIsin, parseCusip, parseLei, parseMac, parseHost]) {
        const parsed = parse(value);
        assert.ok(parsed.ok ? parsed.value !== undefined : typeof parsed.error === 'string' && parsed.error.length > 0);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a MAC address written in any usual notation parses to the same canonical form', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }), (octets) => {
      const hex = octets.map((o) => o.toString(16).padStart(2, '0'));
      const canonical = hex.join(':').toUpperCase();
      const forms = [hex.join(':'), hex.join('-').toUpperCase(), hex.join(''), `${hex[0]}${hex[1]}.${hex[2]}${hex[3]}.${hex[4]}${hex[5]}`, octets.map((o) => o.toString(16)).join(':')];
      for (const form of forms) {
        const parsed = parseMac(form);
        assert.ok(parsed.ok, form);
        assert.equal(parsed.value.text, canonical);
        assert.equal(parsed.value.hex, canonical.replace(/:/g, ''));
      }
    }),
    { numRuns: 1000 },
  );
});

test('a host name is compared without case and a final dot', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 2, maxLength: 4 }), (labels) => {
      const host = labels.join('.');
      const plain = parseHost(host);
      const upper = parseHost(`${host.toUpperCase()}.`);
      assert.equal(upper.ok, plain.ok);
      if (plain.ok && upper.ok) assert.equal(upper.value, plain.value);
    }),
    { numRuns: 1000 },
  );
});
