import { ChangeDetectionStrategy, Component } from '@angular/core';

// Placeholder until the page is built.
@Component({
  selector: 'cl-team-page',
  template: '<h2>Team members</h2>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage {}
