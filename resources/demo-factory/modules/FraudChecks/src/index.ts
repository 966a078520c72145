import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadCustomerRecords } from '@modules/CustomerCore';
import { describePaymentInstruction, type PaymentInstruction } from '@modules/PaymentModel';
import { summarizeFraudSignals, loadFraudSignals } from './records';
import { type FraudSignal, FRAUD_CHECKS_ENTITY } from './types';

export { describeFraudSignal, summarizeFraudSignals, loadFraudSignals } from './records';
export { FRAUD_CHECKS_ENTITY } from './types';
export type { FraudSignal, FraudSignalSummary } from './types';

/** Registers the periodic refresh of FraudChecks. */
export function startFraudChecksJobs(): void {
  setTimer('FraudChecks.refresh', 60000, async () => {
    const records = await loadFraudSignals();
    log('FraudChecks: refreshed ' + records.length + ' Fraud Signal records');
  });
}

/** Stores a Fraud Signal; resolves to its id. */
export async function saveFraudSignal(value: FraudSignal): Promise<number> {
  const id = await saveEntity(FRAUD_CHECKS_ENTITY, { ...value });
  log('FraudChecks: saved Fraud Signal ' + id);
  return id;
}

/** Context lines FraudChecks gathers from the modules it builds on. */
export async function collectFraudChecksContext(): Promise<string[]> {
  const lines: string[] = [];
  const paymentInstructionSample: PaymentInstruction = { id: 1, reference: 'reference-0', amount: 2, currency: 'currency-2', settled: false };
  lines.push(describePaymentInstruction(paymentInstructionSample));
  const customerRecordList = await loadCustomerRecords({ requestedBy: 'FraudChecks' });
  lines.push('CustomerCore: ' + customerRecordList.length + ' records');
  lines.push(...customerRecordList.slice(0, 3).map((item) => String(item.creditLimit)));
  return lines;
}

/** Name under which FraudChecks reports to the platform console. */
export const FRAUD_CHECKS_MODULE = 'FraudChecks';

/** A one-line health report of FraudChecks: fraud screening. */
export async function fraudChecksHealth(): Promise<string> {
  const records = await loadFraudSignals();
  const summary = summarizeFraudSignals(records);
  const parts: string[] = [FRAUD_CHECKS_MODULE, summary.count + ' records'];
  const context = await collectFraudChecksContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
