import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { toProblem } from '@claimline/admin-console/data-access-core';
import { PracticesApi, type PlaceOfServiceOption } from '@claimline/admin-console/data-access-practices';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  formatAddress,
  LoadingComponent,
  RowActionsComponent,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import type { LocationView } from '@claimline/contracts/practice-settings';
import { LocationEditorComponent, TELEHEALTH_POS } from './location-editor.component';
import { RECORD_LIST_STYLES, RecordListPage } from './record-list.directive';

/**
 * Office locations of a practice: where clients are seen and the default place of service of
 * appointments there. `?focus=add` (or the readiness field `locations`) opens an empty form.
 */
@Component({
  selector: 'cl-locations-page',
  imports: [
    MatButtonModule,
    MatTableModule,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    RowActionsComponent,
    StatusChipComponent,
    LocationEditorComponent,
  ],
  template: `
    <section aria-labelledby="locations-heading">
      <div class="section-head">
        <div>
          <h2 id="locations-heading">Office locations</h2>
          <p class="intro">
            Where the practice sees clients. When services are performed somewhere other than the billing
            address, claims print the location in box 32.
          </p>
        </div>
        @if (canEdit() && !editing()) {
          <button mat-flat-button type="button" (click)="openNew()">Add location</button>
        }
      </div>

      <cl-error-banner [problem]="problem()" />

      @if (editing(); as e) {
        <cl-location-editor
          [practiceId]="practiceId() ?? ''"
          [record]="e.record"
          [focus]="e.focus"
          [placesOfService]="placesOfService()"
          (saved)="onSaved($event)"
          (cancelled)="close()"
        />
      }

      @if (loading()) {
        <cl-loading label="Loading office locations…" />
      } @else if (loaded()) {
        @if (items().length === 0) {
          @if (!editing()) {
            <cl-empty title="No office locations yet">
              <p>
                Add at least one location with its place of service (11 for an office, 02 or 10 for
                telehealth).
              </p>
              @if (canEdit()) {
                <button mat-stroked-button type="button" (click)="openNew()">Add the first location</button>
              }
            </cl-empty>
          }
        } @else {
          <div class="table-wrap">
            <table mat-table [dataSource]="items()" class="locations" aria-label="Office locations">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef>Name</th>
                <td mat-cell *matCellDef="let l">
                  <span class="name">{{ l.name }}</span>
                  @if (l.phone) {
                    <span class="sub">{{ l.phone }}</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="address">
                <th mat-header-cell *matHeaderCellDef>Address</th>
                <td mat-cell *matCellDef="let l">{{ line(l) }}</td>
              </ng-container>
              <ng-container matColumnDef="pos">
                <th mat-header-cell *matHeaderCellDef>Place of service</th>
                <td mat-cell *matCellDef="let l">
                  <span
                    ><span class="mono">{{ l.placeOfService }}</span> {{ l.placeOfServiceName }}</span
                  >
                  @if (isTelehealth(l)) {
                    <cl-status-chip label="Telehealth" tone="info" />
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef><span class="cl-visually-hidden">Actions</span></th>
                <td mat-cell *matCellDef="let l">
                  @if (canEdit()) {
                    <cl-row-actions [name]="l.name" (edit)="openEdit(l)" (remove)="remove(l)" />
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr
                mat-row
                *matRowDef="let l; columns: columns"
                [class.current]="editing()?.record?.id === l.id"
              ></tr>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: [
    RECORD_LIST_STYLES,
    `
      .locations {
        width: 100%;
        min-width: 640px;
      }
      .mono {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-weight: 600;
      }
      cl-status-chip {
        margin-left: 6px;
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationsPage extends RecordListPage<LocationView> {
  protected readonly editor = viewChild(LocationEditorComponent);
  private readonly practices = inject(PracticesApi);
  protected readonly placesOfService = signal<PlaceOfServiceOption[]>([]);
  protected readonly columns = ['name', 'address', 'pos', 'actions'];

  constructor() {
    super();
    effect(() => {
      const practiceId = this.practiceId();
      const focus = this.focus();
      untracked(() => void this.load(practiceId, focus));
    });
  }

  protected line(l: LocationView): string {
    return formatAddress(l.address);
  }

  protected isTelehealth(l: LocationView): boolean {
    return TELEHEALTH_POS.includes(l.placeOfService);
  }

  protected sort(list: LocationView[]): LocationView[] {
    return [...list].sort((a, b) => a.name.localeCompare(b.name));
  }

  protected nameOf(l: LocationView): string {
    return l.name;
  }

  protected removalNote(l: LocationView): string {
    return `New appointments can no longer be booked at ${l.name}. Claims already made keep their service facility.`;
  }

  protected delete(practiceId: string, l: LocationView): Promise<void> {
    return this.api.removeLocation(practiceId, l.id);
  }

  private async load(practiceId: string | null, focus: string | null): Promise<void> {
    if (!practiceId) return;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const [page, places] = await Promise.all([
        this.api.listLocations(practiceId),
        this.practices.placesOfService().catch(() => []),
      ]);
      this.items.set(this.sort(page.items));
      this.placesOfService.set(places);
      this.loaded.set(true);
      const add = focus === 'add' || focus === 'locations';
      if (add || (focus && page.items.length === 0))
        this.editing.set({ record: null, focus: add ? null : focus });
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
