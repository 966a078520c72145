/** A SMS record as SmsGateway stores it. */
export interface SmsMessage {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What SmsGateway reports about a batch of SMS records. */
export interface SmsMessageSummary {
  count: number;
  labels: string[];
}

/** Entity under which SmsGateway stores its records. */
export const SMS_GATEWAY_ENTITY = 'SmsGateway.SMS';
