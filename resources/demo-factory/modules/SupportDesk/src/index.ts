import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { loadTicketUpdates } from '@modules/TicketService';
import { type DeskQueue, type DeskQueueSummary, SUPPORT_DESK_ENTITY } from './types';

export { SUPPORT_DESK_ENTITY } from './types';
export type { DeskQueue, DeskQueueSummary } from './types';

/** One line describing a Queue, for logs and lists. */
export function describeDeskQueue(value: DeskQueue): string {
  return 'Queue #' + value.id + ': ' + [value.subject, String(value.priority), value.status, formatDate(value.openedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Queue records. */
export function summarizeDeskQueues(values: DeskQueue[]): DeskQueueSummary {
  const labels = values.map((value) => describeDeskQueue(value));
  return { count: values.length, labels };
}

/** Reads Queue records, oldest first. */
export async function loadDeskQueues(filter?: Record<string, unknown>): Promise<DeskQueue[]> {
  const rows = await queryEntities<DeskQueue>(SUPPORT_DESK_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the SupportDesk page for the current user. */
export async function renderSupportDeskPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadDeskQueues(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeDeskQueue(record)) + '</li>');
  return (
    '<section><h1>Queue overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}

/** Context lines SupportDesk gathers from the modules it builds on. */
export async function collectSupportDeskContext(): Promise<string[]> {
  const lines: string[] = [];
  const ticketUpdateList = await loadTicketUpdates({ requestedBy: 'SupportDesk' });
  lines.push('TicketService: ' + ticketUpdateList.length + ' records');
  lines.push(...ticketUpdateList.slice(0, 3).map((item) => String(item.subject)));
  return lines;
}

/** Name under which SupportDesk reports to the platform console. */
export const SUPPORT_DESK_MODULE = 'SupportDesk';

/** A one-line health report of SupportDesk: the agents desk. */
export async function supportDeskHealth(): Promise<string> {
  const records = await loadDeskQueues();
  const summary = summarizeDeskQueues(records);
  const parts: string[] = [SUPPORT_DESK_MODULE, summary.count + ' records'];
  const context = await collectSupportDeskContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
