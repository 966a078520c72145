import { queryEntities } from '@platform/runtime';
import { type WizardStep, type WizardStepSummary, DRAFT_ORDER_WIZARD_ENTITY } from './types';

/** One line describing a Wizard Step, for logs and lists. */
export function describeWizardStep(value: WizardStep): string {
  return 'Wizard Step #' + value.id + ': ' + [value.title, value.path, (value.published ? 'published' : 'not published')].join(' | ');
}

/** Counts and labels a batch of Wizard Step records. */
export function summarizeWizardSteps(values: WizardStep[]): WizardStepSummary {
  const labels = values.map((value) => describeWizardStep(value));
  return { count: values.length, labels };
}

/** Reads Wizard Step records, oldest first. */
export async function loadWizardSteps(filter?: Record<string, unknown>): Promise<WizardStep[]> {
  const rows = await queryEntities<WizardStep>(DRAFT_ORDER_WIZARD_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
