/** A Article record as KnowledgeBase stores it. */
export interface KnowledgeArticle {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What KnowledgeBase reports about a batch of Article records. */
export interface KnowledgeArticleSummary {
  count: number;
  labels: string[];
}

/** Entity under which KnowledgeBase stores its records. */
export const KNOWLEDGE_BASE_ENTITY = 'KnowledgeBase.Article';
