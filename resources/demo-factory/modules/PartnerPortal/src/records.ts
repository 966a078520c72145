import { queryEntities } from '@platform/runtime';
import { type PartnerAccount, type PartnerAccountSummary, PARTNER_PORTAL_ENTITY } from './types';

/** One line describing a Partner, for logs and lists. */
export function describePartnerAccount(value: PartnerAccount): string {
  return 'Partner #' + value.id + ': ' + [value.name, value.email, value.creditLimit.toFixed(2), (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of Partner records. */
export function summarizePartnerAccounts(values: PartnerAccount[]): PartnerAccountSummary {
  const labels = values.map((value) => describePartnerAccount(value));
  return { count: values.length, labels };
}

/** Reads Partner records, oldest first. */
export async function loadPartnerAccounts(filter?: Record<string, unknown>): Promise<PartnerAccount[]> {
  const rows = await queryEntities<PartnerAccount>(PARTNER_PORTAL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
