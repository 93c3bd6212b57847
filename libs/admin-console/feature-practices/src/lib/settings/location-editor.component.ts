import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  PracticeSettingsApi,
  type PlaceOfServiceOption,
} from '@claimline/admin-console/data-access-practices';
import {
  AddressFieldsComponent,
  addressGroup,
  addressValue,
  ClValidators,
  FieldErrorComponent,
  provideLiveErrors,
  setAddress,
} from '@claimline/admin-console/ui-common';
import type { CreateLocationBody, LocationView } from '@claimline/contracts/practice-settings';
import { COMMON_PLACES_OF_SERVICE } from '@claimline/domain';
import { EditorActionsComponent, EditorPanelComponent, RecordEditor } from './record-editor.directive';

/** Telehealth places of service: nothing is performed at the location's address. */
export const TELEHEALTH_POS: readonly string[] = [
  COMMON_PLACES_OF_SERVICE.telehealthOtherThanHome,
  COMMON_PLACES_OF_SERVICE.telehealthInHome,
];
const COMMON_POS: readonly string[] = [COMMON_PLACES_OF_SERVICE.office, ...TELEHEALTH_POS];

/**
 * Adds or edits an office location: name, street address, phone and the default place of
 * service of its appointments (11 office, 02 / 10 telehealth, or another CMS code).
 */
@Component({
  selector: 'cl-location-editor',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorComponent,
    AddressFieldsComponent,
    EditorPanelComponent,
    EditorActionsComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <cl-editor-panel
      [heading]="current() ? 'Edit ' + current()?.name : 'Add an office location'"
      [editor]="this"
    >
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Location name</mat-label>
            <input matInput formControlName="name" data-field="name" autocomplete="off" />
            <mat-hint>As your team calls it, e.g. Downtown office</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Place of service</mat-label>
            <mat-select formControlName="placeOfService" data-field="placeOfService">
              <mat-optgroup label="Common">
                @for (p of common(); track p.code) {
                  <mat-option [value]="p.code">{{ p.code }} · {{ p.name }}</mat-option>
                }
              </mat-optgroup>
              <mat-optgroup label="All places of service">
                @for (p of others(); track p.code) {
                  <mat-option [value]="p.code">{{ p.code }} · {{ p.name }}</mat-option>
                }
              </mat-optgroup>
            </mat-select>
            <mat-hint>{{
              telehealth() ? 'Telehealth: box 32 leaves this address out' : 'Default for appointments here'
            }}</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.placeOfService" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Phone (optional)</mat-label>
            <input matInput type="tel" formControlName="phone" data-field="phone" autocomplete="off" />
            <mat-error><cl-field-error [control]="form.controls.phone" /></mat-error>
          </mat-form-field>
        </div>
        <cl-address-fields
          [group]="form.controls.address"
          legend="Address"
          field="address"
          framed
          streetHint="A street address where clients are seen"
        />
        <cl-editor-actions
          [editor]="this"
          [editing]="!!current()"
          addLabel="Add location"
          (cancel)="cancelled.emit()"
        />
      </form>
    </cl-editor-panel>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .cl-form-grid {
      gap: 12px 16px;
      align-items: start;
      margin-bottom: 16px;
    }
  `,
  // Default: the server's field errors are set on controls after an await and must show at once.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class LocationEditorComponent extends RecordEditor<LocationView, CreateLocationBody> {
  private readonly api = inject(PracticeSettingsApi);
  readonly placesOfService = input<PlaceOfServiceOption[]>([]);

  protected readonly common = computed(() =>
    COMMON_POS.map(
      (c) =>
        this.placesOfService().find((p) => p.code === c) ?? {
          code: c,
          name: c === '11' ? 'Office' : 'Telehealth',
        },
    ),
  );
  protected readonly others = computed(() =>
    this.placesOfService().filter((p) => !COMMON_POS.includes(p.code)),
  );

  protected readonly firstField = 'name';
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(60)]],
    placeOfService: ['11', Validators.required],
    phone: ['', ClValidators.phone],
    // The server's rule for an office location, as it is typed.
    address: addressGroup({
      noPoBox: 'An office location must be a street address where clients are seen, not a PO box',
    }),
  });

  protected telehealth(): boolean {
    return TELEHEALTH_POS.includes(this.form.controls.placeOfService.value);
  }

  protected fill(l: LocationView | null): void {
    this.form.reset({
      name: l?.name ?? '',
      placeOfService: l?.placeOfService ?? '11',
      phone: l?.phone ?? '',
    });
    setAddress(this.form.controls.address, l?.address);
  }

  protected body(): CreateLocationBody {
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(),
      address: addressValue(this.form.controls.address),
      phone: v.phone.trim() || null,
      placeOfService: v.placeOfService,
    };
  }

  protected send(body: CreateLocationBody, location: LocationView | null): Promise<LocationView> {
    return location
      ? this.api.updateLocation(this.practiceId(), location.id, { ...body, version: location.version })
      : this.api.createLocation(this.practiceId(), body);
  }

  protected latest(location: LocationView): Promise<LocationView> {
    return this.api.getLocation(this.practiceId(), location.id);
  }

  protected nameOf(location: LocationView | null): string {
    return location?.name ?? 'This location';
  }
}
