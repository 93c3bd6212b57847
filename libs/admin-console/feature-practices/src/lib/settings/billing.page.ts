import { ChangeDetectionStrategy, Component } from '@angular/core';

// Placeholder until the page is built.
@Component({
  selector: 'cl-billing-page',
  template: '<h2>Billing profile</h2>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingPage {}
