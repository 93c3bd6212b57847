import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { PracticeSettingsApi, type PlaceOfServiceOption } from '@claimline/admin-console/data-access-practices';
import { applyServerErrors, ClValidators, ErrorBannerComponent, FieldErrorComponent } from '@claimline/admin-console/ui-common';
import type { CreateLocationBody, LocationView } from '@claimline/contracts/practice-settings';
import { COMMON_PLACES_OF_SERVICE, isPoBox } from '@claimline/domain';
import { AddressFieldsComponent, addressGroup, addressValue, patchAddress } from './location-address-fields';
import { focusField, focusFirstInvalid, LiveErrorStateMatcher } from './team-form-kit';

/** Telehealth places of service: nothing is performed at the location's address. */
export const TELEHEALTH_POS: readonly string[] = [COMMON_PLACES_OF_SERVICE.telehealthOtherThanHome, COMMON_PLACES_OF_SERVICE.telehealthInHome];
const COMMON_POS: readonly string[] = [COMMON_PLACES_OF_SERVICE.office, ...TELEHEALTH_POS];

/** The server's rule for an office location, as it is typed. */
const streetNotPoBox: ValidatorFn = (control) => {
  const v = control.value as string | null;
  return v && isPoBox(v) ? { poBox: 'An office location must be a street address where clients are seen, not a PO box' } : null;
};

/**
 * Adds or edits an office location: name, street address, phone and the default place of
 * service of its appointments (11 office, 02 / 10 telehealth, or another CMS code).
 */
@Component({
  selector: 'cl-location-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, FieldErrorComponent, ErrorBannerComponent, AddressFieldsComponent],
  providers: [{ provide: ErrorStateMatcher, useExisting: LiveErrorStateMatcher }],
  template: `
    <section class="editor" [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId">{{ current() ? 'Edit ' + current()?.name : 'Add an office location' }}</h3>
      <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      @if (conflict()) {
        <div class="cl-actions conflict">
          <button mat-stroked-button type="button" (click)="reloadLatest()" [disabled]="busy()">Load the latest version</button>
          <span>Your changes are kept in the form until you load it.</span>
        </div>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Location name</mat-label>
            <input matInput formControlName="name" data-field="name" autocomplete="off" required />
            <mat-hint>As your team calls it, e.g. Downtown office</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Place of service</mat-label>
            <mat-select formControlName="placeOfService" data-field="placeOfService" required>
              <mat-optgroup label="Common">
                @for (p of common(); track p.code) { <mat-option [value]="p.code">{{ p.code }} · {{ p.name }}</mat-option> }
              </mat-optgroup>
              <mat-optgroup label="All places of service">
                @for (p of others(); track p.code) { <mat-option [value]="p.code">{{ p.code }} · {{ p.name }}</mat-option> }
              </mat-optgroup>
            </mat-select>
            <mat-hint>{{ telehealth() ? 'Telehealth: box 32 leaves this address out' : 'Default for appointments here' }}</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.placeOfService" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Phone (optional)</mat-label>
            <input matInput type="tel" formControlName="phone" data-field="phone" autocomplete="off" />
            <mat-error><cl-field-error [control]="form.controls.phone" /></mat-error>
          </mat-form-field>
        </div>
        <cl-address-fields [group]="form.controls.address" legend="Address" field="address" section="section-location" streetHint="A street address where clients are seen" />
        <div class="cl-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Saving…' : current() ? 'Save changes' : 'Add location' }}</button>
          <button mat-button type="button" (click)="cancelled.emit()" [disabled]="busy()">Cancel</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .editor { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; margin-bottom: 24px; background: var(--mat-sys-surface-container-low); }
    h3 { font: var(--mat-sys-title-medium); margin: 0 0 12px; }
    mat-form-field { width: 100%; }
    .cl-form-grid { gap: 12px 16px; align-items: start; margin-bottom: 16px; }
    .conflict { margin-bottom: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.Default,
})
export class LocationEditorComponent {
  private readonly api = inject(PracticeSettingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  readonly practiceId = input.required<string>();
  readonly location = input<LocationView | null>(null);
  readonly placesOfService = input<PlaceOfServiceOption[]>([]);
  readonly focus = input<string | null>(null);
  readonly saved = output<LocationView>();
  readonly cancelled = output<void>();

  protected readonly current = linkedSignal(() => this.location());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly conflict = signal(false);
  protected readonly headingId = `location-editor-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly common = computed(() => COMMON_POS.map((c) => this.placesOfService().find((p) => p.code === c) ?? { code: c, name: c === '11' ? 'Office' : 'Telehealth' }));
  protected readonly others = computed(() => this.placesOfService().filter((p) => !COMMON_POS.includes(p.code)));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(60)]],
    placeOfService: ['11', Validators.required],
    phone: ['', ClValidators.phone],
    address: addressGroup({ street: [streetNotPoBox] }),
  });

  protected telehealth(): boolean {
    return TELEHEALTH_POS.includes(this.form.controls.placeOfService.value);
  }

  constructor() {
    // The page may switch the open editor to another record: refill, and put the cursor back.
    effect(() => {
      const record = this.location();
      const focus = this.focus();
      untracked(() => {
        this.fill(record);
        this.problem.set(null);
        this.unmatched.set([]);
        this.conflict.set(false);
        focusField(this.host, focus ?? 'name', this.injector);
      });
    });
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateLocationBody = {
      name: v.name.trim(),
      address: addressValue(this.form.controls.address),
      phone: v.phone.trim() || null,
      placeOfService: v.placeOfService,
    };
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    this.conflict.set(false);
    try {
      const location = this.current();
      const saved = location
        ? await this.api.updateLocation(this.practiceId(), location.id, { ...body, version: location.version })
        : await this.api.createLocation(this.practiceId(), body);
      this.current.set(saved);
      this.saved.emit(saved);
    } catch (e) {
      const p = toProblem(e);
      this.conflict.set(p.status === 409);
      this.unmatched.set(applyServerErrors(this.form, p));
      this.problem.set(
        p.status === 409 ? { ...p, detail: `${this.current()?.name ?? 'This location'} was changed by someone else since you opened it. Load the latest version, then make your change again.` } : p,
      );
      focusFirstInvalid(this.host, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  protected async reloadLatest(): Promise<void> {
    const location = this.current();
    if (!location) return;
    this.busy.set(true);
    try {
      const latest = await this.api.getLocation(this.practiceId(), location.id);
      this.current.set(latest);
      this.fill(latest);
      this.problem.set(null);
      this.conflict.set(false);
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.busy.set(false);
    }
  }

  private fill(l: LocationView | null): void {
    this.form.reset({ name: l?.name ?? '', placeOfService: l?.placeOfService ?? '11', phone: l?.phone ?? '' });
    patchAddress(this.form.controls.address, l?.address);
  }
}
