/** One line of the platform's audit trail. */
export interface AuditEntry {
  action: string;
  userId: number;
  at: string;
  details: Record<string, unknown>;
}
