import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadPaymentInstructions } from '@modules/PaymentModel';
import { summarizeBankTransfers, loadBankTransfers } from './records';
import { type BankTransfer, BANK_TRANSFERS_ENTITY } from './types';

export { describeBankTransfer, summarizeBankTransfers, loadBankTransfers } from './records';
export { BANK_TRANSFERS_ENTITY } from './types';
export type { BankTransfer, BankTransferSummary } from './types';

/** Registers the periodic refresh of BankTransfers. */
export function startBankTransfersJobs(): void {
  setTimer('BankTransfers.refresh', 660000, async () => {
    const records = await loadBankTransfers();
    log('BankTransfers: refreshed ' + records.length + ' Transfer records');
  });
}

/** Stores a Transfer; resolves to its id. */
export async function saveBankTransfer(value: BankTransfer): Promise<number> {
  const id = await saveEntity(BANK_TRANSFERS_ENTITY, { ...value });
  log('BankTransfers: saved Transfer ' + id);
  return id;
}

/** Context lines BankTransfers gathers from the modules it builds on. */
export async function collectBankTransfersContext(): Promise<string[]> {
  const lines: string[] = [];
  const paymentInstructionList = await loadPaymentInstructions({ requestedBy: 'BankTransfers' });
  lines.push('PaymentModel: ' + paymentInstructionList.length + ' records');
  lines.push(...paymentInstructionList.slice(0, 3).map((item) => String(item.currency)));
  return lines;
}

/** Name under which BankTransfers reports to the platform console. */
export const BANK_TRANSFERS_MODULE = 'BankTransfers';

/** A one-line health report of BankTransfers: bank transfers. */
export async function bankTransfersHealth(): Promise<string> {
  const records = await loadBankTransfers();
  const summary = summarizeBankTransfers(records);
  const parts: string[] = [BANK_TRANSFERS_MODULE, summary.count + ' records'];
  const context = await collectBankTransfersContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
