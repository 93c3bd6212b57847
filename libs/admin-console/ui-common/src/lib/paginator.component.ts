import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import type { ListPaging } from './list-paging';

/** The footer of a paged list: `mat-paginator` bound to a `ListPaging`, named for screen readers. */
@Component({
  selector: 'cl-paginator',
  imports: [MatPaginatorModule],
  template: `<mat-paginator
    [length]="paging().total()"
    [pageSize]="paging().limit()"
    [pageIndex]="paging().pageIndex()"
    [pageSizeOptions]="paging().sizes"
    [hidePageSize]="paging().sizes.length < 2"
    [showFirstLastButtons]="true"
    (page)="page.emit($event)"
    [attr.aria-label]="label()"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaginatorComponent {
  readonly paging = input.required<ListPaging>();
  /** "Pages of clients". */
  readonly label = input.required<string>();
  readonly page = output<PageEvent>();
}
