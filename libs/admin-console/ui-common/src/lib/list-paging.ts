import { computed, signal, type Signal, type WritableSignal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';

/** The page sizes a list offers, unless it names its own. */
export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

/** A page as the URL keeps it: `page` counts from 1, `size` is left out at the list's default. */
export interface PageParams {
  page: number | null;
  size: number | null;
}

/**
 * Where a paged list is: its page size and first row, and the total the server counted. Every list
 * of the console pages with one of these and shows it with `<cl-paginator>`; a list whose filters
 * live in the URL keeps its page there too, with `params()` and `fromParams()`.
 */
export class ListPaging {
  readonly limit: WritableSignal<number>;
  readonly offset = signal(0);
  readonly total = signal(0);
  readonly pageIndex: Signal<number>;

  constructor(
    readonly sizes: readonly number[] = PAGE_SIZES,
    readonly defaultSize: number = sizes.includes(50) ? 50 : sizes[0],
  ) {
    this.limit = signal(defaultSize);
    this.pageIndex = computed(() => Math.floor(this.offset() / this.limit()));
  }

  /** What the API is asked for. */
  request(): { limit: number; offset: number } {
    return { limit: this.limit(), offset: this.offset() };
  }

  /** The paginator moved: another page or another size (a new size starts where the page started). */
  turn(e: PageEvent): void {
    this.limit.set(this.sizes.includes(e.pageSize) ? e.pageSize : this.defaultSize);
    this.offset.set(e.pageIndex * this.limit());
  }

  /** Back to the first page (a new search or filter). */
  first(): void {
    this.offset.set(0);
  }

  /**
   * The total after a load. When the page asked for lies past the end (rows were removed since),
   * moves to the last page and answers true: the caller loads again.
   */
  counted(total: number, rowsOnPage: number): boolean {
    this.total.set(total);
    if (rowsOnPage > 0 || this.offset() === 0 || total === 0) return false;
    this.offset.set(Math.floor((total - 1) / this.limit()) * this.limit());
    return true;
  }

  /** The URL's form of this page (null leaves a parameter out). */
  params(e?: PageEvent): PageParams {
    const size = e ? e.pageSize : this.limit();
    const index = e ? e.pageIndex : this.pageIndex();
    return { page: index > 0 ? index + 1 : null, size: size === this.defaultSize ? null : size };
  }

  /** Reads `page` and `size` from the URL; a malformed or unknown value means the first page / default size. */
  fromParams(params: Record<string, unknown>): void {
    const size = Number(params['size']);
    const page = Number(params['page']);
    this.limit.set(this.sizes.includes(size) ? size : this.defaultSize);
    this.offset.set((Number.isInteger(page) && page > 1 ? page - 1 : 0) * this.limit());
  }
}
