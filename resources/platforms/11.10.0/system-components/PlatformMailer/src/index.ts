import { log, sendMailLegacy } from '@platform/runtime';

/** Sends a notification mail to an administrator. */
export function notifyAdministrator(to: string, subject: string, text: string): void {
  log(`mailer: notifying ${to}`);
  sendMailLegacy(to, `${subject}\n\n${text}`);
}
