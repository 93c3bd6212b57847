import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { AuthorizationsController } from './authorizations.controller';
import { ClientsController } from './clients.controller';
import { EligibilityController } from './eligibility.controller';
import { PayersController } from './payers.controller';
import { PoliciesController } from './policies.controller';

/**
 * Clients, insurance policies, prior authorizations and payers (client-insurance-service).
 *
 * Routes (under /api/v1):
 * - `GET|POST /practices/{practiceId}/clients`, `POST /practices/{practiceId}/clients/missing-info` (bulk, ≤ 1,000 ids),
 *   `GET|PATCH /practices/{practiceId}/clients/{clientId}`, `GET …/clients/{clientId}/missing-info`
 * - `GET|POST /practices/{practiceId}/clients/{clientId}/policies`, `GET|PATCH|DELETE /practices/{practiceId}/policies/{policyId}`
 * - `GET|POST /practices/{practiceId}/policies/{policyId}/authorizations`, `GET|PATCH /practices/{practiceId}/authorizations/{authorizationId}`
 * - `GET|POST /practices/{practiceId}/policies/{policyId}/eligibility` (last check / check now, `eligibility.controller.ts`)
 * - `GET /payers?search=&state=`, `GET /payers/{payerId}`, `POST /payers`, `PATCH /payers/{payerId}`
 *
 * Why the practice is in the path: every request of the client-insurance contract names its
 * `practiceId` (`ClientRefDto`, `PolicyRefDto`, `AuthorizationRefDto`…), and the service finds a
 * record by `(id, practiceId)` after checking the practice against the actor's scope. A flat
 * `/clients/{clientId}` would leave the gateway to guess the practice (one call per practice in
 * scope, and no bound at all for admins), so the practice id travels in the path instead; it
 * also gives every audit row its practice.
 *
 * Roles: reads are open to every signed-in role, scoped by the service (another practice's
 * record answers 404 like a missing one). Client, policy and authorization changes are for
 * admin, billing_staff, practice_owner and clinician (`CLIENT_EDITOR_ROLES`: clinicians maintain
 * their clients). Payer directory changes are for admin and billing_staff (`PAYER_EDITORS`).
 *
 * Audit: every route that reads or changes client data (clients, missing info, policies,
 * authorizations) is audited; payer reads are not (shared reference data, no PHI), payer changes are.
 *
 * Not exposed: `authorization.consume`/`.release` (claims call them over NATS) and
 * `policy.find-by-member-id`.
 */
@Module({
  controllers: [
    ClientsController,
    PoliciesController,
    AuthorizationsController,
    EligibilityController,
    PayersController,
  ],
  providers: [...RPC_PROVIDERS],
})
export class ClientsModule {}
