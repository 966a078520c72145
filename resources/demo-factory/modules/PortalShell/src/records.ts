import { queryEntities } from '@platform/runtime';
import { type NavigationItem, type NavigationItemSummary, PORTAL_SHELL_ENTITY } from './types';

/** One line describing a Navigation Item, for logs and lists. */
export function describeNavigationItem(value: NavigationItem): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'Navigation Item ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Navigation Item records. */
export function summarizeNavigationItems(values: NavigationItem[]): NavigationItemSummary {
  const labels = values.map((value) => describeNavigationItem(value));
  return { count: values.length, labels };
}

/** Reads Navigation Item records, oldest first. */
export async function loadNavigationItems(filter?: Record<string, unknown>): Promise<NavigationItem[]> {
  const rows = await queryEntities<NavigationItem>(PORTAL_SHELL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
