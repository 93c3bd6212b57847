import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { applyServerErrors } from './server-errors';

export interface FormSaveOptions {
  /** Maps a server field (e.g. `practiceId`) to the control path when they differ. */
  path?: (field: string) => string;
  /**
   * How a 409 shows. `banner` (the default): like any other refusal, in the error banner, in the
   * words of `conflictDetail` when given. `panel`: only `conflict` is set, for a form that shows
   * its own "load the latest version" panel instead of the banner.
   */
  conflict?: 'banner' | 'panel';
  /** The 409 in the form's own words ("Downtown office was changed by someone else…"). */
  conflictDetail?: () => string;
}

/**
 * The state of a form's save, and the one way to run it: busy while the request runs, the
 * server's refusal (problem+json) in `problem`, each of its field errors on the matching control
 * and the ones no control matches in `unmatched` (for the banner), a 409 in `conflict`.
 */
export class FormSave {
  readonly busy = signal(false);
  readonly problem = signal<ApiProblem | null>(null);
  readonly unmatched = signal<string[]>([]);
  /** The last save's 409, until a save succeeds or `clear()`. */
  readonly conflict = signal<ApiProblem | null>(null);

  /** `form` may be a function, for a form a subclass defines after this is made. */
  constructor(
    private readonly form: FormGroup | (() => FormGroup) | null,
    private readonly options: FormSaveOptions = {},
  ) {}

  /** Runs `send` (the request and what follows a success); false when the server refused it. */
  async run(send: () => Promise<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.clear();
    try {
      await send();
      // What was typed is saved now: leaving the page no longer loses anything.
      this.currentForm()?.markAsPristine();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows a refusal (from `run`, or from a request the form makes itself). */
  fail(error: unknown): ApiProblem {
    const problem = toProblem(error);
    const isConflict = problem.status === 409;
    this.conflict.set(isConflict ? problem : null);
    if (isConflict && this.options.conflict === 'panel') return problem;
    const form = this.currentForm();
    this.unmatched.set(form ? applyServerErrors(form, problem, this.options.path) : []);
    const detail = isConflict ? this.options.conflictDetail?.() : undefined;
    this.problem.set(detail ? { ...problem, detail } : problem);
    return problem;
  }

  /** The form's own refusal before anything is sent: its fields are marked next to them. */
  invalid(): void {
    this.unmatched.set([]);
    this.problem.set({
      status: 422,
      title: 'Check the form',
      detail: 'Some fields need your attention: see the messages next to them.',
      errors: [],
    });
  }

  /**
   * The form holds edits that leaving would lose: changed since it was filled or last saved, and
   * no save running (a save that succeeds may navigate away itself).
   */
  unsaved(): boolean {
    return !this.busy() && !!this.currentForm()?.dirty;
  }

  private currentForm(): FormGroup | null {
    return typeof this.form === 'function' ? this.form() : this.form;
  }

  clear(): void {
    this.problem.set(null);
    this.unmatched.set([]);
    this.conflict.set(null);
  }
}
