import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, signal, TemplateRef, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { PracticesApi, PracticeSettingsApi, type PlaceOfServiceOption } from '@claimline/admin-console/data-access-practices';
import { EmptyStateComponent, ErrorBannerComponent, LoadingComponent, StatusChipComponent } from '@claimline/admin-console/ui-common';
import type { LocationView } from '@claimline/contracts/practice-settings';
import { addressLine } from './location-address-fields';
import { LocationEditorComponent, TELEHEALTH_POS } from './location-editor';
import { canEditSettings, focusParam, routeParam } from './team-form-kit';

interface Editing {
  location: LocationView | null;
  focus: string | null;
}

/**
 * Office locations of a practice: where clients are seen and the default place of service of
 * appointments there. `?focus=add` (or the readiness field `locations`) opens an empty form.
 */
@Component({
  selector: 'cl-locations-page',
  imports: [MatButtonModule, MatDialogModule, MatTableModule, LoadingComponent, EmptyStateComponent, ErrorBannerComponent, StatusChipComponent, LocationEditorComponent],
  template: `
    <section aria-labelledby="locations-heading">
      <div class="section-head">
        <div>
          <h2 id="locations-heading">Office locations</h2>
          <p class="intro">Where the practice sees clients. When services are performed somewhere other than the billing address, claims print the location in box 32.</p>
        </div>
        @if (canEdit() && !editing()) {
          <button mat-flat-button type="button" (click)="openNew()">Add location</button>
        }
      </div>

      <cl-error-banner [problem]="problem()" />

      @if (editing(); as e) {
        <cl-location-editor
          [practiceId]="practiceId() ?? ''"
          [location]="e.location"
          [focus]="e.focus"
          [placesOfService]="placesOfService()"
          (saved)="onSaved($event)"
          (cancelled)="editing.set(null)"
        />
      }

      @if (loading()) {
        <cl-loading label="Loading office locations…" />
      } @else if (loaded()) {
        @if (locations().length === 0) {
          @if (!editing()) {
            <cl-empty title="No office locations yet">
              <p>Add at least one location with its place of service (11 for an office, 02 or 10 for telehealth).</p>
              @if (canEdit()) { <button mat-stroked-button type="button" (click)="openNew()">Add the first location</button> }
            </cl-empty>
          }
        } @else {
          <div class="table-wrap">
            <table mat-table [dataSource]="locations()" class="locations" aria-label="Office locations">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef>Name</th>
                <td mat-cell *matCellDef="let l">
                  <span class="name">{{ l.name }}</span>
                  @if (l.phone) { <span class="sub">{{ l.phone }}</span> }
                </td>
              </ng-container>
              <ng-container matColumnDef="address">
                <th mat-header-cell *matHeaderCellDef>Address</th>
                <td mat-cell *matCellDef="let l">{{ line(l) }}</td>
              </ng-container>
              <ng-container matColumnDef="pos">
                <th mat-header-cell *matHeaderCellDef>Place of service</th>
                <td mat-cell *matCellDef="let l">
                  <span><span class="mono">{{ l.placeOfService }}</span> {{ l.placeOfServiceName }}</span>
                  @if (isTelehealth(l)) { <cl-status-chip label="Telehealth" tone="info" /> }
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef><span class="cl-visually-hidden">Actions</span></th>
                <td mat-cell *matCellDef="let l">
                  @if (canEdit()) {
                    <div class="row-actions">
                      <button mat-button type="button" (click)="openEdit(l)" [attr.aria-label]="'Edit ' + l.name">Edit</button>
                      <button mat-button type="button" class="danger" (click)="remove(l)" [attr.aria-label]="'Remove ' + l.name">Remove</button>
                    </div>
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let l; columns: columns" [class.current]="editing()?.location?.id === l.id"></tr>
            </table>
          </div>
        }
      }
    </section>

    <ng-template #confirmRemove let-data>
      <h2 mat-dialog-title>Remove {{ data.name }}?</h2>
      <mat-dialog-content>
        <p>New appointments can no longer be booked at {{ data.name }}. Claims already made keep their service facility.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Keep</button>
        <button mat-flat-button type="button" [mat-dialog-close]="true">Remove</button>
      </mat-dialog-actions>
    </ng-template>
  `,
  styles: `
    .section-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; margin-bottom: 16px; }
    h2 { font: var(--mat-sys-title-large); margin: 0; }
    .intro { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); max-width: 70ch; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    .locations { width: 100%; min-width: 640px; }
    .name { display: block; font-weight: 600; }
    .sub { display: block; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; }
    cl-status-chip { margin-left: 6px; }
    .row-actions { display: flex; gap: 4px; justify-content: flex-end; }
    .danger { color: var(--mat-sys-error); }
    tr.current td { background: var(--mat-sys-secondary-container); }
    td.mat-mdc-cell, th.mat-mdc-header-cell { padding: 8px 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationsPage {
  private readonly api = inject(PracticeSettingsApi);
  private readonly practices = inject(PracticesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly confirmRemove = viewChild.required<TemplateRef<unknown>>('confirmRemove');

  protected readonly practiceId = routeParam('practiceId');
  private readonly focus = focusParam();
  protected readonly canEdit = canEditSettings();

  protected readonly loading = signal(true);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly locations = signal<LocationView[]>([]);
  protected readonly placesOfService = signal<PlaceOfServiceOption[]>([]);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly columns = ['name', 'address', 'pos', 'actions'];

  constructor() {
    effect(() => {
      const practiceId = this.practiceId();
      const focus = this.focus();
      untracked(() => void this.load(practiceId, focus));
    });
  }

  protected line(l: LocationView): string {
    return addressLine(l.address);
  }

  protected isTelehealth(l: LocationView): boolean {
    return TELEHEALTH_POS.includes(l.placeOfService);
  }

  protected openNew(): void {
    this.editing.set({ location: null, focus: null });
    this.host.scrollIntoView({ block: 'start' });
  }

  protected openEdit(location: LocationView): void {
    this.editing.set({ location, focus: null });
    this.host.scrollIntoView({ block: 'start' });
  }

  protected onSaved(saved: LocationView): void {
    const list = this.locations();
    this.locations.set(sortLocations(list.some((l) => l.id === saved.id) ? list.map((l) => (l.id === saved.id ? saved : l)) : [...list, saved]));
    this.editing.set(null);
    this.snack.open('Saved', undefined, { duration: 4000 });
  }

  protected async remove(location: LocationView): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const ref = this.dialog.open(this.confirmRemove(), { data: { name: location.name }, width: '440px', maxWidth: '92vw' });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    this.problem.set(null);
    try {
      await this.api.removeLocation(practiceId, location.id);
      this.locations.update((list) => list.filter((l) => l.id !== location.id));
      if (this.editing()?.location?.id === location.id) this.editing.set(null);
      this.snack.open(`Removed ${location.name}`, undefined, { duration: 4000 });
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }

  private async load(practiceId: string | null, focus: string | null): Promise<void> {
    if (!practiceId) return;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const [page, places] = await Promise.all([this.api.listLocations(practiceId), this.practices.placesOfService().catch(() => [])]);
      this.locations.set(sortLocations(page.items));
      this.placesOfService.set(places);
      this.loaded.set(true);
      if (focus === 'add' || focus === 'locations' || (focus && page.items.length === 0)) this.editing.set({ location: null, focus: focus === 'add' || focus === 'locations' ? null : focus });
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}

function sortLocations(list: LocationView[]): LocationView[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}
