import { log } from '@platform/runtime';
import { loadKnowledgeArticles } from '@modules/KnowledgeBase';
import { summarizeChatTurns, loadChatTurns } from './records';

export { describeChatTurn, summarizeChatTurns, loadChatTurns } from './records';
export { DRAFT_CHATBOT_ENTITY } from './types';
export type { ChatTurn, ChatTurnSummary } from './types';
export { renderDraftChatbotPage } from './view';

/** Context lines DraftChatbot gathers from the modules it builds on. */
export async function collectDraftChatbotContext(): Promise<string[]> {
  const lines: string[] = [];
  const knowledgeArticleList = await loadKnowledgeArticles({ requestedBy: 'DraftChatbot' });
  lines.push('KnowledgeBase: ' + knowledgeArticleList.length + ' records');
  lines.push(...knowledgeArticleList.slice(0, 3).map((item) => String(item.path)));
  return lines;
}

/** Name under which DraftChatbot reports to the platform console. */
export const DRAFT_CHATBOT_MODULE = 'DraftChatbot';

/** A one-line health report of DraftChatbot: a support chatbot (draft). */
export async function draftChatbotHealth(): Promise<string> {
  const records = await loadChatTurns();
  const summary = summarizeChatTurns(records);
  const parts: string[] = [DRAFT_CHATBOT_MODULE, summary.count + ' records'];
  const context = await collectDraftChatbotContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
