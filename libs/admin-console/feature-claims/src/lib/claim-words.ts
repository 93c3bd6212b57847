import type { ClaimFindingView, ClaimHistoryView, UnbilledReason } from '@claimline/contracts/claims/plain';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@claimline/domain';
import type { ChipTone } from '@claimline/admin-console/ui-common';

export { CLAIM_STATUS_LABELS, CLAIM_STATUS_WORDS, CLAIM_VOID_REASON_LABELS } from '@claimline/domain';

/** The colour that helps a status's words: what needs the biller's hand is amber or red. */
export const CLAIM_STATUS_TONES: Readonly<Record<ClaimStatus, ChipTone>> = {
  prepared: 'info',
  downloaded: 'neutral',
  scrub: 'warning',
  submitted: 'info',
  received: 'info',
  rejected: 'danger',
  accepted: 'success',
  paid: 'success',
  denied: 'danger',
  deductible: 'warning',
  void: 'neutral',
};

/** Where a fix link takes the biller: the route, `?focus=<field>` when a field is named, and words. */
export interface FixLink {
  commands: string[];
  queryParams: { focus: string } | null;
  /** "Open the client's profile", for the link's text. */
  label: string;
}

/** What an unbilled reason or a scrub finding names to fix. */
type Fix = UnbilledReason['fix'] | ClaimFindingView['fix'];

/** The practice setting a readiness field lives on (`billingProfile.taxId` → the billing profile). */
function practiceSettingsPage(field: string): [string, string] {
  if (field.startsWith('billingProfile')) return ['billing', 'Open the billing profile'];
  if (field.startsWith('locations')) return ['locations', 'Open the office locations'];
  if (field.startsWith('teamMembers')) return ['team-members', 'Open the team members'];
  if (field.startsWith('feeSchedule')) return ['fee-schedule', 'Open the fee schedule'];
  if (field.includes('secureMessaging')) return ['secure-messaging', 'Open secure messaging'];
  return ['practice-details', 'Open the practice details'];
}

/**
 * The console page that fixes what an unbilled reason or a scrub finding names. A policy and an
 * authorization are kept on the client's insurance tab, so the client is needed for them.
 */
export function fixLink(practiceId: string, clientId: string, fix: Fix): FixLink {
  const p = ['/practices', practiceId];
  const field = fix.field ?? '';
  const focus = field ? { focus: field } : null;
  switch (fix.target) {
    case 'client':
      return field.startsWith('insurance')
        ? {
            commands: [...p, 'clients', clientId, 'insurance'],
            queryParams: null,
            label: 'Open the client’s insurance',
          }
        : {
            commands: [...p, 'clients', clientId, 'profile'],
            queryParams: focus,
            label: 'Open the client’s profile',
          };
    case 'policy':
      return {
        commands: [...p, 'clients', clientId, 'insurance'],
        queryParams: null,
        label: 'Open the client’s insurance',
      };
    case 'authorization':
      return {
        commands: [...p, 'clients', clientId, 'insurance'],
        queryParams: null,
        label: 'Open the client’s authorizations',
      };
    case 'team_member':
      return fix.id
        ? {
            commands: [...p, 'settings', 'team-members', fix.id],
            queryParams: focus,
            label: 'Open the clinician',
          }
        : { commands: [...p, 'settings', 'team-members'], queryParams: null, label: 'Open the team members' };
    case 'location':
      return {
        commands: [...p, 'settings', 'locations'],
        queryParams: null,
        label: 'Open the office locations',
      };
    case 'practice': {
      const [page, label] = practiceSettingsPage(field);
      return { commands: [...p, 'settings', page], queryParams: focus, label };
    }
    case 'appointment':
      return fix.id
        ? { commands: [...p, 'appointments', fix.id], queryParams: focus, label: 'Open the appointment' }
        : { commands: [...p, 'appointments'], queryParams: null, label: 'Open the appointments' };
    case 'enrollment':
      return { commands: [...p, 'enrollments'], queryParams: null, label: 'Open the enrollments' };
    case 'claim':
      return {
        commands: [...p, 'claims', ...(fix.id ? [fix.id] : [])],
        queryParams: null,
        label: 'Open the claim',
      };
  }
}

/** The timeline's words for a status change: the server's words when it gave them. */
export function historyWords(h: ClaimHistoryView): string {
  const to = CLAIM_STATUS_LABELS[h.to];
  const move = h.from ? `${CLAIM_STATUS_LABELS[h.from]} → ${to}` : `Created as ${to}`;
  return h.reason ? `${move}: ${h.reason}` : move;
}

/** "1 problem" / "3 problems" / "1 problem, 2 warnings" for a claim's scrub findings. */
export function findingCount(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'problem' : 'problems'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ') || 'No problems';
}

/** 16000 → "$160.00". */
export function money(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "2026-11-03" or "2026-11-03 – 2026-11-17". */
export function serviceDates(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}
