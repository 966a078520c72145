import { queryEntities, formatDate } from '@platform/runtime';
import { type ChatMessage, type ChatMessageSummary, DRAFT_WHATS_APP_CHANNEL_ENTITY } from './types';

/** One line describing a Chat Message, for logs and lists. */
export function describeChatMessage(value: ChatMessage): string {
  return 'Chat Message #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Chat Message records. */
export function summarizeChatMessages(values: ChatMessage[]): ChatMessageSummary {
  const labels = values.map((value) => describeChatMessage(value));
  return { count: values.length, labels };
}

/** Reads Chat Message records, oldest first. */
export async function loadChatMessages(filter?: Record<string, unknown>): Promise<ChatMessage[]> {
  const rows = await queryEntities<ChatMessage>(DRAFT_WHATS_APP_CHANNEL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
