import { Routes } from '@angular/router';
import { unsavedChangesGuard } from '@claimline/admin-console/ui-common';
import { AppointmentEditPage } from './appointment-edit.page';
import { AppointmentImportPage } from './appointment-import.page';
import { AppointmentListPage } from './appointment-list.page';
import { PracticePeopleStore } from './practice-people.store';

/** Mounted at `/practices/:practiceId/appointments`. */
export const APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [PracticePeopleStore],
    children: [
      { path: '', component: AppointmentListPage, title: 'Appointments · Claimline' },
      {
        path: 'new',
        component: AppointmentEditPage,
        canDeactivate: [unsavedChangesGuard],
        title: 'Add appointment · Claimline',
      },
      { path: 'import', component: AppointmentImportPage, title: 'Import appointments · Claimline' },
      {
        path: ':appointmentId',
        component: AppointmentEditPage,
        canDeactivate: [unsavedChangesGuard],
        title: 'Appointment · Claimline',
      },
    ],
  },
];
