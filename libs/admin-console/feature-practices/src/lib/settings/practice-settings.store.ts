import { inject, Injectable, signal } from '@angular/core';
import { type ApiProblem, PracticeContext, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticesApi } from '@claimline/admin-console/data-access-practices';
import type { PracticeView } from '@claimline/contracts/practice-settings';

/**
 * The practice whose settings are open, shared by the settings layout and its tabs (provided by
 * the layout, so each visit starts fresh). A save puts the answer here and in the header.
 */
@Injectable()
export class PracticeSettingsStore {
  private readonly api = inject(PracticesApi);
  private readonly context = inject(PracticeContext);
  readonly practiceId = signal<string | null>(null);
  readonly practice = signal<PracticeView | null>(null);
  readonly problem = signal<ApiProblem | null>(null);

  async load(practiceId: string): Promise<void> {
    this.practiceId.set(practiceId);
    this.practice.set(null);
    this.problem.set(null);
    await this.reload();
  }

  /** Reads the practice again (after a 409, or to retry). */
  async reload(): Promise<PracticeView | null> {
    const id = this.practiceId();
    if (!id) return null;
    try {
      const practice = await this.api.get(id);
      if (id !== this.practiceId()) return null;
      this.problem.set(null);
      this.saved(practice);
      return practice;
    } catch (e) {
      if (id === this.practiceId()) this.problem.set(toProblem(e));
      return null;
    }
  }

  /** The API's answer to a save: the tabs show it, the header follows the name. */
  saved(practice: PracticeView): void {
    this.practice.set(practice);
    this.context.update(practice);
  }
}
