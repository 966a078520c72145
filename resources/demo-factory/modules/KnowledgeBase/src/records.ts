import { queryEntities } from '@platform/runtime';
import { type KnowledgeArticle, type KnowledgeArticleSummary, KNOWLEDGE_BASE_ENTITY } from './types';

/** One line describing a Article, for logs and lists. */
export function describeKnowledgeArticle(value: KnowledgeArticle): string {
  return 'Article #' + value.id + ': ' + [value.title, value.path, (value.published ? 'published' : 'not published')].join(' | ');
}

/** Counts and labels a batch of Article records. */
export function summarizeKnowledgeArticles(values: KnowledgeArticle[]): KnowledgeArticleSummary {
  const labels = values.map((value) => describeKnowledgeArticle(value));
  return { count: values.length, labels };
}

/** Reads Article records, oldest first. */
export async function loadKnowledgeArticles(filter?: Record<string, unknown>): Promise<KnowledgeArticle[]> {
  const rows = await queryEntities<KnowledgeArticle>(KNOWLEDGE_BASE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
