import { Routes } from '@angular/router';

export const PRACTICES_ROUTES: Routes = [];
