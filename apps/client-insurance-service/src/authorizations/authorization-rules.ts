import type { AuthorizationWarning } from '@claimline/contracts/client-insurance';

export const ENDING_SOON_DAYS = 14;
export const FEW_USES_LEFT = 2;

export interface AuthorizationFacts {
  number: string;
  usesAuthorized: number;
  usesConsumed: number;
  validFrom: string;
  validTo: string;
  active: boolean;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function usesRemaining(a: Pick<AuthorizationFacts, 'usesAuthorized' | 'usesConsumed'>): number {
  return Math.max(0, a.usesAuthorized - a.usesConsumed);
}

/** Closed date ranges [from, to] share at least one day. */
export function rangesOverlap(
  a: { validFrom: string; validTo: string },
  b: { validFrom: string; validTo: string },
): boolean {
  return a.validFrom <= b.validTo && b.validFrom <= a.validTo;
}

/** What to tell staff about an authorization on `today`: expired, exhausted, or nearly so. */
export function authorizationWarnings(a: AuthorizationFacts, today: string): AuthorizationWarning[] {
  const warnings: AuthorizationWarning[] = [];
  const remaining = usesRemaining(a);
  const daysLeft = daysBetween(today, a.validTo);
  if (!a.active)
    warnings.push({
      code: 'inactive',
      message: `Authorization ${a.number} is not active; claims will not use it`,
    });
  if (today < a.validFrom) {
    warnings.push({ code: 'not_yet_valid', message: `Authorization ${a.number} starts on ${a.validFrom}` });
  }
  if (daysLeft < 0) {
    warnings.push({
      code: 'expired',
      message: `Authorization ${a.number} expired on ${a.validTo}; ask the payer for a new one before the next session`,
    });
  } else if (daysLeft <= ENDING_SOON_DAYS) {
    const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
    warnings.push({
      code: 'ending_soon',
      message: `Authorization ${a.number} ends on ${a.validTo} (${when})`,
    });
  }
  if (remaining === 0) {
    warnings.push({
      code: 'exhausted',
      message: `All ${a.usesAuthorized} authorized visits of authorization ${a.number} are used`,
    });
  } else if (remaining <= FEW_USES_LEFT) {
    warnings.push({
      code: 'few_uses_left',
      message: `Only ${remaining} of ${a.usesAuthorized} authorized visits ${remaining === 1 ? 'is' : 'are'} left on authorization ${a.number}`,
    });
  }
  return warnings;
}

/** Why one more use cannot be counted, or null. Dates are not checked: a claim may be for an earlier session. */
export function consumeProblem(a: AuthorizationFacts): string | null {
  if (!a.active) return `Authorization ${a.number} is not active`;
  if (usesRemaining(a) === 0)
    return `All ${a.usesAuthorized} authorized visits of authorization ${a.number} are used`;
  return null;
}
