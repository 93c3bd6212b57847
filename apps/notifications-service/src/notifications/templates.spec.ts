import type { EventEnvelope } from '@claimline/contracts/common';
import { EnrollmentsEventTypes, type EnrollmentStatusChangedEvent } from '@claimline/contracts/enrollments';
import { MessagingEventTypes, type MessagingEvents } from '@claimline/contracts/messaging';
import { consumersPlan, durableFor } from './notifications.consumer';
import { NOTIFICATION_REGISTRY } from './registry';
import { escapeHtml } from './templates';

const practiceId = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
// Things that must never reach an e-mail, planted in every free-text field of the event.
const PHI = ['Jane Doe', 'W123456789', 'F41.1', 'generalized anxiety'];

function event(
  to: EnrollmentStatusChangedEvent['to'],
  from: EnrollmentStatusChangedEvent['from'] = 'submitted',
): EventEnvelope<EnrollmentStatusChangedEvent> {
  return {
    id: 'e1',
    type: EnrollmentsEventTypes.statusChanged,
    occurredAt: '2026-11-27T10:00:00Z',
    aggregateId: 'enr-1',
    practiceId,
    actorId: 'staff-1',
    data: {
      enrollmentId: 'enr-1',
      practiceId,
      payerId: 'p-1',
      payerName: 'Aetna',
      type: 'claim_filing',
      from,
      to,
      reason: `Claim for Jane Doe (member W123456789, dx F41.1 generalized anxiety) — send the W-9`,
      changedBy: 'Jane Doe',
      changedAt: '2026-11-27T10:00:00Z',
    },
  };
}

const rule = NOTIFICATION_REGISTRY[EnrollmentsEventTypes.statusChanged];
const render = (e: EventEnvelope<EnrollmentStatusChangedEvent>) =>
  rule.template.render(
    rule.context(e, { practiceName: 'Calm Minds <Group>', consoleUrl: 'https://console.example.com/' }),
  );

describe('enrollment status e-mails', () => {
  it('e-mails accepted, rejected and document_required, nothing else', () => {
    expect(['accepted', 'rejected', 'document_required'].map((s) => rule.applies(event(s as never)))).toEqual(
      [true, true, true],
    );
    expect(
      ['submitted', 'enroll', 'not_required', 'no_clients_on_file', 'not_supported'].some((s) =>
        rule.applies(event(s as never)),
      ),
    ).toBe(false);
    expect(rule.applies(event('accepted', 'accepted'))).toBe(false);
  });

  it('says what happened with which payer and links to the console — and carries no PHI', () => {
    const doc = render(event('document_required'));
    expect(doc.subject).toBe('An enrollment with Aetna needs a document');
    expect(doc.text).toContain('An enrollment with Aetna needs a document — sign in to see it.');
    expect(doc.text).toContain(`https://console.example.com/practices/${practiceId}/enrollments`);
    expect(doc.html).toContain(`href="https://console.example.com/practices/${practiceId}/enrollments"`);
    expect(render(event('accepted')).subject).toBe('Your claim filing enrollment with Aetna was accepted');
    expect(render(event('rejected')).text).toContain('sign in to see the reason and resubmit');
    for (const status of ['accepted', 'rejected', 'document_required'] as const) {
      const all = JSON.stringify(render(event(status)));
      for (const phi of PHI) expect(all).not.toContain(phi);
    }
  });

  it('escapes names in the HTML part and keeps them readable in the text part', () => {
    const doc = render(event('accepted'));
    expect(doc.html).toContain('Hello Calm Minds &lt;Group&gt;,');
    expect(doc.text).toContain('Hello Calm Minds <Group>,');
    expect(escapeHtml(`"<a href='x'>&"`)).toBe('&quot;&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });
});

describe('registry', () => {
  it('subscribes one durable consumer per producing service', () => {
    expect(consumersPlan(NOTIFICATION_REGISTRY)).toEqual(
      new Map([
        ['enrollments', [EnrollmentsEventTypes.statusChanged]],
        ['messaging', [MessagingEventTypes.unreadReminderDue]],
      ]),
    );
    expect(
      consumersPlan({ 'claims.claim.status-changed': rule, 'enrollments.enrollment.status-changed': rule }),
    ).toEqual(
      new Map([
        ['claims', ['claims.claim.status-changed']],
        ['enrollments', ['enrollments.enrollment.status-changed']],
      ]),
    );
    expect(durableFor('enrollments')).toBe('notifications-enrollments');
    expect(durableFor('messaging')).toBe('notifications-messaging');
  });
});

describe('unread secure message e-mails', () => {
  const threadId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
  const unread: EventEnvelope<MessagingEvents['messaging.unread-reminder.due']> = {
    id: 'e2',
    type: MessagingEventTypes.unreadReminderDue,
    occurredAt: '2026-12-03T10:00:00Z',
    aggregateId: threadId,
    practiceId,
    actorId: null,
    data: {
      practiceId,
      threadId,
      recipient: { userId: 'u-1', email: ' Biller@Example.COM ' },
      messageIds: ['m-1'],
    },
  };
  const messageRule = NOTIFICATION_REGISTRY[MessagingEventTypes.unreadReminderDue];

  it('goes to the one recipient the event names, under its own kind', async () => {
    expect(messageRule.kind).toBe('secure-message');
    expect(await messageRule.recipients(null as never, practiceId, unread)).toEqual([
      { email: 'biller@example.com', sources: ['participant'] },
    ]);
  });

  it('says only that a message waits, with a link to the thread — no name, no practice, no text', () => {
    const mail = messageRule.template.render(
      messageRule.context(unread, {
        practiceName: 'Calm Minds for Jane Doe',
        consoleUrl: 'https://console.example.com/',
      }),
    );
    expect(mail.subject).toBe('You have a new secure message');
    expect(mail.text).toContain('You have a new secure message.');
    expect(mail.text).toContain(`https://console.example.com/practices/${practiceId}/messages/${threadId}`);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain('Jane Doe');
      expect(part).not.toContain('Calm Minds');
      expect(part.toLowerCase()).not.toContain('biller@example.com');
    }
  });
});
