import type { UnbilledReason } from '@claimline/contracts/claims';
import type {
  AuthorizationView,
  ClientCoverage,
  ClientMissingInfo,
} from '@claimline/contracts/client-insurance';
import type { ReadinessItem } from '@claimline/contracts/practice-settings';
import { checkDiagnosisCode } from '@claimline/reference-data';

/** What the reasons of one appointment are computed from (each fetched in bulk for a page). */
export interface ReasonFacts {
  appointment: {
    id: string;
    practiceId: string;
    clientId: string;
    renderingTeamMemberId: string;
    serviceDate: string;
    /** Undotted ICD-10-CM codes. */
    diagnoses: string[];
  };
  /** Null when client-insurance does not know the client in this practice any more. */
  missingInfo: ClientMissingInfo | null;
  coverage: ClientCoverage | null;
  /** Practice settings' own checklist of the appointment's practice. */
  practiceItems: readonly ReadinessItem[];
}

const PS = 'practice-settings.';
/** Checklist items that do not block a claim: Secure Messaging, and "clinicians on the team" (this one has one). */
const NOT_FOR_CLAIMS = new Set([`${PS}secure-messaging`, `${PS}team`]);
const PERSONAL_NPI = `${PS}personal-npi.`;

/**
 * Everything that keeps a claim from being made for the appointment, in a biller's words, each
 * with the record that fixes it. Empty means ready. Order: the client and their insurance, the
 * authorization, the clinician, the practice, the appointment itself.
 */
export function unbilledReasons(f: ReasonFacts): UnbilledReason[] {
  return [...clientReasons(f), ...authorizationReasons(f), ...practiceReasons(f), ...diagnosisReasons(f)];
}

function clientReasons({ appointment: a, missingInfo, coverage }: ReasonFacts): UnbilledReason[] {
  if (!missingInfo)
    return [
      {
        code: 'client.not_found',
        message: 'The client is no longer a client of this practice',
        fix: { target: 'appointment', id: a.id, field: 'clientId' },
      },
    ];
  return missingInfo.missing.map((item) => {
    // `insurance.primary.memberId` belongs to the primary policy when there is one; the rest to the client.
    const onPolicy = /^insurance\.primary\.(.+)$/.exec(item.field);
    if (onPolicy && coverage)
      return {
        code: `policy.${onPolicy[1]}`,
        message: item.message,
        fix: { target: 'policy', id: coverage.policyId, field: onPolicy[1] },
      };
    return {
      code: `client.${item.field}`,
      message: item.message,
      fix: { target: 'client', id: a.clientId, field: item.field },
    };
  });
}

/**
 * When the client's primary policy has authorizations on file, the payer wants one for these
 * visits: one must be active, cover the date of service and have a visit left. A policy with none
 * on file is not flagged (the payer directory does not say which payers require one).
 */
function authorizationReasons({ appointment: a, coverage }: ReasonFacts): UnbilledReason[] {
  if (!coverage || coverage.authorizations.length === 0) return [];
  const auths = coverage.authorizations;
  const date = a.serviceDate;
  const covers = (x: AuthorizationView) => x.validFrom <= date && date <= x.validTo;
  if (auths.some((x) => x.active && covers(x) && x.usesRemaining > 0)) return [];
  const dated = auths.filter(covers);
  const usedUp = dated.find((x) => x.active && x.usesRemaining <= 0);
  if (usedUp)
    return [
      {
        code: 'authorization.used_up',
        message: `Authorization ${usedUp.number} has no visits left (${usedUp.usesConsumed} of ${usedUp.usesAuthorized} used): add visits or a new authorization`,
        fix: { target: 'authorization', id: usedUp.id, field: 'usesAuthorized' },
      },
    ];
  const inactive = dated.find((x) => !x.active);
  if (inactive)
    return [
      {
        code: 'authorization.inactive',
        message: `Authorization ${inactive.number} covers ${date} but is marked inactive`,
        fix: { target: 'authorization', id: inactive.id, field: 'active' },
      },
    ];
  const ended = auths.filter((x) => x.validTo < date).sort((x, y) => (x.validTo < y.validTo ? 1 : -1))[0];
  if (ended)
    return [
      {
        code: 'authorization.expired',
        message: `${coverage.payer.name} needs a prior authorization: ${ended.number} ended on ${ended.validTo}, before this visit on ${date}`,
        fix: { target: 'authorization', id: ended.id, field: 'validTo' },
      },
    ];
  return [
    {
      code: 'authorization.missing',
      message: `${coverage.payer.name} needs a prior authorization and none on file covers ${date}`,
      fix: { target: 'policy', id: coverage.policyId, field: 'authorizations' },
    },
  ];
}

function practiceReasons({ appointment: a, practiceItems }: ReasonFacts): UnbilledReason[] {
  const reasons: UnbilledReason[] = [];
  for (const item of practiceItems) {
    if (item.status !== 'missing' || NOT_FOR_CLAIMS.has(item.key)) continue;
    if (item.key.startsWith(PERSONAL_NPI)) {
      // Only this appointment's clinician matters to its claim.
      if (item.key !== `${PERSONAL_NPI}${a.renderingTeamMemberId}`) continue;
      reasons.push({
        code: 'clinician.npi',
        message: item.missing[0]?.label ?? item.title,
        fix: { target: 'team_member', id: a.renderingTeamMemberId, field: 'npi' },
      });
      continue;
    }
    for (const missing of item.missing) {
      const member = /^teamMembers\.([0-9a-f-]{36})\.(.+)$/.exec(missing.field);
      reasons.push({
        code: `practice.${item.key.slice(PS.length)}`,
        message: missing.label,
        fix: member
          ? { target: 'team_member', id: member[1], field: member[2] }
          : { target: 'practice', id: a.practiceId, field: missing.field },
      });
    }
  }
  return reasons;
}

function diagnosisReasons({ appointment: a }: ReasonFacts): UnbilledReason[] {
  if (a.diagnoses.length === 0)
    return [
      {
        code: 'appointment.diagnoses_missing',
        message: 'No diagnosis is recorded for this appointment',
        fix: { target: 'appointment', id: a.id, field: 'diagnoses' },
      },
    ];
  return a.diagnoses.flatMap((code, i) => {
    const checked = checkDiagnosisCode(code, a.serviceDate);
    return checked.ok
      ? []
      : checked.problems.map((p) => ({
          code: `appointment.${p.code}`,
          message: p.message,
          fix: { target: 'appointment' as const, id: a.id, field: `diagnoses.${i}` },
        }));
  });
}
