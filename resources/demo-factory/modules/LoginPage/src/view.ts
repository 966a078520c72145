import { formatDate, getCurrentUser } from '@platform/runtime';
import { describeLoginAttempt, loadLoginAttempts } from './records';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the LoginPage page for the current user. */
export async function renderLoginPagePage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadLoginAttempts(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeLoginAttempt(record)) + '</li>');
  return (
    '<section><h1>Login Attempt overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}
