/**
 * The news corpus's manifest and excluded URLs, as `eval:news` and the action-model tools read them,
 * and the project's labels of its development part (the action-model tools never read the test part).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldRealArticle } from '../../src/news/corpus.js';

export interface ManifestRow {
  id: string;
  url: string;
  published: string | null;
  /** news, law-firm, official or negative. */
  kind: string;
}

/** The corpus's excluded URL hashes and manifest; exits with a usage error naming `tool` when the corpus is not there. */
export function readCorpus(corpus: string, tool: string): { excluded: Set<string>; manifest: Map<string, ManifestRow> } {
  if (!existsSync(join(corpus, 'manifest.jsonl'))) {
    console.error(`${tool}: no news corpus at ${corpus} (manifest.jsonl and articles/); give --corpus DIR`);
    process.exit(2);
  }
  const excluded = new Set(readFileSync(join(corpus, 'excluded-url-hashes.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^[0-9a-f]{64}$/.test(l)));
  const manifest = new Map(
    readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ManifestRow)
      .map((r) => [r.id, r]),
  );
  return { excluded, manifest };
}

/** The labels of the development articles, in id order. */
export function devGold(root: string): GoldRealArticle[] {
  return readFileSync(join(root, 'test/fixtures/news/real-gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRealArticle)
    .filter((g) => g.split === 'dev')
    .sort((x, y) => x.id.localeCompare(y.id));
}
