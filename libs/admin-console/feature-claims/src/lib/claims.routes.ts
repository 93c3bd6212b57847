import { Routes } from '@angular/router';
import { BillingNamesStore } from './billing-names.store';
import { ClaimDetailPage } from './claim-detail.page';
import { ClaimListPage } from './claim-list.page';
import { UnbilledPage } from './unbilled.page';

/** Mounted at `/practices/:practiceId/claims`. */
export const CLAIMS_ROUTES: Routes = [
  {
    path: '',
    providers: [BillingNamesStore],
    children: [
      { path: '', component: ClaimListPage, title: 'Claims · Claimline' },
      { path: ':claimId', component: ClaimDetailPage, title: 'Claim · Claimline' },
    ],
  },
];

/** Mounted at `/unbilled` (across the user's practices) and `/practices/:practiceId/unbilled`. */
export const UNBILLED_ROUTES: Routes = [
  {
    path: '',
    providers: [BillingNamesStore],
    component: UnbilledPage,
    title: 'Unbilled appointments · Claimline',
  },
];
