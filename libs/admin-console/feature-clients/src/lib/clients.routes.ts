import { Routes } from '@angular/router';
import { unsavedChangesGuard } from '@claimline/admin-console/ui-common';
import { ClientInsurancePage } from './client-insurance.page';
import { ClientListPage } from './client-list.page';
import { ClientNewPage } from './client-new.page';
import { ClientPage } from './client.page';
import { ClientProfilePage } from './client-profile.page';

/**
 * Mounted at `/practices/:practiceId/clients`. The client tabs match the API's missing-info
 * `fixAt` routes (`/clients/{id}/profile`, `/clients/{id}/insurance`) under the practice.
 */
export const CLIENTS_ROUTES: Routes = [
  { path: '', component: ClientListPage, title: 'Clients · Claimline' },
  {
    path: 'new',
    component: ClientNewPage,
    canDeactivate: [unsavedChangesGuard],
    title: 'Add client · Claimline',
  },
  {
    path: ':clientId',
    component: ClientPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'profile' },
      {
        path: 'profile',
        component: ClientProfilePage,
        canDeactivate: [unsavedChangesGuard],
        title: 'Client profile · Claimline',
      },
      { path: 'insurance', component: ClientInsurancePage, title: 'Client insurance · Claimline' },
    ],
  },
];
