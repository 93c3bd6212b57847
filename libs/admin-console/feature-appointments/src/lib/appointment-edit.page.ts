import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { routeParam, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { AppointmentsApi, FeeScheduleApi } from '@claimline/admin-console/data-access-claims';
import {
  DateInputDirective,
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  injectFieldFocus,
  LoadingComponent,
  PageHeaderComponent,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import type { AppointmentView } from '@claimline/contracts/claims/plain';
import {
  applyScheduleFee,
  appointmentBody,
  appointmentForm,
  appointmentPatch,
  fillAppointment,
  lineGroup,
  scheduleMap,
  type LineGroup,
} from './appointment.form';
import { codesOf, isTelehealth, PLACE_OF_SERVICE_OPTIONS } from './appointment-words';
import { DiagnosisPickerComponent } from './diagnosis-picker.component';
import { PracticePeopleStore } from './practice-people.store';

/**
 * Add (`new`) or change (`:appointmentId`) an appointment: client and clinician from the practice,
 * date and time, minutes, office location or telehealth (02 / 10, with modifier 95 or 93 on every
 * line), the diagnoses, the service lines with their fee from the fee schedule (overridable) and
 * attendance. The server's 422 shows on each field it names.
 */
@Component({
  selector: 'cl-appointment-edit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    DateInputDirective,
    ErrorBannerComponent,
    FieldErrorComponent,
    LoadingComponent,
    PageHeaderComponent,
    DiagnosisPickerComponent,
  ],
  providers: [provideLiveErrors()],
  templateUrl: './appointment-edit.page.html',
  styleUrl: './appointment-edit.page.scss',
  // Default: server errors are set on controls after an await.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class AppointmentEditPage {
  private readonly api = inject(AppointmentsApi);
  private readonly fees = inject(FeeScheduleApi);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fieldFocus = injectFieldFocus();
  protected readonly people = inject(PracticePeopleStore);
  protected readonly places = PLACE_OF_SERVICE_OPTIONS;
  private readonly practiceId = routeParam('practiceId');
  protected readonly appointmentId = routeParam('appointmentId');
  private readonly picker = viewChild(DiagnosisPickerComponent);

  protected readonly form = appointmentForm();
  private readonly saving = new FormSave(this.form, {
    conflictDetail: () =>
      'Someone else changed this appointment since you opened it. Reload it, then make your change again.',
  });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly saved = signal<AppointmentView | null>(null);
  private schedule = new Map<string, number>();

  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  constructor() {
    this.form.controls.placeOfService.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((pos) => this.placeChanged(pos));
    this.watchLine(this.form.controls.lines.at(0));
    effect(() => {
      const practiceId = this.practiceId();
      const appointmentId = this.appointmentId();
      if (practiceId) untracked(() => void this.load(practiceId, appointmentId));
    });
  }

  protected telehealth(): boolean {
    return isTelehealth(this.form.controls.placeOfService.value);
  }

  protected get lines(): LineGroup[] {
    return this.form.controls.lines.controls;
  }

  protected addLine(): void {
    const line = lineGroup();
    if (this.telehealth()) line.controls.modifiers.setValue('95');
    this.form.controls.lines.push(line);
    this.watchLine(line);
    this.form.markAsDirty();
  }

  protected removeLine(i: number): void {
    this.form.controls.lines.removeAt(i);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return this.saving.invalid();
    const practiceId = this.practiceId() ?? '';
    const current = this.saved();
    let result: AppointmentView | null = null;
    const ok = await this.saving.run(async () => {
      result = current
        ? await this.api.update(practiceId, current.id, appointmentPatch(this.form, current.version))
        : await this.api.create(practiceId, appointmentBody(this.form));
    });
    if (!ok) {
      this.fieldFocus.focusFirstInvalid();
      return;
    }
    this.snack.open(current ? 'Appointment saved' : 'Appointment added', undefined, { duration: 3000 });
    await this.router.navigate(['/practices', practiceId, 'appointments'], {
      queryParams: { saved: (result as AppointmentView | null)?.id ?? null },
    });
  }

  private async load(practiceId: string, appointmentId: string | null): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const [, schedule, appointment] = await Promise.all([
        this.people.load(practiceId),
        this.fees.get(practiceId),
        appointmentId ? this.api.get(practiceId, appointmentId) : Promise.resolve(null),
      ]);
      this.schedule = scheduleMap(schedule.entries);
      if (appointment) {
        fillAppointment(this.form, appointment);
        for (const line of this.lines) this.watchLine(line);
        this.saved.set(appointment);
      }
      this.placeChanged(this.form.controls.placeOfService.value, false);
    } catch (e) {
      this.loadProblem.set(toProblem(e));
    } finally {
      this.loading.set(false);
      setTimeout(() => this.picker()?.describe());
    }
  }

  /** Telehealth has no office location, and each line needs 95 or 93 (95 is added where neither is). */
  private placeChanged(pos: string, suggest = true): void {
    const location = this.form.controls.locationId;
    if (isTelehealth(pos)) {
      location.disable({ emitEvent: false });
      if (suggest)
        for (const line of this.lines) {
          const mods = codesOf(line.controls.modifiers.value);
          if (!mods.includes('95') && !mods.includes('93'))
            line.controls.modifiers.setValue([...mods, '95'].join(' '));
        }
    } else {
      location.enable({ emitEvent: false });
    }
  }

  /** The fee follows the procedure and modifiers from the fee schedule until the person types one. */
  private watchLine(line: LineGroup): void {
    const { procedure, modifiers } = line.controls;
    for (const c of [procedure, modifiers])
      c.valueChanges
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe(() => applyScheduleFee(line, this.schedule));
  }
}
