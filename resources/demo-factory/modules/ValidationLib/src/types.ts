/** A Validation Rule record as ValidationLib stores it. */
export interface ValidationRule {
  id: number;
  field: string;
  pattern: string;
  required: boolean;
}

/** What ValidationLib reports about a batch of Validation Rule records. */
export interface ValidationRuleSummary {
  count: number;
  labels: string[];
}

/** Entity under which ValidationLib stores its records. */
export const VALIDATION_LIB_ENTITY = 'ValidationLib.ValidationRule';
