/** Listed Chinese technology companies' own websites as domain sets (sources/official-domains-2026-12.yaml). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const options = { asOf: '2026-12-07', profile: kb.profiles.all as Profile, includeHistorical: false };

/** The groups whose entities a host's findings were matched to. */
const groupsOf = (host: string) =>
  new Set(
    engine.screen(item({ host }), options).findings.map((f) => {
      const id = f.match.entity.id;
      return kb.products[id]?.group ?? kb.organisations[id]?.group;
    }),
  );

test("a host under a listed company's own website is found for the company's group", () => {
  const cases: Array<[string, string]> = [
    ['www.dahuasecurity.com', 'dahua'],
    ['api.quectel.com', 'quectel'],
    ['www.smics.com', 'smic'],
    ['www.hytera.com', 'hytera'],
    ['www.inspur.com', 'inspur'],
    ['ymtc.com', 'ymtc'],
    ['investor.hesaitech.com', 'hesai'],
    ['open.bigmodel.cn', 'zhipu-ai'],
    ['www.catl.com', 'catl'],
    ['www.wingtech.com', 'wingtech'],
    ['developer.mthreads.com', 'moore-threads'],
    ['www.sophgo.com', 'sophgo'],
    ['chatglm.cn', 'zhipu-ai'],
    ['www.megvii.com', 'megvii'],
    ['api-cn.faceplusplus.com', 'megvii'],
    ['www.sugon.com', 'sugon'],
    ['www.phytium.com.cn', 'cec'],
  ];
  for (const [host, group] of cases) assert.deepEqual([...groupsOf(host)], [group], host);
});

test("UNISOC's website resolves to its domain set, though no measure here lists its group", () => {
  assert.equal(engine.resolver.resolve('host', 'www.unisoc.com').resolutions[0]?.entity.id, 'unisoc-domains');
  assert.deepEqual([...groupsOf('www.unisoc.com')], []);
});

test('a look-alike host that only contains or extends the name is not found', () => {
  const lookAlikes = [
    'dahuasecurity.com.example.org',
    'notquectel.com',
    'quectel.co',
    'mysmics.com',
    'mthreads.com.example.net',
    'chatglm.cn.example.org',
  ];
  for (const host of lookAlikes) {
    assert.equal(groupsOf(host).size, 0, host);
  }
});
