/** The learned tie-breaker on action kinds (src/news/action-model.ts): training is deterministic, and the model only re-kinds among the kinds allowed, past its margin. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionFeatures, chooseAction, lemmas, scoreAction, shippedActionModel, trainActionModel } from '../../src/news/action-model.js';
import { NewsExtractor } from '../../src/news/extract.js';
import { news } from './helpers.js';

const examples = [
  { text: 'The governor banned TikTok on all state devices.', trigger: 'banned', lexicon: 'ban', label: 'procurement-ban' },
  { text: 'The state banned the app on government phones.', trigger: 'banned', lexicon: 'ban', label: 'procurement-ban' },
  { text: 'India banned 59 Chinese apps.', trigger: 'banned', lexicon: 'ban', label: 'ban' },
  { text: 'The country banned the app nationwide.', trigger: 'banned', lexicon: 'ban', label: 'ban' },
  { text: 'Commerce added Huawei to the Entity List.', trigger: 'Entity List', lexicon: 'entity-list', label: 'entity-list' },
].map((e) => ({ ...e, features: actionFeatures(e.text, e.trigger, e.lexicon) }));

test('lemmas are compromise\'s roots, lower-cased, without stop words', () => {
  assert.deepEqual(lemmas('The governor banned TikTok'), ['governor', 'ban', 'tiktok']);
});

test('training is deterministic and the features carry their family', () => {
  const a = trainActionModel(examples, 1);
  const b = trainActionModel([...examples].reverse(), 1);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.deepEqual(a.classes, ['ban', 'entity-list', 'procurement-ban']);
  assert.ok(examples[0]?.features.includes('t:ban') && examples[0].features.includes('r:ban') && examples[0].features.includes('s:device'));
});

test('the model re-kinds only to an allowed kind, and only past its margin', () => {
  const model = trainActionModel(examples, 1);
  const text = 'The governor banned WeChat on state devices.';
  const scores = scoreAction(model, actionFeatures(text, 'banned', 'ban'));
  assert.ok((scores['procurement-ban'] as number) > (scores.ban as number) + 1);
  assert.equal(chooseAction(model, text, 'banned', 'ban', ['ban', 'procurement-ban']), 'procurement-ban');
  assert.equal(chooseAction(model, text, 'banned', 'ban', ['ban']), 'ban');
  assert.equal(chooseAction({ ...model, margin: 100 }, text, 'banned', 'ban', ['ban', 'procurement-ban']), 'ban');
});

test('the extractor uses no model unless given one; the stored one is a filter on the trigger\'s lemmas', () => {
  assert.equal(news().extractor.actionModelInUse(), null);
  const stored = shippedActionModel();
  assert.ok(stored && stored.drop && stored.features?.join() === 't,r');
});

test('a dropping model leaves out the readings it finds more probably no act; a re-kinding one records the lexicon\'s kind', () => {
  const text = 'Florida banned TikTok on state devices.';
  const none = trainActionModel(
    [
      { features: ['t:ban', 'r:ban'], label: 'none' },
      { features: ['t:ban', 'r:ban'], label: 'none' },
      { features: ['t:ban', 'r:ban'], label: 'none' },
      { features: ['t:list', 'r:entity-list'], label: 'entity-list' },
    ],
    0,
    undefined,
    ['t', 'r'],
    'sentence',
    true,
  );
  assert.deepEqual(new NewsExtractor(news().matcher, { actionModel: none }).extract({ id: 't', text, published: '2023-01-01' }).events, []);
  assert.equal(new NewsExtractor(news().matcher, { actionModel: null }).extract({ id: 't', text, published: '2023-01-01' }).events.length, 1);
  const rekind = trainActionModel(examples, 0);
  for (const e of new NewsExtractor(news().matcher, { actionModel: rekind }).extract({ id: 't', text, published: '2023-01-01' }).events) if (e.lexiconAction) assert.notEqual(e.lexiconAction, e.action);
});
