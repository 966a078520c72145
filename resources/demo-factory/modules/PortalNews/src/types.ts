/** A News Article record as PortalNews stores it. */
export interface NewsArticle {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What PortalNews reports about a batch of News Article records. */
export interface NewsArticleSummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalNews stores its records. */
export const PORTAL_NEWS_ENTITY = 'PortalNews.NewsArticle';
