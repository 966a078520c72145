import { log, sendMail } from '@platform/runtime';

/** Sends a notification mail to an administrator. */
export async function notifyAdministrator(to: string, subject: string, text: string): Promise<void> {
  log(`mailer: notifying ${to}`);
  await sendMail({ to, subject, body: text });
}
