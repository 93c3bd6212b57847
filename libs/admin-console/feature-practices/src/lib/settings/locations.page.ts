import { ChangeDetectionStrategy, Component } from '@angular/core';

// Placeholder until the page is built.
@Component({
  selector: 'cl-locations-page',
  template: '<h2>Office locations</h2>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationsPage {}
