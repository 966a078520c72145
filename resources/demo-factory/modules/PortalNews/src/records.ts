import { queryEntities } from '@platform/runtime';
import { type NewsArticle, type NewsArticleSummary, PORTAL_NEWS_ENTITY } from './types';

/** One line describing a News Article, for logs and lists. */
export function describeNewsArticle(value: NewsArticle): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'News Article ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of News Article records. */
export function summarizeNewsArticles(values: NewsArticle[]): NewsArticleSummary {
  const labels = values.map((value) => describeNewsArticle(value));
  return { count: values.length, labels };
}

/** Reads News Article records, oldest first. */
export async function loadNewsArticles(filter?: Record<string, unknown>): Promise<NewsArticle[]> {
  const rows = await queryEntities<NewsArticle>(PORTAL_NEWS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
