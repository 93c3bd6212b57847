import {
  ChangeDetectionStrategy,
  Component,
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
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import { applyServerErrors, ClValidators, ErrorBannerComponent, FieldErrorComponent } from '@claimline/admin-console/ui-common';
import type { CreateTeamMemberBody, TeamMemberRole, TeamMemberView } from '@claimline/contracts/practice-settings';
import { focusField, focusFirstInvalid, LiveErrorStateMatcher } from './team-form-kit';
import { taxonomyChoice, taxonomyCodeOf, TaxonomyAutocompleteComponent } from './taxonomy-autocomplete';

export const ROLE_LABELS: Record<TeamMemberRole, string> = { owner: 'Owner', clinician: 'Clinician', staff: 'Staff' };

const CREDENTIAL = /^[A-Za-z][A-Za-z0-9.-]{0,11}$/;

export function parseCredentials(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The server's credential rule, worded for the field: abbreviations, at most 6. */
const credentialsRule: ValidatorFn = (control) => {
  const list = parseCredentials((control.value as string | null) ?? '');
  const bad = list.find((c) => !CREDENTIAL.test(c));
  if (bad) return { credentials: `"${bad}" is not a licence or degree abbreviation such as LCSW, LPC or PhD (letters, digits, dots, dashes; at most 12)` };
  if (list.length > 6) return { credentials: 'List at most 6 credentials' };
  return null;
};

/**
 * Adds or edits one team member: names, e-mail, role, credentials, personal (Type 1) NPI with its
 * check digit checked as it is typed, NUCC taxonomy by type-ahead, Secure Messaging. An edit
 * sends the version it was opened with; a 409 is explained and the latest version can be loaded.
 */
@Component({
  selector: 'cl-team-member-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    FieldErrorComponent,
    ErrorBannerComponent,
    TaxonomyAutocompleteComponent,
  ],
  providers: [{ provide: ErrorStateMatcher, useExisting: LiveErrorStateMatcher }],
  template: `
    <section class="editor" [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId">{{ current() ? 'Edit ' + current()?.firstName + ' ' + current()?.lastName : 'Add a team member' }}</h3>
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
            <mat-label>First name</mat-label>
            <input matInput formControlName="firstName" data-field="firstName" autocomplete="off" required />
            <mat-error><cl-field-error [control]="form.controls.firstName" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Last name</mat-label>
            <input matInput formControlName="lastName" data-field="lastName" autocomplete="off" required />
            <mat-error><cl-field-error [control]="form.controls.lastName" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Credentials</mat-label>
            <input matInput formControlName="credentials" data-field="credentials" autocomplete="off" />
            <mat-hint>Licences and degrees, e.g. LCSW, PhD</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.credentials" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" data-field="email" autocomplete="off" required />
            <mat-error><cl-field-error [control]="form.controls.email" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Role</mat-label>
            <mat-select formControlName="role" data-field="role" required>
              @for (r of roles; track r) { <mat-option [value]="r">{{ roleLabels[r] }}</mat-option> }
            </mat-select>
            <mat-hint>{{ form.controls.role.value === 'staff' ? 'No NPI needed' : 'Sees clients: needs an NPI' }}</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Personal NPI (Type 1)</mat-label>
            <input matInput formControlName="npi" data-field="npi" inputmode="numeric" maxlength="10" autocomplete="off" />
            <mat-hint>10 digits, from the NPI registry</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.npi" /></mat-error>
          </mat-form-field>
        </div>
        <cl-taxonomy-autocomplete [control]="form.controls.taxonomyCode" label="Taxonomy code" field="taxonomyCode" />
        <div class="toggle" data-field="secureMessagingEnabled">
          <mat-slide-toggle formControlName="secureMessagingEnabled">Secure Messaging</mat-slide-toggle>
          <p class="hint">The billing team writes to this person through Secure Messaging; it must also be on for the practice.</p>
        </div>
        <div class="cl-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Saving…' : current() ? 'Save changes' : 'Add team member' }}</button>
          <button mat-button type="button" (click)="cancelled.emit()" [disabled]="busy()">Cancel</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .editor { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; margin-bottom: 24px; background: var(--mat-sys-surface-container-low); }
    h3 { font: var(--mat-sys-title-medium); margin: 0 0 12px; }
    mat-form-field { width: 100%; }
    .cl-form-grid { gap: 12px 16px; align-items: start; margin-bottom: 12px; }
    .toggle { margin: 12px 0 16px; }
    .hint { margin: 4px 0 0; font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .conflict { margin-bottom: 12px; }
  `,
  // Default: the server's field errors are set on controls after an await and must show at once.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class TeamMemberEditorComponent {
  private readonly api = inject(PracticeSettingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  readonly practiceId = input.required<string>();
  /** null: a new member. */
  readonly member = input<TeamMemberView | null>(null);
  /** Field to focus when the editor opens (from `?focus=`); the first name otherwise. */
  readonly focus = input<string | null>(null);
  readonly saved = output<TeamMemberView>();
  readonly cancelled = output<void>();

  protected readonly current = linkedSignal(() => this.member());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly conflict = signal(false);
  protected readonly roles: TeamMemberRole[] = ['owner', 'clinician', 'staff'];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly headingId = `team-editor-${Math.random().toString(36).slice(2, 8)}`;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    firstName: ['', [Validators.required, Validators.maxLength(60)]],
    lastName: ['', [Validators.required, Validators.maxLength(60)]],
    credentials: ['', credentialsRule],
    email: ['', [Validators.required, ClValidators.email]],
    role: ['clinician' as TeamMemberRole, Validators.required],
    npi: ['', ClValidators.npi],
    taxonomyCode: ['', taxonomyChoice],
    secureMessagingEnabled: [true],
  });

  constructor() {
    // The page may switch the open editor to another record: refill, and put the cursor back.
    effect(() => {
      const record = this.member();
      const focus = this.focus();
      untracked(() => {
        this.fill(record);
        this.problem.set(null);
        this.unmatched.set([]);
        this.conflict.set(false);
        focusField(this.host, focus ?? 'firstName', this.injector);
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
    const body: CreateTeamMemberBody = {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      email: v.email.trim(),
      role: v.role,
      credentials: parseCredentials(v.credentials),
      npi: v.npi.trim() || null,
      taxonomyCode: taxonomyCodeOf(v.taxonomyCode),
      secureMessagingEnabled: v.secureMessagingEnabled,
    };
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    this.conflict.set(false);
    try {
      const member = this.current();
      const saved = member
        ? await this.api.updateTeamMember(this.practiceId(), member.id, { ...body, version: member.version })
        : await this.api.createTeamMember(this.practiceId(), body);
      this.current.set(saved);
      this.saved.emit(saved);
    } catch (e) {
      const p = toProblem(e);
      this.conflict.set(p.status === 409);
      this.unmatched.set(applyServerErrors(this.form, p));
      this.problem.set(p.status === 409 ? { ...p, detail: `${this.who()} was changed by someone else since you opened it. Load the latest version, then make your change again.` } : p);
      focusFirstInvalid(this.host, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  /** After a 409: the record as it is now, with the version to send next. */
  protected async reloadLatest(): Promise<void> {
    const member = this.current();
    if (!member) return;
    this.busy.set(true);
    try {
      const latest = await this.api.getTeamMember(this.practiceId(), member.id);
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

  private who(): string {
    const m = this.current();
    return m ? `${m.firstName} ${m.lastName}` : 'This team member';
  }

  private fill(m: TeamMemberView | null): void {
    this.form.reset({
      firstName: m?.firstName ?? '',
      lastName: m?.lastName ?? '',
      credentials: m?.credentials.join(', ') ?? '',
      email: m?.email ?? '',
      role: m?.role ?? 'clinician',
      npi: m?.npi ?? '',
      taxonomyCode: m?.taxonomyCode ?? '',
      secureMessagingEnabled: m?.secureMessagingEnabled ?? true,
    });
  }
}
