/** A Chat Message record as DraftWhatsAppChannel stores it. */
export interface ChatMessage {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What DraftWhatsAppChannel reports about a batch of Chat Message records. */
export interface ChatMessageSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftWhatsAppChannel stores its records. */
export const DRAFT_WHATS_APP_CHANNEL_ENTITY = 'DraftWhatsAppChannel.ChatMessage';
