import { BaseServiceEnv } from '@claimline/backend/util-config';

/** No variables of its own yet: everything it needs is shared by every service. */
export class ClaimsEnv extends BaseServiceEnv {}

export const SERVICE_NAME = 'claims';
export const SCHEMA = 'claims';
