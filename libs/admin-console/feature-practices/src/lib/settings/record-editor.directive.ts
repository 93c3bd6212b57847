import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  effect,
  input,
  linkedSignal,
  output,
  untracked,
} from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { toProblem } from '@claimline/admin-console/data-access-core';
import { ErrorBannerComponent, FormSave, injectFieldFocus } from '@claimline/admin-console/ui-common';

/**
 * What the Team members and Office locations editors share: fill the form from the record the
 * page opens (and put the cursor on a field), save it (create, or update with the version it was
 * opened with), show the server's refusal next to the fields, and after a 409 load the latest.
 */
@Directive()
export abstract class RecordEditor<T extends { id: string; version: number }, Body> {
  private readonly fieldFocus = injectFieldFocus();

  readonly practiceId = input.required<string>();
  /** null: a new record. */
  readonly record = input<T | null>(null);
  /** Field to put the cursor on when the editor opens (from `?focus=`); `firstField` otherwise. */
  readonly focus = input<string | null>(null);
  readonly saved = output<T>();
  readonly cancelled = output<void>();

  protected readonly current = linkedSignal(() => this.record());
  // Read by the editor's `<cl-editor-panel [editor]="this">`.
  private readonly saving = new FormSave(() => this.form, {
    conflictDetail: () =>
      `${this.nameOf(this.current())} was changed by someone else since you opened it. Load the latest version, then make your change again.`,
  });
  readonly busy = this.saving.busy;
  readonly problem = this.saving.problem;
  readonly unmatched = this.saving.unmatched;
  readonly conflict = this.saving.conflict;

  /** Edits that closing the editor or leaving the page would lose (asked by the page's guard). */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected abstract readonly form: FormGroup;
  protected abstract readonly firstField: string;
  /** Fills the form from the record, or empties it for a new one. */
  protected abstract fill(record: T | null): void;
  /** The form as the API takes it (called once the form is valid). */
  protected abstract body(): Body;
  /** Creates the record, or updates `current` (with its version). */
  protected abstract send(body: Body, current: T | null): Promise<T>;
  protected abstract latest(current: T): Promise<T>;
  /** The record in words for the 409 message ("Downtown office"). */
  protected abstract nameOf(current: T | null): string;

  constructor() {
    // The page may switch the open editor to another record: refill, and put the cursor back.
    effect(() => {
      const record = this.record();
      const focus = this.focus();
      untracked(() => {
        this.fill(record);
        this.saving.clear();
        this.fieldFocus.focus(focus ?? this.firstField);
      });
    });
  }

  protected async save(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return;
    const body = this.body();
    const done = await this.saving.run(async () => {
      const saved = await this.send(body, this.current());
      this.current.set(saved);
      this.saved.emit(saved);
    });
    if (!done) this.fieldFocus.focusFirstInvalid();
  }

  /** After a 409: the record as it is now, with the version to send next. */
  async reloadLatest(): Promise<void> {
    const record = this.current();
    if (!record) return;
    this.busy.set(true);
    try {
      const latest = await this.latest(record);
      this.current.set(latest);
      this.fill(latest);
      this.saving.clear();
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.busy.set(false);
    }
  }
}

let panels = 0;

/**
 * The frame of a record editor: its heading (naming the region), the server's refusal and, after
 * a 409, the button that loads the latest version. The editor's `<form>` goes inside.
 */
@Component({
  selector: 'cl-editor-panel',
  imports: [MatButtonModule, ErrorBannerComponent],
  template: `
    <section class="editor" [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId">{{ heading() }}</h3>
      <cl-error-banner [problem]="editor().problem()" [extra]="editor().unmatched()" />
      @if (editor().conflict()) {
        <div class="cl-actions conflict">
          <button
            mat-stroked-button
            type="button"
            (click)="editor().reloadLatest()"
            [disabled]="editor().busy()"
          >
            Load the latest version
          </button>
          <span>Your changes are kept in the form until you load it.</span>
        </div>
      }
      <ng-content />
    </section>
  `,
  styles: `
    .editor {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      margin-bottom: 24px;
      background: var(--mat-sys-surface-container-low);
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .conflict {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditorPanelComponent {
  readonly heading = input.required<string>();
  readonly editor =
    input.required<
      Pick<RecordEditor<never, unknown>, 'problem' | 'unmatched' | 'conflict' | 'busy' | 'reloadLatest'>
    >();
  protected readonly headingId = `editor-${++panels}`;
}

/**
 * The buttons under a record editor's fields, inside its `<form>`: save (its words say whether it
 * adds or saves, and that it is busy) and cancel.
 */
@Component({
  selector: 'cl-editor-actions',
  imports: [MatButtonModule],
  template: `
    <div class="cl-actions">
      <button mat-flat-button type="submit" [disabled]="editor().busy()">
        {{ editor().busy() ? 'Saving…' : editing() ? 'Save changes' : addLabel() }}
      </button>
      <button mat-button type="button" (click)="cancel.emit()" [disabled]="editor().busy()">Cancel</button>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditorActionsComponent {
  readonly editor = input.required<Pick<RecordEditor<never, unknown>, 'busy'>>();
  /** An existing record is open (else the button adds one). */
  readonly editing = input.required<boolean>();
  /** "Add location". */
  readonly addLabel = input.required<string>();
  readonly cancel = output<void>();
}
