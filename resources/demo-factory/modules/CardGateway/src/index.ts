import { log } from '@platform/runtime';
import { collectCardGatewayContext } from './integrations';
import { summarizeCardCharges, loadCardCharges } from './records';

export { collectCardGatewayContext } from './integrations';
export { fetchCardCharge, pushCardCharge } from './partner-client';
export { describeCardCharge, summarizeCardCharges, loadCardCharges } from './records';
export { CARD_GATEWAY_ENTITY } from './types';
export type { CardCharge, CardChargeSummary } from './types';

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which CardGateway reports to the platform console. */
export const CARD_GATEWAY_MODULE = 'CardGateway';

/** A one-line health report of CardGateway: card payments. */
export async function cardGatewayHealth(): Promise<string> {
  const records = await loadCardCharges();
  const summary = summarizeCardCharges(records);
  const parts: string[] = [CARD_GATEWAY_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectCardGatewayContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
