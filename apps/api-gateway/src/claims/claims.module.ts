import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { AppointmentsController } from './appointments.controller';
import { FeeScheduleController } from './fee-schedule.controller';
import { UnbilledController } from './unbilled.controller';

/**
 * Appointments and the fee schedule (claims-service).
 *
 * Routes (under /api/v1), practice-scoped like the clients routes:
 * - `GET|POST /practices/{practiceId}/appointments`, `GET|PATCH /practices/{practiceId}/appointments/{appointmentId}`
 * - `GET|PUT /practices/{practiceId}/fee-schedule`
 * - `GET /practices/{practiceId}/unbilled-appointments`, `GET /unbilled-appointments` (across the
 *   user's practices), `PUT /practices/{practiceId}/appointments/{appointmentId}/billing-type` (the
 *   self-pay switch) and `GET …/billing-type-changes`: admin, billing_staff and practice_owner
 *
 * Roles: every role of the practice reads and records appointments (clinicians record their own
 * sessions; the service does not yet limit a clinician to the appointments they rendered). The fee
 * schedule is read by every role and replaced by admin, billing_staff and practice_owner. Every
 * route is audited (appointments are PHI).
 */
@Module({
  controllers: [AppointmentsController, FeeScheduleController, UnbilledController],
  providers: [...RPC_PROVIDERS],
})
export class ClaimsModule {}
