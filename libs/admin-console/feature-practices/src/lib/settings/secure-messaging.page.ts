import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticeSettingsApi, PracticesApi } from '@claimline/admin-console/data-access-practices';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  FormSave,
  LoadingComponent,
  StatusChipComponent,
  plural,
} from '@claimline/admin-console/ui-common';
import type { TeamMemberView } from '@claimline/contracts/practice-settings';
import { canEditSettings } from '../settings-access';
import { PracticeSettingsStore } from './practice-settings.store';

const ROLE_WORDS: Record<string, string> = { owner: 'Owner', clinician: 'Clinician', staff: 'Staff' };

/**
 * The practice-level Secure Messaging switch. Messaging works for a person only when both the
 * practice's switch and their own (on the team page) are on, as the seed guide asks.
 */
@Component({
  selector: 'cl-secure-messaging-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatSlideToggleModule,
    StatusChipComponent,
    ErrorBannerComponent,
    LoadingComponent,
    EmptyStateComponent,
  ],
  template: `
    <section aria-labelledby="sm-heading">
      <h2 id="sm-heading">Secure messaging</h2>
      <p class="lead">
        The billing team writes to the practice through Secure Messaging. It has to be on in two places: here,
        for the practice as a whole, and for each team member on their own profile. A person can send and
        receive secure messages only when both are on.
      </p>

      @if (conflict()) {
        <div class="conflict" role="alert">
          <p>
            <strong>Someone else changed this practice in the meantime.</strong> Reload to see the current
            switch, then try again.
          </p>
          <button mat-flat-button type="button" (click)="reload()">Reload</button>
        </div>
      } @else {
        <cl-error-banner [problem]="problem()" />
      }

      @if (state.practice(); as p) {
        <div class="switch">
          <mat-slide-toggle
            [checked]="p.secureMessagingEnabled"
            [disabled]="busy() || !canEdit() || !!conflict()"
            (change)="toggle($event)"
            aria-describedby="sm-status"
            >Secure Messaging for the practice</mat-slide-toggle
          >
          <p id="sm-status" class="status" role="status">
            @if (busy()) {
              Saving…
            } @else if (p.secureMessagingEnabled) {
              On: team members whose own switch is on can message the billing team.
            } @else {
              Off: nobody at this practice can use Secure Messaging, whatever their own switch says.
            }
          </p>
          @if (!canEdit()) {
            <p class="readonly">Only the practice owner or the billing team can change this switch.</p>
          }
        </div>
      }

      <h3>Team members</h3>
      @if (members(); as list) {
        @if (list.length) {
          <p class="summary">{{ summary() }}</p>
          <ul class="members">
            @for (m of list; track m.id) {
              <li>
                <span class="who"
                  >{{ m.firstName }} {{ m.lastName }} <span class="role">· {{ role(m) }}</span></span
                >
                <cl-status-chip [label]="memberState(m)" [tone]="memberTone(m)" />
                <a
                  [routerLink]="['../team-members', m.id]"
                  [attr.aria-label]="'Change the switch of ' + m.firstName + ' ' + m.lastName"
                  >Change their switch</a
                >
              </li>
            }
          </ul>
        } @else {
          <cl-empty title="No team members yet">
            <p>
              Add the practice’s people on the <a routerLink="../team-members">Team members</a> tab; each has
              their own Secure Messaging switch.
            </p>
          </cl-empty>
        }
      } @else if (membersProblem()) {
        <cl-error-banner [problem]="membersProblem()" />
        <button mat-stroked-button type="button" (click)="loadMembers()">Try again</button>
      } @else {
        <cl-loading label="Loading team members…" />
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      max-width: 760px;
    }
    .switch {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      max-width: 760px;
    }
    .status {
      margin: 8px 0 0;
    }
    .readonly {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .conflict {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding: 12px 16px;
      border-radius: 8px;
      margin: 8px 0 16px;
    }
    .conflict p {
      margin: 0 0 8px;
    }
    .members {
      list-style: none;
      padding: 0;
      margin: 0;
      max-width: 760px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .members li {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      padding: 10px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .members li:first-child {
      border-top: 0;
    }
    .who {
      flex: 1 1 200px;
      font-weight: 600;
    }
    .role {
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    .summary {
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecureMessagingPage {
  private readonly api = inject(PracticesApi);
  private readonly settingsApi = inject(PracticeSettingsApi);
  protected readonly state = inject(PracticeSettingsStore);
  private readonly snack = inject(MatSnackBar);
  private readonly saving = new FormSave(null, { conflict: 'panel' });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly conflict = this.saving.conflict;
  protected readonly members = signal<TeamMemberView[] | null>(null);
  protected readonly membersProblem = signal<ApiProblem | null>(null);
  protected readonly canEdit = canEditSettings();
  protected readonly summary = computed(() => {
    const list = this.members() ?? [];
    const on = list.filter((m) => m.secureMessagingEnabled).length;
    const practiceOn = this.state.practice()?.secureMessagingEnabled ?? false;
    const own = `${on} of ${plural(list.length, 'team member has', 'team members have')} their own switch on`;
    return practiceOn ? `${own}.` : `${own}; none can use it until the practice switch is on.`;
  });

  constructor() {
    effect(() => {
      if (this.state.practiceId()) untracked(() => void this.loadMembers());
    });
  }

  protected role(m: TeamMemberView): string {
    return ROLE_WORDS[m.role] ?? m.role;
  }

  protected memberState(m: TeamMemberView): string {
    if (!m.secureMessagingEnabled) return 'Their switch is off';
    return this.state.practice()?.secureMessagingEnabled
      ? 'Can use Secure Messaging'
      : 'On, waiting for the practice switch';
  }

  protected memberTone(m: TeamMemberView): 'success' | 'warning' | 'neutral' {
    if (!m.secureMessagingEnabled) return 'neutral';
    return this.state.practice()?.secureMessagingEnabled ? 'success' : 'warning';
  }

  async loadMembers(): Promise<void> {
    const id = this.state.practiceId();
    if (!id) return;
    this.membersProblem.set(null);
    try {
      this.members.set((await this.settingsApi.listTeamMembers(id)).items);
    } catch (e) {
      this.membersProblem.set(toProblem(e));
    }
  }

  protected async toggle(event: MatSlideToggleChange): Promise<void> {
    const practice = this.state.practice();
    if (!practice) return;
    const on = event.checked;
    const done = await this.saving.run(async () => {
      const saved = await this.api.update(practice.id, {
        version: practice.version,
        secureMessagingEnabled: on,
      });
      this.state.saved(saved);
      this.snack.open(
        on ? 'Secure Messaging is on for the practice' : 'Secure Messaging is off for the practice',
        'OK',
        { duration: 4000 },
      );
    });
    if (!done) event.source.checked = !on;
  }

  protected async reload(): Promise<void> {
    this.busy.set(true);
    const p = await this.state.reload();
    this.busy.set(false);
    if (p) {
      this.saving.clear();
      await this.loadMembers();
    }
  }
}
