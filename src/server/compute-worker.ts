/**
 * The server's worker thread for requests that take CPU: screening a request's items and
 * extracting the events of a submitted article. It loads the knowledge base once and then answers
 * one task at a time; the server's thread gives each a time budget and ends the worker when one
 * overruns, so the API keeps answering whatever a request holds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext, type Context } from '../app/context.js';
import type { InventoryItem } from '../model/item.js';
import { NewsExtractor } from '../news/extract.js';
import { MentionMatcher } from '../news/mentions.js';
import { watchArticle } from '../news/watch.js';
import { ArticleError, readArticle, type ArticleSource } from './article.js';

export type ComputeTask =
  | { kind: 'screen'; items: InventoryItem[]; asOf: string; profileId: string; includeHistorical: boolean }
  | ({ kind: 'article' } & ArticleSource);

/** `input`: the request's own fault (an unreadable article), answered 400. */
export type ComputeReply = { ok: true; value: unknown } | { ok: false; message: string; input: boolean };

let context: Context | undefined;
let extractor: NewsExtractor | undefined;

function perform(task: ComputeTask): unknown {
  context ??= createContext((workerData as { kbDir?: string }).kbDir);
  const { kb, engine } = context;
  if (task.kind === 'screen') {
    const profile = kb.profiles[task.profileId];
    if (!profile) throw new Error(`unknown profile "${task.profileId}"`);
    const options = { asOf: task.asOf, profile, includeHistorical: task.includeHistorical };
    return task.items.map((item) => engine.screen(item, options));
  }
  const article = readArticle(task);
  if (!article.text.trim()) return { article, watched: undefined };
  extractor ??= new NewsExtractor(new MentionMatcher(kb));
  return { article, watched: watchArticle(kb, extractor, article) };
}

parentPort!.on('message', (task: ComputeTask) => {
  let reply: ComputeReply;
  try {
    reply = { ok: true, value: perform(task) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), input: error instanceof ArticleError };
  }
  parentPort!.postMessage(reply);
});
