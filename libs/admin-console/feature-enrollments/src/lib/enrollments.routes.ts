import { Routes } from '@angular/router';
import { EnrollmentDetailPage } from './enrollment-detail.page';
import { EnrollmentsPage } from './enrollments.page';

/** Mounted by the app at `practices/:practiceId/enrollments` (the practice id is read from that parent route). */
export const ENROLLMENTS_ROUTES: Routes = [
  { path: '', component: EnrollmentsPage, title: 'Enrollments · Claimline' },
  { path: ':enrollmentId', component: EnrollmentDetailPage, title: 'Enrollment · Claimline' },
];
