import { log, saveEntity, setTimer } from '@platform/runtime';
import { summarizeSupportTickets } from '@modules/TicketModel';
import { summarizeKnowledgeArticles, loadKnowledgeArticles } from './records';
import { type KnowledgeArticle, KNOWLEDGE_BASE_ENTITY } from './types';

export { describeKnowledgeArticle, summarizeKnowledgeArticles, loadKnowledgeArticles } from './records';
export { KNOWLEDGE_BASE_ENTITY } from './types';
export type { KnowledgeArticle, KnowledgeArticleSummary } from './types';

/** Registers the periodic refresh of KnowledgeBase. */
export function startKnowledgeBaseJobs(): void {
  setTimer('KnowledgeBase.refresh', 540000, async () => {
    const records = await loadKnowledgeArticles();
    log('KnowledgeBase: refreshed ' + records.length + ' Article records');
  });
}

/** Stores a Article; resolves to its id. */
export async function saveKnowledgeArticle(value: KnowledgeArticle): Promise<number> {
  const id = await saveEntity(KNOWLEDGE_BASE_ENTITY, { ...value });
  log('KnowledgeBase: saved Article ' + id);
  return id;
}

/** Context lines KnowledgeBase gathers from the modules it builds on. */
export async function collectKnowledgeBaseContext(): Promise<string[]> {
  const lines: string[] = [];
  const supportTicketSummary = summarizeSupportTickets([{ id: 9, subject: 'subject-8', priority: 10, status: 'status-10', openedAt: new Date(1700950400000) }]);
  lines.push(supportTicketSummary.count + ' from TicketModel: ' + supportTicketSummary.labels.join('; '));
  return lines;
}

/** Name under which KnowledgeBase reports to the platform console. */
export const KNOWLEDGE_BASE_MODULE = 'KnowledgeBase';

/** A one-line health report of KnowledgeBase: help articles. */
export async function knowledgeBaseHealth(): Promise<string> {
  const records = await loadKnowledgeArticles();
  const summary = summarizeKnowledgeArticles(records);
  const parts: string[] = [KNOWLEDGE_BASE_MODULE, summary.count + ' records'];
  const context = await collectKnowledgeBaseContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
