import { formatDate, getCurrentUser } from '@platform/runtime';
import { describeChatTurn, loadChatTurns } from './records';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the DraftChatbot page for the current user. */
export async function renderDraftChatbotPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadChatTurns(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeChatTurn(record)) + '</li>');
  return (
    '<section><h1>Chat Turn overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}
