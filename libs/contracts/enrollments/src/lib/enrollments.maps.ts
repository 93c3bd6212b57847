import {
  ActOnEnrollmentCommand,
  ClaimFilingCheck,
  EnrollCommand,
  EnrollmentHistoryEntry,
  EnrollmentPreview,
  EnrollmentRefDto,
  EnrollmentView,
  EraCheck,
  IdentityCheckQuery,
  PracticeEnrollmentsQuery,
  PreviewEnrollmentQuery,
} from './dto/enrollment.dto';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface EnrollmentsRpc {
  'enrollments.enrollment.list': { request: PracticeEnrollmentsQuery; response: { items: EnrollmentView[] } };
  'enrollments.enrollment.preview': { request: PreviewEnrollmentQuery; response: EnrollmentPreview };
  'enrollments.enrollment.enroll': { request: EnrollCommand; response: EnrollmentView };
  'enrollments.enrollment.get': { request: EnrollmentRefDto; response: EnrollmentView };
  'enrollments.enrollment.act': { request: ActOnEnrollmentCommand; response: EnrollmentView };
  'enrollments.enrollment.history': {
    request: EnrollmentRefDto;
    response: { items: EnrollmentHistoryEntry[] };
  };
  'enrollments.claim-filing.check': { request: IdentityCheckQuery; response: ClaimFilingCheck };
  'enrollments.era.check': { request: IdentityCheckQuery; response: EraCheck };
  'enrollments.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}
