import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AuthService, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { MessagesApi } from '@claimline/admin-console/data-access-messages';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  LoadingComponent,
} from '@claimline/admin-console/ui-common';
import {
  MESSAGE_MAX_LENGTH,
  SUBJECT_MAX_LENGTH,
  type AboutType,
  type CreatedThreadView,
  type ParticipantView,
} from '@claimline/contracts/messaging/plain';
import { ABOUT_LABELS } from './message-words';

export interface ComposeDialogData {
  practiceId: string;
  /** What the thread is about, when started from a client, claim or enrollment page. */
  about: { type: AboutType; id: string } | null;
}

/** A new thread: subject, people (the billing team chosen by default for the practice side), first message. */
@Component({
  selector: 'cl-compose-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorBannerComponent,
    FieldErrorComponent,
    LoadingComponent,
  ],
  template: `
    <h2 mat-dialog-title>New message</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content class="content">
        @if (data.about; as about) {
          <p class="about">About this {{ aboutLabels[about.type].toLowerCase() }}</p>
        }
        <cl-error-banner [problem]="save.problem() ?? loadProblem()" [extra]="save.unmatched()" />
        @if (loading()) {
          <cl-loading label="Loading the people of this practice…" />
        }
        <mat-form-field appearance="outline">
          <mat-label>To</mat-label>
          <mat-select formControlName="participantUserIds" multiple data-testid="compose-to">
            @for (p of people(); track p.id) {
              <mat-option [value]="p.id"
                >{{ p.displayName }} · {{ p.side === 'billing' ? 'Billing team' : 'Practice' }}</mat-option
              >
            }
          </mat-select>
          <mat-error><cl-field-error [control]="form.controls.participantUserIds" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Subject</mat-label>
          <input matInput formControlName="subject" [maxlength]="subjectMax" data-testid="compose-subject" />
          <mat-error><cl-field-error [control]="form.controls.subject" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Message</mat-label>
          <textarea
            matInput
            formControlName="text"
            rows="6"
            [maxlength]="textMax"
            data-testid="compose-text"
          ></textarea>
          <mat-hint>No need for names or details the billing team can open from the linked record.</mat-hint>
          <mat-error><cl-field-error [control]="form.controls.text" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="save.busy()" data-testid="compose-send">
          Send
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(560px, 80vw);
    }
    .about {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComposeDialog implements OnInit {
  protected readonly data = inject<ComposeDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ComposeDialog, CreatedThreadView>>(MatDialogRef);
  private readonly api = inject(MessagesApi);
  private readonly auth = inject(AuthService);
  protected readonly aboutLabels = ABOUT_LABELS;
  protected readonly subjectMax = SUBJECT_MAX_LENGTH;
  protected readonly textMax = MESSAGE_MAX_LENGTH;
  protected readonly people = signal<ParticipantView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly form = new FormGroup({
    participantUserIds: new FormControl<string[]>([], { nonNullable: true, validators: Validators.required }),
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SUBJECT_MAX_LENGTH)],
    }),
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)],
    }),
  });
  protected readonly save = new FormSave(this.form);

  async ngOnInit(): Promise<void> {
    try {
      const me = this.auth.user()?.id;
      const people = (await this.api.participants(this.data.practiceId)).filter((p) => p.id !== me);
      this.people.set(people);
      // From the practice side, the thread goes to the billing team unless one chooses otherwise.
      const mySide = this.auth.seesManyPractices() ? 'billing' : 'practice';
      this.form.controls.participantUserIds.setValue(
        people.filter((p) => p.side !== mySide).map((p) => p.id),
      );
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async send(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return this.save.invalid();
    }
    const value = this.form.getRawValue();
    let created: CreatedThreadView | undefined;
    const ok = await this.save.run(async () => {
      created = await this.api.createThread(this.data.practiceId, {
        ...value,
        ...(this.data.about && { about: this.data.about }),
      });
    });
    if (ok) this.ref.close(created);
  }
}
