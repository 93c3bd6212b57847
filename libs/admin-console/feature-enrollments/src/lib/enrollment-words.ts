import { plural, type ChipTone } from '@claimline/admin-console/ui-common';
import type { EnrollmentStatus, EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { ENROLLMENT_STATUS_LABELS, ENROLLMENT_STATUSES, ENROLLMENT_TYPES } from '@claimline/domain';

export const TYPE_LABELS: Record<EnrollmentType, string> = {
  claim_filing: 'Claim filing',
  payment_reports: 'Payment reports',
};

export const STATUS_TONES: Record<EnrollmentStatus, ChipTone> = {
  not_required: 'success',
  enroll: 'info',
  no_clients_on_file: 'neutral',
  submitted: 'info',
  document_required: 'warning',
  accepted: 'success',
  rejected: 'danger',
  not_supported: 'neutral',
};

export function statusLabel(status: EnrollmentStatus): string {
  return ENROLLMENT_STATUS_LABELS[status];
}

/** What a status means for the practice, in one sentence (from the seed guide). */
export function statusHint(status: EnrollmentStatus, type: EnrollmentType): string {
  const claims = type === 'claim_filing';
  switch (status) {
    case 'not_required':
      return claims
        ? 'No enrollment needed: claims can be sent electronically right away.'
        : 'No enrollment needed: payment reports arrive by themselves.';
    case 'enroll':
      return claims
        ? 'This payer requires an enrollment before claims can be sent electronically: use +Enroll.'
        : 'This payer sends payment reports (ERAs) once you enroll: use +Enroll.';
    case 'no_clients_on_file':
      return 'Add this payer to a client’s insurance first, then come back to enroll.';
    case 'submitted':
      return 'Sent to the clearinghouse; waiting for the payer’s answer. You will get an e-mail.';
    case 'document_required':
      return 'The payer needs a document: open the enrollment, follow the instructions and attach it.';
    case 'accepted':
      return claims
        ? 'Accepted: claims to this payer go out electronically.'
        : 'Accepted: payment reports arrive electronically.';
    case 'rejected':
      return 'The payer refused it: read the reason, correct practice settings and enroll again.';
    case 'not_supported':
      return 'This payer does not send payment reports electronically: share your EOBs with the billing team.';
  }
}

/** Labels of history actions. */
export const ACTION_LABELS: Record<string, string> = {
  derive: 'Clients or payer requirements changed',
  submit: 'Enrollment sent (+Enroll)',
  accept: 'Accepted by the payer',
  reject: 'Rejected by the payer',
  require_document: 'Payer asked for a document',
  attach_document: 'Document attached',
};

export const STATUS_OPTIONS = ENROLLMENT_STATUSES.map((s) => ({
  value: s,
  label: ENROLLMENT_STATUS_LABELS[s],
}));

/**
 * Where a missing +Enroll field is entered, as a console route (the readiness checklist's routes):
 * `practice.*` → practice details, `billingProfile.*` → billing, `teamMembers.<id>.*` → that member.
 */
export function settingsRoute(practiceId: string, field: string): string {
  const settings = `/practices/${practiceId}/settings`;
  if (field.startsWith('billingProfile.')) return `${settings}/billing`;
  if (field.startsWith('practice.')) return `${settings}/practice-details`;
  const member = /^teamMembers\.([0-9a-f-]{36})\./.exec(field);
  if (member) return `${settings}/team-members/${member[1]}`;
  if (field.startsWith('teamMembers')) return `${settings}/team-members`;
  return settings;
}

/** One payer's line on the page: its enrollments of each type (several when the billing identity changed). */
export interface PayerEnrollments {
  payerId: string;
  payerName: string;
  byType: Record<EnrollmentType, EnrollmentView[]>;
}

/** The payer has to do with this practice: a client uses it, or an enrollment was made at some point. */
function dealsWith(items: EnrollmentView[]): boolean {
  return items.some(
    (i) => i.id !== null || (i.status !== 'no_clients_on_file' && i.status !== 'not_supported'),
  );
}

export function groupByPayer(items: EnrollmentView[]): { payer: PayerEnrollments; dealsWith: boolean }[] {
  const map = new Map<string, PayerEnrollments>();
  for (const item of items) {
    let p = map.get(item.payerId);
    if (!p) {
      p = {
        payerId: item.payerId,
        payerName: item.payerName,
        byType: { claim_filing: [], payment_reports: [] },
      };
      map.set(item.payerId, p);
    }
    p.byType[item.type].push(item);
  }
  return [...map.values()]
    .sort((a, b) => a.payerName.localeCompare(b.payerName))
    .map((payer) => ({ payer, dealsWith: dealsWith(ENROLLMENT_TYPES.flatMap((t) => payer.byType[t])) }));
}

/** For a file chosen to attach: what the documents service would refuse, in words, before uploading. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export function fileProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_DOCUMENT_BYTES)
    return `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`;
  const okType = ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type);
  const okName = /\.(pdf|jpe?g|jpe|png)$/i.test(file.name);
  if (!okType && !okName) return 'Only PDF, JPEG and PNG files are accepted.';
  return null;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
