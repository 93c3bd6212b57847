import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { startWith, switchMap } from 'rxjs';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Role } from '@claimline/contracts/common';
import { isPracticeRole } from '@claimline/contracts/gateway';
import { FieldErrorComponent } from '@claimline/admin-console/ui-common';
import { ROLE_OPTIONS } from '../shared/admin-labels';
import { PracticeChipsComponent } from '../shared/practice-chips.component';
import {
  type PracticeChoice,
  PracticeFieldComponent,
  type PracticePick,
} from '../shared/practice-field.component';

/**
 * A user's role and what it needs: the one practice of a practice owner or clinician, or (when
 * `staffPractices` is offered) the practices a new billing staff member works on.
 */
@Component({
  selector: 'cl-role-fields',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    FieldErrorComponent,
    PracticeFieldComponent,
    PracticeChipsComponent,
  ],
  template: `
    <mat-form-field appearance="outline" class="full">
      <mat-label>Role</mat-label>
      <mat-select [formControl]="role()" required>
        @for (r of roles; track r.value) {
          <mat-option [value]="r.value">{{ r.label }} — {{ r.hint }}</mat-option>
        }
      </mat-select>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error><cl-field-error [control]="role()" /></mat-error>
    </mat-form-field>
    @if (needsPractice()) {
      <cl-practice-field
        [control]="practice()"
        [required]="true"
        label="Practice"
        hint="Practice owners and clinicians belong to one practice; type the start of its name"
      />
    } @else if (offerStaffPractices()) {
      <cl-practice-chips
        [(selected)]="staffPractices"
        label="Practices they work on"
        hint="Optional; you can change this later with “Set practices”"
      />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleFieldsComponent {
  readonly role = input.required<FormControl<Role | ''>>();
  readonly practice = input.required<FormControl<PracticeChoice>>();
  readonly hint = input<string | null>(null);
  /** Offer the practices of billing staff (a new one: creating, or becoming billing staff). */
  readonly offerStaffPractices = input(false);
  readonly staffPractices = model<PracticePick[]>([]);
  protected readonly roles = ROLE_OPTIONS;
  private readonly roleValue = toSignal(
    toObservable(this.role).pipe(switchMap((c) => c.valueChanges.pipe(startWith(c.value)))),
    { initialValue: '' as Role | '' },
  );
  protected readonly needsPractice = computed(() => isPracticeRole(this.roleValue() || null));

  constructor() {
    // Only practice owners and clinicians carry a practice; for the others the field is off.
    toObservable(this.role)
      .pipe(
        switchMap((c) => c.valueChanges),
        takeUntilDestroyed(),
      )
      .subscribe((role) => {
        const practice = this.practice();
        if (isPracticeRole(role || null)) practice.enable();
        else practice.disable();
      });
  }
}
