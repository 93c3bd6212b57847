import type { UsersApi } from '@claimline/admin-console/data-access-admin';
import { toProblem } from '@claimline/admin-console/data-access-core';
import type { UserView } from '@claimline/contracts/gateway';
import type { PracticePick } from '../shared/practice-field.component';

/**
 * Gives a user who has just become billing staff the practices picked in the same dialog. The
 * account is saved already: a refusal here is returned as words for the page to show, not thrown.
 */
export async function assignStaffPractices(
  users: UsersApi,
  user: UserView,
  practices: PracticePick[],
): Promise<{ user: UserView; assignError?: string }> {
  if (user.role !== 'billing_staff' || !practices.length) return { user };
  try {
    const done = await users.assignPractices(
      user.id,
      practices.map((p) => p.id),
    );
    return { user: { ...user, practiceIds: done.practiceIds } };
  } catch (e) {
    return { user, assignError: toProblem(e).detail };
  }
}
