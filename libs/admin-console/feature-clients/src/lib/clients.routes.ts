import { Routes } from '@angular/router';

export const CLIENTS_ROUTES: Routes = [];
