import { Routes } from '@angular/router';

// Mounted at /admin for administrators only (the app's canMatch guard).
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: 'Users · Claimline',
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'audit',
    title: 'Audit log · Claimline',
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'emails',
    title: 'E-mails · Claimline',
    loadComponent: () => import('./emails/emails.page').then((m) => m.EmailsPage),
  },
];
