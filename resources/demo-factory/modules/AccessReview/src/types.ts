/** A Access Certification record as AccessReview stores it. */
export interface AccessCertification {
  id: number;
  actor: string;
  action: string;
  occurredAt: Date;
}

/** What AccessReview reports about a batch of Access Certification records. */
export interface AccessCertificationSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which AccessReview stores its records. */
export const ACCESS_REVIEW_ENTITY = 'AccessReview.AccessCertification';
