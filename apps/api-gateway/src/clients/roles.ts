import type { Role } from '@claimline/contracts/common';
import { PAYER_EDITOR_ROLES } from '@claimline/contracts/client-insurance';

/**
 * Who may create and change clients, policies and authorizations: staff who bill (admin,
 * billing_staff) and the practice's own people (practice_owner, clinician — clinicians maintain
 * their clients' details). Today that is every role; it is spelled out so that a role added
 * later (e.g. a read-only auditor) does not get write access by default. Reads are open to
 * every signed-in role; the service scopes them to the actor's practices.
 */
export const CLIENT_EDITOR_ROLES: Role[] = ['admin', 'billing_staff', 'practice_owner', 'clinician'];

/** The payer directory is shared by every practice: only admins and billing staff edit it. */
export const PAYER_EDITORS: Role[] = [...PAYER_EDITOR_ROLES];
