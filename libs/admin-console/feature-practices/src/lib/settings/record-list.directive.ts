import { Directive, ElementRef, inject, signal, type Signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { routeParam, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import { confirm, focusParam } from '@claimline/admin-console/ui-common';
import { canEditSettings } from '../settings-access';

export interface Editing<T> {
  /** null: a new record. */
  record: T | null;
  /** Field the editor puts the cursor on. */
  focus: string | null;
  /** Opened by a route of its own (`team-members/:memberId`): closing returns to the list's address. */
  fromRoute?: boolean;
}

/** Styles of a settings list page (Team members, Office locations): heading row, table (the row actions are `<cl-row-actions>`). */
export const RECORD_LIST_STYLES = `
  .section-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; margin-bottom: 16px; }
  h2 { font: var(--mat-sys-title-large); margin: 0; }
  .intro { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); max-width: 70ch; }
  .table-wrap { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
  .name { display: block; font-weight: 600; }
  .sub { display: block; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  tr.current td { background: var(--mat-sys-secondary-container); }
  td.mat-mdc-cell, th.mat-mdc-header-cell { padding: 8px 12px; }
`;

/**
 * What the Team members and Office locations pages share: the practice from the route, the list,
 * the open editor (new or a row's), and saving or removing a row with a word in the snack bar.
 */
@Directive()
export abstract class RecordListPage<T extends { id: string }> {
  protected readonly api = inject(PracticeSettingsApi);
  protected readonly snack = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly dialog = inject(MatDialog);

  protected readonly practiceId = routeParam('practiceId');
  protected readonly focus = focusParam();
  protected readonly canEdit = canEditSettings();

  protected readonly loading = signal(true);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly items = signal<T[]>([]);
  protected readonly editing = signal<Editing<T> | null>(null);

  /** The open editor, if any (`viewChild` of the page's editor component). */
  protected abstract readonly editor: Signal<{ hasUnsavedChanges(): boolean } | undefined>;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.editor()?.hasUnsavedChanges() ?? false;
  }

  protected abstract sort(list: T[]): T[];
  protected abstract nameOf(item: T): string;
  /** What removing the record means, for the confirmation. */
  protected abstract removalNote(item: T): string;
  protected abstract delete(practiceId: string, item: T): Promise<void>;

  protected openNew(): void {
    this.editing.set({ record: null, focus: null });
    this.host.scrollIntoView({ block: 'start' });
  }

  protected openEdit(record: T): void {
    this.editing.set({ record, focus: null });
    this.host.scrollIntoView({ block: 'start' });
  }

  protected close(): void {
    this.editing.set(null);
  }

  protected onSaved(saved: T): void {
    const list = this.items();
    this.items.set(
      this.sort(
        list.some((x) => x.id === saved.id)
          ? list.map((x) => (x.id === saved.id ? saved : x))
          : [...list, saved],
      ),
    );
    this.snack.open('Saved', undefined, { duration: 4000 });
    this.close();
  }

  protected async remove(item: T): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const name = this.nameOf(item);
    if (
      !(await confirm(this.dialog, {
        title: `Remove ${name}?`,
        message: this.removalNote(item),
        confirm: 'Remove',
        cancel: 'Keep',
        danger: true,
      }))
    )
      return;
    this.problem.set(null);
    try {
      await this.delete(practiceId, item);
      this.items.update((list) => list.filter((x) => x.id !== item.id));
      if (this.editing()?.record?.id === item.id) this.close();
      this.snack.open(`Removed ${name}`, undefined, { duration: 4000 });
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }
}
