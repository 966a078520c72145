/** A Queue record as SupportDesk stores it. */
export interface DeskQueue {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What SupportDesk reports about a batch of Queue records. */
export interface DeskQueueSummary {
  count: number;
  labels: string[];
}

/** Entity under which SupportDesk stores its records. */
export const SUPPORT_DESK_ENTITY = 'SupportDesk.Queue';
