import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  LoadingComponent,
  provideLiveErrors,
  StatusChipComponent,
  DateInputDirective,
  plural,
  formatDate,
} from '@claimline/admin-console/ui-common';
import type { AuthorizationView, PolicyView } from '@claimline/contracts/client-insurance';
import { dateValidator, notBefore, visitsValidator } from './forms';
import { authorizationBadge } from './labels';
import { WarningsComponent } from './warnings.component';

/** Prior authorizations of one policy: number, visits used of authorized, dates, active; with the API's warnings. */
@Component({
  selector: 'cl-authorizations',
  imports: [
    DateInputDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBannerComponent,
    FieldErrorComponent,
    LoadingComponent,
    StatusChipComponent,
    WarningsComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <section [attr.aria-labelledby]="'auth-h-' + policy().id">
      <div class="head">
        <h3 [id]="'auth-h-' + policy().id">Prior authorizations</h3>
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="startAdd()">Add authorization</button>
        }
      </div>
      <cl-error-banner [problem]="listProblem()" />
      @if (loading()) {
        <cl-loading label="Loading authorizations…" />
      } @else if (items().length === 0 && !adding()) {
        <p class="hint">
          No prior authorization on file. Add one if the payer requires it for these sessions.
        </p>
      } @else if (items().length) {
        <ul class="list" [attr.aria-label]="'Prior authorizations of the ' + policy().order + ' policy'">
          @for (a of items(); track a.id) {
            <li class="auth" data-testid="authorization">
              <div class="row">
                <span class="num">{{ a.number }}</span>
                @let badge = badgeOf(a);
                <cl-status-chip [label]="badge.label" [tone]="badge.tone" />
                <span>{{ date(a.validFrom) }} – {{ date(a.validTo) }}</span>
                <span
                  >{{ a.usesConsumed }} of {{ plural(a.usesAuthorized, 'visit') }} used ·
                  {{ a.usesRemaining }} left</span
                >
                <button mat-button type="button" (click)="toggleActive(a)" [disabled]="busyId() === a.id">
                  {{ a.active ? 'Deactivate' : 'Activate'
                  }}<span class="cl-visually-hidden"> authorization {{ a.number }}</span>
                </button>
              </div>
              <cl-warnings [warnings]="a.warnings" [title]="null" />
            </li>
          }
        </ul>
      }
      @if (rowProblem()) {
        <cl-error-banner [problem]="rowProblem()" />
      }

      @if (adding()) {
        <form
          [formGroup]="form"
          (ngSubmit)="save()"
          novalidate
          class="add"
          [attr.aria-label]="'Add a prior authorization'"
        >
          <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
          <div class="grid">
            <mat-form-field appearance="outline">
              <mat-label>Authorization number</mat-label>
              <input matInput formControlName="number" autocomplete="off" />
              <mat-error><cl-field-error [control]="form.controls.number" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Authorized visits</mat-label>
              <input matInput type="number" min="1" max="999" step="1" formControlName="usesAuthorized" />
              <mat-error><cl-field-error [control]="form.controls.usesAuthorized" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Valid from</mat-label>
              <input matInput type="date" formControlName="validFrom" />
              <mat-error><cl-field-error [control]="form.controls.validFrom" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Valid to</mat-label>
              <input matInput type="date" formControlName="validTo" />
              <mat-error><cl-field-error [control]="form.controls.validTo" /></mat-error>
            </mat-form-field>
          </div>
          <mat-checkbox formControlName="active"
            >Active: claims use this authorization automatically</mat-checkbox
          >
          <div class="cl-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ busy() ? 'Saving…' : 'Save authorization' }}
            </button>
            <button mat-button type="button" (click)="adding.set(false)">Cancel</button>
          </div>
        </form>
      }
      @if (lastSaved(); as s) {
        <div role="status" class="saved">
          Authorization {{ s.number }} saved.
          @if (s.warnings.length) {
            It needs a look: see its notes above.
          }
        </div>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 8px 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .auth {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      align-items: center;
    }
    .num {
      font-weight: 600;
      font-family: ui-monospace, monospace;
    }
    .add {
      margin-top: 8px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 0 16px;
    }
    .saved {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthorizationsComponent implements OnInit {
  readonly practiceId = input.required<string>();
  readonly policy = input.required<PolicyView>();
  private readonly api = inject(ClientsApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly items = signal<AuthorizationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly listProblem = signal<ApiProblem | null>(null);
  protected readonly rowProblem = signal<ApiProblem | null>(null);
  protected readonly adding = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly lastSaved = signal<AuthorizationView | null>(null);
  protected readonly date = formatDate;
  protected readonly badgeOf = authorizationBadge;
  protected readonly plural = plural;

  protected readonly form = this.fb.group({
    number: ['', [Validators.required, Validators.pattern(/^[A-Za-z0-9-]{1,50}$/)]],
    usesAuthorized: [null as number | null, [Validators.required, visitsValidator]],
    validFrom: ['', [Validators.required, dateValidator('Valid from')]],
    validTo: [
      '',
      [
        Validators.required,
        dateValidator('Valid to'),
        notBefore('validFrom', 'Valid to must not be before valid from'),
      ],
    ],
    active: [true],
  });
  private readonly saving = new FormSave(this.form);
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;

  constructor() {
    this.form.controls.validFrom.valueChanges.subscribe(() =>
      this.form.controls.validTo.updateValueAndValidity({ emitEvent: false }),
    );
  }

  ngOnInit(): void {
    void this.load();
  }

  protected startAdd(): void {
    this.form.reset({ number: '', usesAuthorized: null, validFrom: '', validTo: '', active: true });
    this.problem.set(null);
    this.unmatched.set([]);
    this.lastSaved.set(null);
    this.adding.set(true);
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    await this.saving.run(async () => {
      const saved = await this.api.createAuthorization(this.practiceId(), this.policy().id, {
        number: v.number.trim(),
        usesAuthorized: Number(v.usesAuthorized),
        validFrom: v.validFrom,
        validTo: v.validTo,
        active: v.active,
      });
      this.lastSaved.set(saved);
      this.adding.set(false);
      await this.load();
    });
  }

  protected async toggleActive(a: AuthorizationView): Promise<void> {
    this.busyId.set(a.id);
    this.rowProblem.set(null);
    try {
      const saved = await this.api.updateAuthorization(this.practiceId(), a.id, {
        version: a.version,
        active: !a.active,
      });
      this.items.update((list) => list.map((x) => (x.id === saved.id ? saved : x)));
    } catch (e) {
      const p = toProblem(e);
      this.rowProblem.set(
        p.status === 409
          ? {
              ...p,
              detail: `Authorization ${a.number} was changed by someone else; the list was reloaded. Try again.`,
            }
          : p,
      );
      if (p.status === 409) await this.load();
    } finally {
      this.busyId.set(null);
    }
  }

  private async load(): Promise<void> {
    this.listProblem.set(null);
    try {
      this.items.set(await this.api.authorizations(this.practiceId(), this.policy().id));
    } catch (e) {
      this.listProblem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
