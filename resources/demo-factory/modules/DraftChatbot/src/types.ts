/** A Chat Turn record as DraftChatbot stores it. */
export interface ChatTurn {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What DraftChatbot reports about a batch of Chat Turn records. */
export interface ChatTurnSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftChatbot stores its records. */
export const DRAFT_CHATBOT_ENTITY = 'DraftChatbot.ChatTurn';
