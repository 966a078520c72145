import { log, saveEntity, setTimer } from '@platform/runtime';
import { describeCarrierProfile, type CarrierProfile } from '@modules/CarrierLib';
import { summarizeRateQuotes, loadRateQuotes } from './records';
import { type RateQuote, SHIPPING_RATES_ENTITY } from './types';

export { describeRateQuote, summarizeRateQuotes, loadRateQuotes } from './records';
export { SHIPPING_RATES_ENTITY } from './types';
export type { RateQuote, RateQuoteSummary } from './types';

/** Registers the periodic refresh of ShippingRates. */
export function startShippingRatesJobs(): void {
  setTimer('ShippingRates.refresh', 420000, async () => {
    const records = await loadRateQuotes();
    log('ShippingRates: refreshed ' + records.length + ' Rate Quote records');
  });
}

/** Stores a Rate Quote; resolves to its id. */
export async function saveRateQuote(value: RateQuote): Promise<number> {
  const id = await saveEntity(SHIPPING_RATES_ENTITY, { ...value });
  log('ShippingRates: saved Rate Quote ' + id);
  return id;
}

/** Context lines ShippingRates gathers from the modules it builds on. */
export async function collectShippingRatesContext(): Promise<string[]> {
  const lines: string[] = [];
  const carrierProfileSample: CarrierProfile = { id: 7, trackingNumber: 'trackingNumber-6', carrier: 'carrier-7', weightKg: 9, shippedAt: new Date(1700777600000) };
  lines.push(describeCarrierProfile(carrierProfileSample));
  return lines;
}

/** Name under which ShippingRates reports to the platform console. */
export const SHIPPING_RATES_MODULE = 'ShippingRates';

/** A one-line health report of ShippingRates: carrier rate quotes. */
export async function shippingRatesHealth(): Promise<string> {
  const records = await loadRateQuotes();
  const summary = summarizeRateQuotes(records);
  const parts: string[] = [SHIPPING_RATES_MODULE, summary.count + ' records'];
  const context = await collectShippingRatesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
