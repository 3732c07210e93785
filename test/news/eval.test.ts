import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { linkEvent } from '../../src/news/link.js';
import { prf, scoreArticle, type GoldArticle } from '../../src/news/evaluate.js';
import { news } from './helpers.js';

const DIR = new URL('../fixtures/news/', import.meta.url).pathname;

test('the labelled articles: event F1 ≥ 0.9, mention recall ≥ 0.95, links as labelled', () => {
  const { kb, extractor } = news();
  const events = { tp: 0, fp: 0, fn: 0 };
  const mentions = { tp: 0, fp: 0, fn: 0 };
  let links = 0;
  let linked = 0;
  const files = readdirSync(DIR).filter((f) => f.endsWith('.gold.yaml'));
  assert.ok(files.length >= 14, 'the four seed articles and at least ten constructed ones');
  for (const file of files) {
    const name = file.replace(/\.gold\.yaml$/, '');
    const gold = parse(readFileSync(join(DIR, file), 'utf8')) as GoldArticle;
    const published = String(gold.published);
    const result = extractor.extract({ id: name, text: readFileSync(join(DIR, `${name}.txt`), 'utf8'), published });
    const score = scoreArticle(kb, name, result.events, result.mentions.map((m) => m.entity.group), gold, (e) => linkEvent(kb, e, published));
    for (const k of ['tp', 'fp', 'fn'] as const) {
      events[k] += score.events[k];
      mentions[k] += score.mentions[k];
    }
    links += score.links.total;
    linked += score.links.right;
  }
  assert.ok(prf(events).f1 >= 0.9, `event F1 ${prf(events).f1.toFixed(3)}`);
  assert.ok(prf(mentions).recall >= 0.95, `mention recall ${prf(mentions).recall.toFixed(3)}`);
  assert.ok(linked / links >= 0.9, `links ${linked}/${links}`);
});
