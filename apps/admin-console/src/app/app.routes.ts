import { Routes } from '@angular/router';
import { hasRole, signedIn } from '@claimline/admin-console/data-access-core';
import {
  homeRedirect,
  LoginPage,
  NotFoundPage,
  ShellComponent,
} from '@claimline/admin-console/feature-shell';

// Every area is a lazily loaded feature library: the first page downloads only the shell.
export const routes: Routes = [
  { path: 'login', component: LoginPage, title: 'Sign in · Claimline' },
  {
    path: '',
    component: ShellComponent,
    canMatch: [signedIn],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      {
        path: 'practices/:practiceId/clients',
        loadChildren: () => import('@claimline/admin-console/feature-clients').then((m) => m.CLIENTS_ROUTES),
      },
      {
        path: 'practices/:practiceId/appointments',
        loadChildren: () =>
          import('@claimline/admin-console/feature-appointments').then((m) => m.APPOINTMENTS_ROUTES),
      },
      {
        path: 'practices/:practiceId/claims',
        loadChildren: () => import('@claimline/admin-console/feature-claims').then((m) => m.CLAIMS_ROUTES),
      },
      {
        path: 'practices/:practiceId/unbilled',
        loadChildren: () => import('@claimline/admin-console/feature-claims').then((m) => m.UNBILLED_ROUTES),
      },
      {
        path: 'unbilled',
        loadChildren: () => import('@claimline/admin-console/feature-claims').then((m) => m.UNBILLED_ROUTES),
      },
      {
        path: 'practices/:practiceId/enrollments',
        loadChildren: () =>
          import('@claimline/admin-console/feature-enrollments').then((m) => m.ENROLLMENTS_ROUTES),
      },
      {
        path: 'practices/:practiceId/messages',
        loadChildren: () =>
          import('@claimline/admin-console/feature-messages').then((m) => m.MESSAGES_ROUTES),
      },
      {
        path: 'practices',
        loadChildren: () =>
          import('@claimline/admin-console/feature-practices').then((m) => m.PRACTICES_ROUTES),
      },
      {
        path: 'admin',
        canMatch: [hasRole('admin')],
        loadChildren: () => import('@claimline/admin-console/feature-admin').then((m) => m.ADMIN_ROUTES),
      },
      { path: '**', component: NotFoundPage, title: 'Not found · Claimline' },
    ],
  },
];
