import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'cl-not-found-page',
  imports: [RouterLink],
  template: `<main class="cl-page">
    <h1>Page not found</h1>
    <p>This address does not lead anywhere. <a routerLink="/">Go to the start page</a>.</p>
  </main>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
