import { SetMetadata } from '@nestjs/common';

import type { AuditAction, AuditResource } from '@claimline/contracts/gateway';

export interface AuditSpec {
  resource: AuditResource;
  action: AuditAction;
  /** Route parameter holding the resource id; for `create` the id is taken from the response. */
  idParam?: string;
}

export const AUDIT = 'claimline:audit';

/** Every read or change of practice or client data is recorded: who, what, which record, when, outcome. */
export const Audit = (spec: AuditSpec) => SetMetadata(AUDIT, spec);
