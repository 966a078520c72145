/** A Dunning Notice record as DunningService stores it. */
export interface DunningNotice {
  id: number;
  invoiceNumber: string;
  amount: number;
  dueDate: Date;
  paid: boolean;
}

/** What DunningService reports about a batch of Dunning Notice records. */
export interface DunningNoticeSummary {
  count: number;
  labels: string[];
}

/** Entity under which DunningService stores its records. */
export const DUNNING_SERVICE_ENTITY = 'DunningService.DunningNotice';
