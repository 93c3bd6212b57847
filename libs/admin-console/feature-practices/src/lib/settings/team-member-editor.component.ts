import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import { ClValidators, FieldErrorComponent, provideLiveErrors } from '@claimline/admin-console/ui-common';
import type {
  CreateTeamMemberBody,
  TeamMemberRole,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';
import { EditorActionsComponent, EditorPanelComponent, RecordEditor } from './record-editor.directive';
import {
  taxonomyChoice,
  taxonomyCodeOf,
  TaxonomyAutocompleteComponent,
} from './taxonomy-autocomplete.component';

export const ROLE_LABELS: Record<TeamMemberRole, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  staff: 'Staff',
};

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
  if (bad)
    return {
      credentials: `"${bad}" is not a licence or degree abbreviation such as LCSW, LPC or PhD (letters, digits, dots, dashes; at most 12)`,
    };
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
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    FieldErrorComponent,
    TaxonomyAutocompleteComponent,
    EditorPanelComponent,
    EditorActionsComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <cl-editor-panel
      [heading]="current() ? 'Edit ' + nameOf(current()) : 'Add a team member'"
      [editor]="this"
    >
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
            <input
              matInput
              type="email"
              formControlName="email"
              data-field="email"
              autocomplete="off"
              required
            />
            <mat-error><cl-field-error [control]="form.controls.email" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Role</mat-label>
            <mat-select formControlName="role" data-field="role" required>
              @for (r of roles; track r) {
                <mat-option [value]="r">{{ roleLabels[r] }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{
              form.controls.role.value === 'staff' ? 'No NPI needed' : 'Sees clients: needs an NPI'
            }}</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Personal NPI (Type 1)</mat-label>
            <input
              matInput
              formControlName="npi"
              data-field="npi"
              inputmode="numeric"
              maxlength="10"
              autocomplete="off"
            />
            <mat-hint>10 digits, from the NPI registry</mat-hint>
            <mat-error><cl-field-error [control]="form.controls.npi" /></mat-error>
          </mat-form-field>
        </div>
        <cl-taxonomy-autocomplete
          [control]="form.controls.taxonomyCode"
          label="Taxonomy code"
          field="taxonomyCode"
        />
        <div class="toggle" data-field="secureMessagingEnabled">
          <mat-slide-toggle formControlName="secureMessagingEnabled">Secure Messaging</mat-slide-toggle>
          <p class="hint">
            The billing team writes to this person through Secure Messaging; it must also be on for the
            practice.
          </p>
        </div>
        <cl-editor-actions
          [editor]="this"
          [editing]="!!current()"
          addLabel="Add team member"
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
      margin-bottom: 12px;
    }
    .toggle {
      margin: 12px 0 16px;
    }
    .hint {
      margin: 4px 0 0;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  // Default: the server's field errors are set on controls after an await and must show at once.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class TeamMemberEditorComponent extends RecordEditor<TeamMemberView, CreateTeamMemberBody> {
  private readonly api = inject(PracticeSettingsApi);
  protected readonly roles: TeamMemberRole[] = ['owner', 'clinician', 'staff'];
  protected readonly roleLabels = ROLE_LABELS;

  protected readonly firstField = 'firstName';
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

  protected fill(m: TeamMemberView | null): void {
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

  protected body(): CreateTeamMemberBody {
    const v = this.form.getRawValue();
    return {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      email: v.email.trim(),
      role: v.role,
      credentials: parseCredentials(v.credentials),
      npi: v.npi.trim() || null,
      taxonomyCode: taxonomyCodeOf(v.taxonomyCode),
      secureMessagingEnabled: v.secureMessagingEnabled,
    };
  }

  protected send(body: CreateTeamMemberBody, member: TeamMemberView | null): Promise<TeamMemberView> {
    return member
      ? this.api.updateTeamMember(this.practiceId(), member.id, { ...body, version: member.version })
      : this.api.createTeamMember(this.practiceId(), body);
  }

  protected latest(member: TeamMemberView): Promise<TeamMemberView> {
    return this.api.getTeamMember(this.practiceId(), member.id);
  }

  protected nameOf(m: TeamMemberView | null): string {
    return m ? `${m.firstName} ${m.lastName}` : 'This team member';
  }
}
