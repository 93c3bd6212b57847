import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import {
  PracticeDirectory,
  StaffAssignments,
  UsersApi,
  type UserView,
} from '@claimline/admin-console/data-access-admin';
import { ErrorBannerComponent } from '@claimline/admin-console/ui-common';
import { PracticeChipsComponent } from '../shared/practice-chips.component';
import type { PracticePick } from '../shared/practice-field.component';

/** The practices a billing staff member works on (replaces the whole list). */
@Component({
  selector: 'cl-assign-practices-dialog',
  imports: [MatDialogModule, MatButtonModule, ErrorBannerComponent, PracticeChipsComponent],
  template: `
    <h2 mat-dialog-title>Practices of {{ user.displayName || user.email }}</h2>
    <mat-dialog-content>
      <cl-error-banner [problem]="problem()" [extra]="extra()" />
      @if (known) {
        <p class="note">Saving replaces their practices with exactly the ones below.</p>
      } @else {
        <p class="note" role="note">
          The practices already assigned cannot be shown here. Saving replaces them with exactly the ones
          below, so add every practice they should keep working on.
        </p>
      }
      <cl-practice-chips
        [(selected)]="selected"
        label="Practices they work on"
        hint="Type the start of a practice name and pick it"
      />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="save()" [disabled]="busy()">
        {{ busy() ? 'Saving…' : 'Save practices' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      max-width: 560px;
    }
    .note {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignPracticesDialog {
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly assignments = inject(StaffAssignments);
  private readonly ref = inject<MatDialogRef<AssignPracticesDialog, string[]>>(MatDialogRef);
  private readonly current = this.assignments.get(this.user.id);
  protected readonly known = this.current !== null;
  protected readonly selected = signal<PracticePick[]>(
    (this.current ?? []).map((id) => ({ id, name: this.directory.name(id) ?? id })),
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly extra = signal<string[]>([]);

  async save(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const practices = this.selected();
      this.directory.remember(practices);
      const done = await this.users.assignPractices(
        this.user.id,
        practices.map((p) => p.id),
      );
      this.assignments.set(this.user.id, done.practiceIds);
      this.ref.close(done.practiceIds);
    } catch (e) {
      const problem = toProblem(e);
      this.problem.set(problem);
      this.extra.set(problem.errors.map((x) => x.message));
    } finally {
      this.busy.set(false);
    }
  }
}
