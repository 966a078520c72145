/** A Wizard Step record as DraftOrderWizard stores it. */
export interface WizardStep {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What DraftOrderWizard reports about a batch of Wizard Step records. */
export interface WizardStepSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftOrderWizard stores its records. */
export const DRAFT_ORDER_WIZARD_ENTITY = 'DraftOrderWizard.WizardStep';
