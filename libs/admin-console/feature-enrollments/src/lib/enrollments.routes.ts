import { Routes } from '@angular/router';

export const ENROLLMENTS_ROUTES: Routes = [];
