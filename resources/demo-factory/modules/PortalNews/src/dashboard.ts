import { getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeNewsArticle, loadNewsArticles } from './records';

/** A dashboard as PortalNews shows it. */
export interface PortalNewsDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit News Article records. */
export function canEditNewsArticle(user: CurrentUser): boolean {
  return user.roles.indexOf('PortalNews.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the PortalNews dashboard for the current user. */
export async function buildPortalNewsDashboard(): Promise<PortalNewsDashboard> {
  const user = getCurrentUser();
  const records = await loadNewsArticles({ owner: user.id });
  return {
    title: 'News Article dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeNewsArticle(record)),
    editable: canEditNewsArticle(user),
  };
}
