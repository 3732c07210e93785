/**
 * A submitted article's text or HTML made into an article. The HTML parsers can fail on pages
 * they do not expect (Readability throws on some damaged documents); that is the submitter's bad
 * input, answered with a message, never a server error.
 */
import type { Article } from '../news/extract.js';
import { articleFromHtml, articleFromText, detectKind } from '../news/parse.js';

export class ArticleError extends Error {}

export interface ArticleSource {
  text: string;
  label: string;
  format?: 'text' | 'html';
  url?: string;
  title?: string;
  published?: string;
}

export function readArticle(source: ArticleSource): Article {
  const html = source.format ? source.format === 'html' : detectKind(source.text, undefined, source.label) === 'html';
  let article: Article;
  try {
    article = html ? articleFromHtml(source.label, source.text, source.url, source.published) : articleFromText(source.label, source.text, source.published);
  } catch (error) {
    throw new ArticleError(`the ${html ? 'HTML' : 'text'} could not be read as an article (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ...article, ...(source.title ? { title: source.title } : {}), ...(source.url ? { url: source.url } : {}) };
}
