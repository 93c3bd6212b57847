import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { EnrollmentsController } from './enrollments.controller';
import { PracticeEnrollmentsController } from './practice-enrollments.controller';

/**
 * Payer enrollments (enrollments-service).
 *
 * Routes (under /api/v1):
 * - `GET /practices/{practiceId}/enrollments`, `POST /practices/{practiceId}/enrollments` (+Enroll: `{ payerId, type }`),
 *   `GET /practices/{practiceId}/enrollments/preview?payerId=&type=`
 * - `GET|PATCH /enrollments/{enrollmentId}`, `GET /enrollments/{enrollmentId}/history`
 *
 * Roles: reads are open to every signed-in role, scoped by the service (another practice's
 * enrollment answers 404). +Enroll, the preview and PATCH are for admin, billing_staff and
 * practice_owner; the service refuses staff actions (accept, reject, require_document) to a
 * practice owner with 403. Every route is audited.
 *
 * Not exposed: `enrollments.claim-filing.check` and `enrollments.era.check` (claims ask over NATS).
 */
@Module({
  controllers: [PracticeEnrollmentsController, EnrollmentsController],
  providers: [...RPC_PROVIDERS],
})
export class EnrollmentsModule {}
