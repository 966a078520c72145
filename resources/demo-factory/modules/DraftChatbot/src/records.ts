import { queryEntities, formatDate } from '@platform/runtime';
import { type ChatTurn, type ChatTurnSummary, DRAFT_CHATBOT_ENTITY } from './types';

/** One line describing a Chat Turn, for logs and lists. */
export function describeChatTurn(value: ChatTurn): string {
  return 'Chat Turn #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Chat Turn records. */
export function summarizeChatTurns(values: ChatTurn[]): ChatTurnSummary {
  const labels = values.map((value) => describeChatTurn(value));
  return { count: values.length, labels };
}

/** Reads Chat Turn records, oldest first. */
export async function loadChatTurns(filter?: Record<string, unknown>): Promise<ChatTurn[]> {
  const rows = await queryEntities<ChatTurn>(DRAFT_CHATBOT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
