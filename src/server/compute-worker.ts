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

/**
 * `prepared`: what the task needs is loaded and its work begins (the budget counts from here).
 * `input`: the request's own fault (an unreadable article), answered 400.
 */
export type ComputeReply = { prepared: true } | { ok: true; value: unknown } | { ok: false; message: string; input: boolean };

let context: Context | undefined;
let extractor: NewsExtractor | undefined;

/** Loads the knowledge base, and for articles the mention finder, once per worker. */
function prepare(task: ComputeTask): Context {
  context ??= createContext((workerData as { kbDir?: string }).kbDir);
  if (task.kind === 'article') extractor ??= new NewsExtractor(new MentionMatcher(context.kb));
  return context;
}

function perform(task: ComputeTask, { kb, engine }: Context): unknown {
  if (task.kind === 'screen') {
    const profile = kb.profiles[task.profileId];
    if (!profile) throw new Error(`unknown profile "${task.profileId}"`);
    const options = { asOf: task.asOf, profile, includeHistorical: task.includeHistorical };
    return task.items.map((item) => engine.screen(item, options));
  }
  const article = readArticle(task);
  if (!article.text.trim()) return { article, watched: undefined };
  return { article, watched: watchArticle(kb, extractor!, article) };
}

parentPort!.on('message', (task: ComputeTask) => {
  let reply: ComputeReply;
  try {
    const prepared = prepare(task);
    parentPort!.postMessage({ prepared: true } satisfies ComputeReply);
    reply = { ok: true, value: perform(task, prepared) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), input: error instanceof ArticleError };
  }
  parentPort!.postMessage(reply);
});
