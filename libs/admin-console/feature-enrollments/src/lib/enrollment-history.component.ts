import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ApiProblem } from '@claimline/admin-console/data-access-core';
import {
  ErrorBannerComponent,
  LoadingComponent,
  StatusChipComponent,
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import type { EnrollmentHistoryEntry, EnrollmentStatus } from '@claimline/contracts/enrollments';
import { ACTION_LABELS, STATUS_TONES, statusLabel } from './enrollment-words';

/** An enrollment's history, newest last: each move with its reason and who made it. */
@Component({
  selector: 'cl-enrollment-history',
  imports: [DisplayDatePipe, ErrorBannerComponent, LoadingComponent, StatusChipComponent],
  templateUrl: './enrollment-history.component.html',
  styleUrl: './enrollment-history.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrollmentHistoryComponent {
  /** null while loading (or when it failed: then `problem`). */
  readonly entries = input<EnrollmentHistoryEntry[] | null>(null);
  readonly problem = input<ApiProblem | null>(null);
  /** The signed-in user, to say "By you". */
  readonly userId = input<string | null>(null);
  protected readonly tones = STATUS_TONES;

  protected label(status: EnrollmentStatus): string {
    return statusLabel(status);
  }

  protected actionLabel(action: string): string {
    return ACTION_LABELS[action] ?? action;
  }

  protected who(entry: EnrollmentHistoryEntry): string {
    if (!entry.changedBy) return 'By the system';
    return entry.changedBy === this.userId() ? 'By you' : 'By a user of Claimline';
  }
}
