import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadChatMessages } from './records';
import { type ChatMessage, DRAFT_WHATS_APP_CHANNEL_ENTITY } from './types';

/** Registers the periodic refresh of DraftWhatsAppChannel. */
export function startDraftWhatsAppChannelJobs(): void {
  setTimer('DraftWhatsAppChannel.refresh', 300000, async () => {
    const records = await loadChatMessages();
    log('DraftWhatsAppChannel: refreshed ' + records.length + ' Chat Message records');
  });
}

/** Stores a Chat Message; resolves to its id. */
export async function saveChatMessage(value: ChatMessage): Promise<number> {
  const id = await saveEntity(DRAFT_WHATS_APP_CHANNEL_ENTITY, { ...value });
  log('DraftWhatsAppChannel: saved Chat Message ' + id);
  return id;
}
