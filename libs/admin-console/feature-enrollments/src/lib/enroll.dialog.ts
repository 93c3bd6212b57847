import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { EnrollmentsApi } from '@claimline/admin-console/data-access-enrollments';
import {
  ErrorBannerComponent,
  formatAddress,
  LoadingComponent,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import type { EnrollmentPreview, EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { formatPhone, maskTaxId } from '@claimline/domain';
import { settingsRoute, STATUS_TONES, statusLabel, TYPE_LABELS } from './enrollment-words';

function phone(value: string | null): string | null {
  const digits = value?.replace(/\D/g, '') ?? '';
  return digits.length === 10 ? formatPhone(digits) : value;
}

export interface EnrollDialogData {
  practiceId: string;
  payerId: string;
  payerName: string;
  type: EnrollmentType;
}

interface Line {
  label: string;
  value: string | null;
  note?: string;
  /** Sent when present; its absence does not stop +Enroll. */
  optional?: boolean;
}

interface Fix {
  label: string;
  route: string;
}

/**
 * +Enroll: shows exactly what will be sent (from the preview) or what is missing, with links to
 * the settings page that fixes each item; "Send enrollment" submits it. Closes with the updated
 * enrollment, or with nothing when cancelled.
 */
@Component({
  selector: 'cl-enroll-dialog',
  imports: [
    MatDialogModule,
    MatButtonModule,
    RouterLink,
    LoadingComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <h2 mat-dialog-title>+Enroll: {{ typeLabel }} with {{ data.payerName }}</h2>
    <mat-dialog-content class="content">
      @if (loading()) {
        <cl-loading label="Preparing the enrollment…" />
      } @else if (loadProblem(); as p) {
        <cl-error-banner [problem]="p" />
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      } @else if (preview(); as pv) {
        @if (pv.ready) {
          <p>
            This is exactly what will be sent to the clearinghouse for {{ data.payerName }}. Check that it
            matches what the payer has on file for you: a mismatch is the most common reason for a rejection.
          </p>
        } @else if (pv.missing.length) {
          <section class="missing" aria-labelledby="missing-title" data-testid="enroll-missing">
            <h3 id="missing-title">Missing before you can enroll</h3>
            <ul>
              @for (m of fixes(); track m.label) {
                <li>
                  {{ m.label }} —
                  <a [routerLink]="m.route" mat-dialog-close>Fix in practice settings</a>
                </li>
              }
            </ul>
          </section>
        } @else {
          <p class="cl-error-text">
            This enrollment is <cl-status-chip [label]="statusText(pv)" [tone]="tone(pv)" />: +Enroll is not
            possible now.
          </p>
        }
        @if (pv.notes.length) {
          <ul class="notes">
            @for (n of pv.notes; track n) {
              <li>{{ n }}</li>
            }
          </ul>
        }
        <section aria-labelledby="request-title" data-testid="enroll-preview">
          <h3 id="request-title">What will be sent</h3>
          <dl class="facts">
            @for (l of lines(); track l.label) {
              <div>
                <dt>{{ l.label }}</dt>
                <dd>
                  @if (l.value) {
                    {{ l.value }}
                  } @else if (l.optional) {
                    <span class="muted">Not on file (optional)</span>
                  } @else {
                    <span class="cl-error-text">Missing</span>
                  }
                  @if (l.note) {
                    <small class="note">{{ l.note }}</small>
                  }
                </dd>
              </div>
            }
          </dl>
        </section>
      }
      @if (sendProblem(); as p) {
        <cl-error-banner [problem]="p" [extra]="sendExtra()" />
        @if (p.status === 409 || p.status === 422) {
          <button mat-stroked-button type="button" (click)="load()">Reload the preview</button>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="send()" [disabled]="!preview()?.ready || sending()">
        {{ sending() ? 'Sending…' : 'Send enrollment' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      min-width: min(560px, 80vw);
    }
    h3 {
      font: var(--mat-sys-title-small);
      font-weight: 600;
      margin: 16px 0 8px;
    }
    .facts {
      display: grid;
      grid-template-columns: 1fr;
      gap: 6px;
      margin: 0;
    }
    .facts > div {
      display: grid;
      grid-template-columns: 180px 1fr;
      gap: 12px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-weight: 500;
    }
    .note {
      display: block;
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    .missing {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-radius: 8px;
      padding: 4px 16px 8px;
    }
    .missing a {
      color: inherit;
      font-weight: 600;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
    .notes {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 600px) {
      .facts > div {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrollDialog implements OnInit {
  protected readonly data = inject<EnrollDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EnrollmentsApi);
  private readonly ref = inject<MatDialogRef<EnrollDialog, EnrollmentView>>(MatDialogRef);

  protected readonly typeLabel = TYPE_LABELS[this.data.type].toLowerCase();
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly preview = signal<EnrollmentPreview | null>(null);
  protected readonly sending = signal(false);
  protected readonly sendProblem = signal<ApiProblem | null>(null);
  protected readonly sendExtra = signal<string[]>([]);

  protected readonly fixes = computed<Fix[]>(() =>
    (this.preview()?.missing ?? []).map((m) => ({
      label: m.label,
      route: settingsRoute(this.data.practiceId, m.field),
    })),
  );

  protected readonly lines = computed<Line[]>(() => {
    const r = this.preview()?.request;
    if (!r) return [];
    const tax = r.taxId;
    return [
      {
        label: 'Payer',
        value: r.payerName,
        note: r.clearinghousePayerId ? `Clearinghouse payer ID ${r.clearinghousePayerId}` : undefined,
      },
      { label: 'Enrollment', value: TYPE_LABELS[r.type] },
      { label: 'Legal name', value: r.legalName },
      { label: 'Billing NPI', value: r.billingNpi },
      {
        label: tax ? `Tax ID (${tax.kind === 'ein' ? 'EIN' : 'SSN'})` : 'Tax ID',
        value: tax ? maskTaxId({ kind: tax.kind, digits: tax.value.replace(/\D/g, '') }) : null,
        note: tax?.kind === 'ssn' ? 'Shown masked here; sent whole to the payer.' : undefined,
      },
      { label: 'Taxonomy code', value: r.taxonomyCode },
      { label: 'Billing address', value: formatAddress(r.billingAddress) },
      {
        label: 'Contact name',
        value: r.contact.name,
        optional: true,
        note: r.contact.name ? undefined : 'The practice owner, from the team members.',
      },
      { label: 'Contact phone', value: phone(r.contact.phone), optional: true },
      { label: 'Contact e-mail', value: r.contact.email, optional: true },
    ];
  });

  ngOnInit(): void {
    void this.load();
  }

  protected statusText(p: EnrollmentPreview): string {
    return statusLabel(p.status);
  }

  protected tone(p: EnrollmentPreview) {
    return STATUS_TONES[p.status];
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    this.sendProblem.set(null);
    try {
      this.preview.set(await this.api.preview(this.data.practiceId, this.data.payerId, this.data.type));
    } catch (e) {
      this.loadProblem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected async send(): Promise<void> {
    if (!this.preview()?.ready || this.sending()) return;
    this.sending.set(true);
    this.sendProblem.set(null);
    this.sendExtra.set([]);
    try {
      const view = await this.api.enroll(this.data.practiceId, this.data.payerId, this.data.type);
      this.ref.close(view);
    } catch (e) {
      const p = toProblem(e);
      if (p.status === 409) {
        p.detail = `${p.detail} Someone may have enrolled in the meantime: close this window to see the current status, or reload the preview.`;
      }
      this.sendProblem.set(p);
      this.sendExtra.set(p.errors.map((err) => err.message));
    } finally {
      this.sending.set(false);
    }
  }
}
