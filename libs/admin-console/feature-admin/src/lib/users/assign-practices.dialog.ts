import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import type { UserView } from '@claimline/contracts/gateway';
import { ErrorBannerComponent, LoadingComponent, plural } from '@claimline/admin-console/ui-common';
import { PracticeChipsComponent } from '../shared/practice-chips.component';
import type { PracticePick } from '../shared/practice-field.component';

/** The practices a billing staff member works on, starting from their current ones. */
@Component({
  selector: 'cl-assign-practices-dialog',
  imports: [MatDialogModule, MatButtonModule, ErrorBannerComponent, LoadingComponent, PracticeChipsComponent],
  template: `
    <h2 mat-dialog-title>Practices of {{ user.displayName || user.email }}</h2>
    <mat-dialog-content>
      <cl-error-banner [problem]="problem()" [extra]="extra()" />
      @if (loading()) {
        <cl-loading label="Loading their practices…" />
      } @else {
        <cl-practice-chips [(selected)]="selected" label="Practices they work on" [hint]="hint()" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="save()" [disabled]="busy() || loading()">
        {{ busy() ? 'Saving…' : 'Save practices' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      max-width: 560px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignPracticesDialog {
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly ref = inject<MatDialogRef<AssignPracticesDialog, string[]>>(MatDialogRef);
  protected readonly selected = signal<PracticePick[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly extra = signal<string[]>([]);

  constructor() {
    void this.prefill();
  }

  protected readonly hint = computed(() => {
    const n = this.selected().length;
    const count = n === 0 ? 'None selected' : plural(n, 'practice');
    return `${count}. Saving keeps exactly these; type the start of a name to add one.`;
  });

  /** Starts from the practices they work on now, named through the practice directory. */
  private async prefill(): Promise<void> {
    const ids = this.user.practiceIds ?? [];
    await this.directory.resolve(ids);
    const picks = ids.map((id) => ({ id, name: this.directory.name(id) ?? `Practice ${id.slice(0, 8)}` }));
    this.selected.set(picks.sort((a, b) => a.name.localeCompare(b.name)));
    this.loading.set(false);
  }

  async save(): Promise<void> {
    if (this.busy() || this.loading()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.extra.set([]);
    try {
      const practices = this.selected();
      const done = await this.users.assignPractices(
        this.user.id,
        practices.map((p) => p.id),
      );
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
