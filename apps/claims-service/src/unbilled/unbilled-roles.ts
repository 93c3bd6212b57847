import type { Role } from '@claimline/contracts/common';

/**
 * Who sees the unbilled list: those who bill for the practice and its owner. A clinician records
 * their sessions but does not work the billing queue (the list shows every clinician's sessions).
 */
export const UNBILLED_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];
