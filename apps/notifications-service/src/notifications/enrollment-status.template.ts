import type { EnrollmentStatusChangedEvent } from '@claimline/contracts/enrollments';
import { EmailTemplate, headerSafe, layout } from './templates';

/** The statuses that warrant an e-mail. */
export const EMAILED_ENROLLMENT_STATUSES = ['accepted', 'rejected', 'document_required'] as const;
export type EmailedEnrollmentStatus = (typeof EMAILED_ENROLLMENT_STATUSES)[number];

export interface EnrollmentStatusContext {
  practiceName: string;
  payerName: string;
  enrollmentType: EnrollmentStatusChangedEvent['type'];
  status: EmailedEnrollmentStatus;
  link: string;
}

const TYPE_LABEL: Record<EnrollmentStatusChangedEvent['type'], string> = {
  claim_filing: 'claim filing',
  payment_reports: 'payment reports (ERA)',
};

/**
 * Built from the event field by field: the payer and the enrollment type only. `reason` (free
 * text from the payer or staff) and `changedBy` are left out on purpose — they could name a client.
 */
export function isEmailedEnrollmentChange(data: EnrollmentStatusChangedEvent): boolean {
  return (EMAILED_ENROLLMENT_STATUSES as readonly string[]).includes(data.to) && data.from !== data.to;
}

export function enrollmentStatusContext(
  data: EnrollmentStatusChangedEvent,
  practiceName: string,
  consoleUrl: string,
): EnrollmentStatusContext {
  return {
    practiceName,
    payerName: data.payerName,
    enrollmentType: data.type,
    status: data.to as EmailedEnrollmentStatus,
    link: `${consoleUrl.replace(/\/+$/, '')}/practices/${encodeURIComponent(data.practiceId)}/enrollments`,
  };
}

export const enrollmentStatusTemplate: EmailTemplate<EnrollmentStatusContext> = {
  name: 'enrollment-status',
  render(c) {
    const payer = headerSafe(c.payerName);
    const type = TYPE_LABEL[c.enrollmentType];
    const why =
      'You get this e-mail because you are an owner or the contact address of this practice in Claimline. Owners can turn it off in the notification settings.';
    switch (c.status) {
      case 'accepted':
        return {
          subject: `Your ${type} enrollment with ${payer} was accepted`,
          ...layout({
            practiceName: c.practiceName,
            lines: [
              `Good news: ${payer} accepted your ${type} enrollment.`,
              c.enrollmentType === 'claim_filing'
                ? `You can now send claims to ${payer} electronically.`
                : `${payer} will now send you payment reports electronically.`,
            ],
            linkText: 'See your enrollments',
            link: c.link,
            why,
          }),
        };
      case 'rejected':
        return {
          subject: `Your ${type} enrollment with ${payer} was rejected`,
          ...layout({
            practiceName: c.practiceName,
            lines: [`${payer} rejected your ${type} enrollment — sign in to see the reason and resubmit.`],
            linkText: 'See the enrollment',
            link: c.link,
            why,
          }),
        };
      case 'document_required':
        return {
          subject: `An enrollment with ${payer} needs a document`,
          ...layout({
            practiceName: c.practiceName,
            lines: [
              `An enrollment with ${payer} needs a document — sign in to see it.`,
              'The enrollment stays on hold until the document is uploaded.',
            ],
            linkText: 'See what is needed',
            link: c.link,
            why,
          }),
        };
    }
  },
};
