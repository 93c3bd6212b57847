import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { AppointmentImportController } from './appointment-import.controller';
import { AppointmentsController } from './appointments.controller';
import { ClaimsController } from './claims.controller';
import { ClaimStatusInquiryController } from './claim-status-inquiry.controller';
import { FiledOutsideController } from './filed-outside.controller';
import { FeeScheduleController } from './fee-schedule.controller';
import { UnbilledController } from './unbilled.controller';
import { AdminClearinghouseController, SubmissionController } from './submission.controller';

/**
 * Appointments and the fee schedule (claims-service).
 *
 * Routes (under /api/v1), practice-scoped like the clients routes:
 * - `GET|POST /practices/{practiceId}/appointments`, `GET|PATCH /practices/{practiceId}/appointments/{appointmentId}`
 * - `GET|PUT /practices/{practiceId}/fee-schedule`
 * - `POST /practices/{practiceId}/appointments/import/preview` and `…/import/commit` — a
 *   `multipart/form-data` form with the CSV in a part `file` (≤ 512 KB, UTF-8; 413 over it, 415 for
 *   another body, 422 on `file` for a file that cannot be read); `commit` takes `fromRow`/`toRow` fields
 * - `GET|POST /practices/{practiceId}/claims`, `GET /practices/{practiceId}/claims/{claimId}`,
 *   `POST …/claims/{claimId}/scrub|void`, `GET …/claims/{claimId}/cms1500|837p`, `POST …/claims/837p`,
 *   `GET|POST …/claims/{claimId}/payer-status` (the payer's last answer / ask now, 276 → 277)
 * - `POST /practices/{practiceId}/appointments/{appointmentId}/file-outside`
 * - `GET /practices/{practiceId}/unbilled-appointments`, `GET /unbilled-appointments` (across the
 *   user's practices), `PUT /practices/{practiceId}/appointments/{appointmentId}/billing-type` (the
 *   self-pay switch) and `GET …/billing-type-changes`: admin, billing_staff and practice_owner
 * - submission (ADR 0023): `POST /practices/{practiceId}/claim-submissions`, `GET …/submission-batches`,
 *   `GET …/rejected-claims`, `GET …/claims/{claimId}/submissions`; admins: `GET
 *   /admin/clearinghouse/unmatched-responses` and `GET /admin/clearinghouse/accounts`
 *
 * Roles: every role of the practice reads and records appointments (clinicians record their own
 * sessions; the service does not yet limit a clinician to the appointments they rendered). The fee
 * schedule is read by every role and replaced by admin, billing_staff and practice_owner. Every
 * route is audited (appointments are PHI). Claims are read by every role and made, re-scrubbed and
 * voided by admin, billing_staff and practice_owner (`CLAIM_EDITOR_ROLES`); the CMS-1500 and 837P
 * downloads are audited as `claim_file` reads.
 */
@Module({
  controllers: [
    AppointmentImportController,
    AppointmentsController,
    FeeScheduleController,
    ClaimsController,
    ClaimStatusInquiryController,
    FiledOutsideController,
    UnbilledController,
    SubmissionController,
    AdminClearinghouseController,
  ],
  providers: [...RPC_PROVIDERS],
})
export class ClaimsModule {}
