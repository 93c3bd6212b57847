import type { EventEnvelope } from '@claimline/contracts/common';
import { EnrollmentsEventTypes, type EnrollmentStatusChangedEvent } from '@claimline/contracts/enrollments';
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
      new Map([['enrollments', [EnrollmentsEventTypes.statusChanged]]]),
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
  });
});
