import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

// Web and API domains of banned apps, from the services' own pages (sources/app-domains-2026-12.yaml).
const engine = bundledEngine();
const findings = (host: string) =>
  engine
    .screen(item({ host }), { asOf: '2026-12-07', profile: engine.kb.profiles.all as Profile, includeHistorical: false })
    .findings.filter((f) => f.state === 'in-force');
const reached = (host: string) => findings(host).map((f) => `${f.measure.id} → ${f.subject.id}`);

test("DeepSeek's chat host is found as DeepSeek's and reaches the measures on its app", () => {
  const found = reached('chat.deepseek.com');
  assert.ok(found.includes('us-va-eo46-deepseek-2025 → deepseek-app'), found.join('\n'));
  assert.ok(found.includes('us-house-cao-deepseek-2025 → deepseek-app'), found.join('\n'));
  const api = findings('api.deepseek.com');
  assert.ok(api.length > 0 && api.every((f) => f.path[0]?.from.id === 'deepseek-domains'));
});

test('a look-alike that only begins with a listed domain, or ends with one without a dot, is not found', () => {
  assert.deepEqual(reached('deepseek.com.example.net'), []);
  assert.deepEqual(reached('notdeepseek.com'), []);
  assert.deepEqual(reached('kwai.com.example.org'), []);
});

test('Kwai, Likee, SHAREit, Free Fire and Tantan hosts reach the Indian blocking orders that name their apps', () => {
  assert.ok(reached('www.kwai.com').includes('in-69a-2020-06 → kwai-app'));
  assert.ok(reached('likee.video').some((r) => r.startsWith('in-69a-2020-06 → ')));
  assert.ok(reached('www.ushareit.com').includes('in-69a-2020-06 → shareit-app'));
  assert.ok(reached('ff.garena.com').includes('in-69a-2022-02 → free-fire-app'));
  assert.ok(reached('tantanapp.com').includes('in-69a-2020-09 → tantan-app'));
});

test("RedNote's site reaches the US state bans of Xiaohongshu as its own product", () => {
  const f = findings('www.xiaohongshu.com').find((x) => x.measure.id === 'us-ia-deepseek-rednote-2025');
  assert.equal(f?.role, 'obligation');
  assert.equal(f?.subject.id, 'xingin');
  assert.equal(f?.kinship, 'own-product');
});

test("helo-app.com is not ByteDance's: Helo was withdrawn and the address now serves an unrelated app", () => {
  assert.deepEqual(reached('www.helo-app.com'), []);
  assert.equal(engine.resolver.resolve('host', 'helo-app.com').resolutions.length, 0);
});
