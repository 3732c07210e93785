/** The bundled knowledge base and one extractor over it, shared by the news tests. */
import { loadKnowledgeBase } from '../../src/kb/files.js';
import type { KnowledgeBase } from '../../src/kb/model.js';
import { NewsExtractor, type RestrictionEvent } from '../../src/news/extract.js';
import { MentionMatcher } from '../../src/news/mentions.js';

let shared: { kb: KnowledgeBase; matcher: MentionMatcher; extractor: NewsExtractor } | undefined;

export function news() {
  if (!shared) {
    const kb = loadKnowledgeBase();
    const matcher = new MentionMatcher(kb);
    shared = { kb, matcher, extractor: new NewsExtractor(matcher) };
  }
  return shared;
}

export function events(text: string, published = '2020-08-02'): RestrictionEvent[] {
  return news().extractor.extract({ id: 'test', text, published }).events;
}

/** "US ban bytedance threatened" per target group, for compact assertions. */
export function summary(text: string, published?: string): string[] {
  const { kb } = news();
  return events(text, published).flatMap((e) =>
    [...new Set(e.targets.map((t) => (t.entity ? (kb.organisations[t.entity.id]?.group ?? kb.products[t.entity.id]?.group) : (t.generic ?? `name:${t.surface}`))))].map(
      (target) => `${e.actor.jurisdiction} ${e.action} ${target} ${e.status}`,
    ),
  );
}
