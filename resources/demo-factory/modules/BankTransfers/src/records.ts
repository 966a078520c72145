import { queryEntities } from '@platform/runtime';
import { type BankTransfer, type BankTransferSummary, BANK_TRANSFERS_ENTITY } from './types';

/** One line describing a Transfer, for logs and lists. */
export function describeBankTransfer(value: BankTransfer): string {
  return 'Transfer #' + value.id + ': ' + [value.reference, value.amount.toFixed(2), value.currency, (value.settled ? 'settled' : 'not settled')].join(' | ');
}

/** Counts and labels a batch of Transfer records. */
export function summarizeBankTransfers(values: BankTransfer[]): BankTransferSummary {
  const labels = values.map((value) => describeBankTransfer(value));
  return { count: values.length, labels };
}

/** Reads Transfer records, oldest first. */
export async function loadBankTransfers(filter?: Record<string, unknown>): Promise<BankTransfer[]> {
  const rows = await queryEntities<BankTransfer>(BANK_TRANSFERS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
