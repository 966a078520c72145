import { log } from '@platform/runtime';
import { loadSmsMessages } from '@modules/SmsGateway';
import { summarizeChatMessages, loadChatMessages } from './records';

export { startDraftWhatsAppChannelJobs, saveChatMessage } from './jobs';
export { describeChatMessage, summarizeChatMessages, loadChatMessages } from './records';
export { DRAFT_WHATS_APP_CHANNEL_ENTITY } from './types';
export type { ChatMessage, ChatMessageSummary } from './types';

/** Context lines DraftWhatsAppChannel gathers from the modules it builds on. */
export async function collectDraftWhatsAppChannelContext(): Promise<string[]> {
  const lines: string[] = [];
  const smsMessageList = await loadSmsMessages({ requestedBy: 'DraftWhatsAppChannel' });
  lines.push('SmsGateway: ' + smsMessageList.length + ' records');
  lines.push(...smsMessageList.slice(0, 3).map((item) => String(item.recipient)));
  return lines;
}

/** Name under which DraftWhatsAppChannel reports to the platform console. */
export const DRAFT_WHATS_APP_CHANNEL_MODULE = 'DraftWhatsAppChannel';

/** A one-line health report of DraftWhatsAppChannel: a chat channel (draft). */
export async function draftWhatsAppChannelHealth(): Promise<string> {
  const records = await loadChatMessages();
  const summary = summarizeChatMessages(records);
  const parts: string[] = [DRAFT_WHATS_APP_CHANNEL_MODULE, summary.count + ' records'];
  const context = await collectDraftWhatsAppChannelContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
