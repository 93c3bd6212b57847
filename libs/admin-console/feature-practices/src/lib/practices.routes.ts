import { Routes } from '@angular/router';
import { hasRole } from '@claimline/admin-console/data-access-core';
import { unsavedChangesGuard } from '@claimline/admin-console/ui-common';

/** Billing staff and admins work across practices; a practice's own people see only theirs. */
const acrossPractices = hasRole('admin', 'billing_staff');

/** Children of `/practices`. */
export const PRACTICES_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    // A practice owner has no list: `/` takes them to their own practice.
    canActivate: [acrossPractices],
    loadComponent: () => import('./practice-list.page').then((m) => m.PracticeListPage),
    title: 'Practices · Claimline',
  },
  {
    path: 'new',
    canDeactivate: [unsavedChangesGuard],
    canActivate: [acrossPractices],
    loadComponent: () => import('./practice-new.page').then((m) => m.PracticeNewPage),
    title: 'New practice · Claimline',
  },
  {
    path: ':practiceId',
    pathMatch: 'full',
    loadComponent: () => import('./practice-overview.page').then((m) => m.PracticeOverviewPage),
    title: 'Practice overview · Claimline',
  },
  {
    path: ':practiceId/settings',
    loadComponent: () => import('./settings/practice-settings.page').then((m) => m.PracticeSettingsPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'practice-details' },
      {
        path: 'practice-details',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/practice-details.page').then((m) => m.PracticeDetailsPage),
        title: 'Practice details · Claimline',
      },
      {
        path: 'team-members',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/team.page').then((m) => m.TeamPage),
        title: 'Team members · Claimline',
      },
      {
        path: 'team-members/:memberId',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/team.page').then((m) => m.TeamPage),
        title: 'Team member · Claimline',
      },
      {
        path: 'locations',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/locations.page').then((m) => m.LocationsPage),
        title: 'Office locations · Claimline',
      },
      {
        path: 'billing',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/billing.page').then((m) => m.BillingPage),
        title: 'Billing profile · Claimline',
      },
      {
        path: 'fee-schedule',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./settings/fee-schedule.page').then((m) => m.FeeSchedulePage),
        title: 'Fee schedule · Claimline',
      },
      {
        path: 'secure-messaging',
        loadComponent: () => import('./settings/secure-messaging.page').then((m) => m.SecureMessagingPage),
        title: 'Secure messaging · Claimline',
      },
    ],
  },
];
