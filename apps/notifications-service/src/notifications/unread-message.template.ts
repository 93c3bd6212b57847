import type { UnreadReminderDueEvent } from '@claimline/contracts/messaging';
import { EmailTemplate, escapeHtml } from './templates';

export interface UnreadMessageContext {
  link: string;
}

/**
 * Only a link: the thread's practice and id, nothing else of the event. No name, no subject, no
 * text, not even who wrote — any of them could say who the message is about.
 */
export function unreadMessageContext(data: UnreadReminderDueEvent, consoleUrl: string): UnreadMessageContext {
  return {
    link: `${consoleUrl.replace(/\/+$/, '')}/practices/${encodeURIComponent(data.practiceId)}/messages/${encodeURIComponent(data.threadId)}`,
  };
}

const WHY =
  'You get this e-mail because a secure message to you in Claimline was not read within your reminder delay. You can change the delay in your messaging settings.';

export const unreadMessageTemplate: EmailTemplate<UnreadMessageContext> = {
  name: 'unread-message',
  render(c) {
    const text = [
      'You have a new secure message.',
      '',
      `Sign in to read it: ${c.link}`,
      '',
      '—',
      WHY,
      'For privacy this e-mail never includes the message or who it is about; sign in to see it.',
    ].join('\n');
    const html = `<!doctype html>
<html><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
<p>You have a new secure message.</p>
<p><a href="${escapeHtml(c.link)}" style="display: inline-block; padding: 8px 16px; background: #1f6feb; color: #fff; text-decoration: none; border-radius: 4px">Read it in Claimline</a></p>
<hr style="border: none; border-top: 1px solid #e4e7eb">
<p style="font-size: 12px; color: #616e7c">${escapeHtml(WHY)}<br>For privacy this e-mail never includes the message or who it is about; sign in to see it.</p>
</body></html>`;
    return { subject: 'You have a new secure message', text, html };
  },
};
