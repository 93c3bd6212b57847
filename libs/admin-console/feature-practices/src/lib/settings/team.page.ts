import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { routeParam, toProblem } from '@claimline/admin-console/data-access-core';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  injectFieldFocus,
  LoadingComponent,
  RowActionsComponent,
} from '@claimline/admin-console/ui-common';
import type { TeamMemberView } from '@claimline/contracts/practice-settings';
import type { TaxonomyEntry } from '@claimline/reference-data';
import { RECORD_LIST_STYLES, RecordListPage } from './record-list.directive';
import { ROLE_LABELS, TeamMemberEditorComponent } from './team-member-editor.component';

/**
 * Team members of a practice: who they are, their role, personal NPI, taxonomy and Secure
 * Messaging; add, edit, remove. `team-members/:memberId` (readiness links) opens that member's
 * editor, `?focus=npi` puts the cursor on a field; `?focus=add` opens an empty editor.
 */
@Component({
  selector: 'cl-team-page',
  imports: [
    MatButtonModule,
    MatSlideToggleModule,
    MatTableModule,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    RowActionsComponent,
    TeamMemberEditorComponent,
  ],
  template: `
    <section aria-labelledby="team-heading">
      <div class="section-head">
        <div>
          <h2 id="team-heading">Team members</h2>
          <p class="intro">
            Clinicians and staff of the practice. Each clinician's personal (Type 1) NPI and taxonomy code go
            on the claims they render.
          </p>
        </div>
        @if (canEdit() && !editing()) {
          <button mat-flat-button type="button" (click)="openNew()">Add team member</button>
        }
      </div>

      <cl-error-banner [problem]="problem()" />

      @if (editing(); as e) {
        <cl-team-member-editor
          [practiceId]="practiceId() ?? ''"
          [record]="e.record"
          [focus]="e.focus"
          (saved)="onSaved($event)"
          (cancelled)="close()"
        />
      }

      @if (loading()) {
        <cl-loading label="Loading team members…" />
      } @else if (loaded()) {
        @if (items().length === 0) {
          @if (!editing()) {
            <cl-empty title="No team members yet">
              <p>
                Add yourself (or each clinician) with the role Owner or Clinician and a personal NPI: claims
                need one.
              </p>
              @if (canEdit()) {
                <button mat-stroked-button type="button" (click)="openNew()">
                  Add the first team member
                </button>
              }
            </cl-empty>
          }
        } @else {
          <div class="table-wrap">
            <table mat-table [dataSource]="items()" class="members" aria-label="Team members">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef>Name</th>
                <td mat-cell *matCellDef="let m">
                  <span class="name"
                    >{{ m.firstName }} {{ m.lastName }}
                    @if (m.credentials.length) {
                      , {{ m.credentials.join(', ') }}
                    }
                  </span>
                  <span class="sub">{{ m.email }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="role">
                <th mat-header-cell *matHeaderCellDef>Role</th>
                <td mat-cell *matCellDef="let m">{{ roleLabel(m) }}</td>
              </ng-container>
              <ng-container matColumnDef="npi">
                <th mat-header-cell *matHeaderCellDef>NPI</th>
                <td mat-cell *matCellDef="let m">
                  @if (m.npi) {
                    <span class="mono">{{ m.npi }}</span>
                  } @else if (m.role !== 'staff') {
                    <span class="missing">Missing</span>
                  } @else {
                    <span class="sub">—</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="taxonomy">
                <th mat-header-cell *matHeaderCellDef>Taxonomy</th>
                <td mat-cell *matCellDef="let m">
                  @if (m.taxonomyCode) {
                    <span class="mono">{{ m.taxonomyCode }}</span>
                    @if (taxonomyNames()[m.taxonomyCode]; as t) {
                      <span class="sub">{{ t }}</span>
                    }
                  } @else {
                    <span class="sub">—</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="messaging">
                <th mat-header-cell *matHeaderCellDef>Messaging</th>
                <td mat-cell *matCellDef="let m">
                  <mat-slide-toggle
                    [checked]="m.secureMessagingEnabled"
                    [disabled]="!canEdit() || toggling() === m.id"
                    (change)="toggleMessaging(m, $event.checked)"
                    [attr.data-member]="m.id"
                    [aria-label]="'Secure Messaging for ' + m.firstName + ' ' + m.lastName"
                    >{{ m.secureMessagingEnabled ? 'On' : 'Off' }}</mat-slide-toggle
                  >
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef><span class="cl-visually-hidden">Actions</span></th>
                <td mat-cell *matCellDef="let m">
                  @if (canEdit()) {
                    <cl-row-actions [name]="nameOf(m)" (edit)="openEdit(m)" (remove)="remove(m)" />
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr
                mat-row
                *matRowDef="let m; columns: columns"
                [attr.data-member-row]="m.id"
                [class.current]="editing()?.record?.id === m.id"
              ></tr>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: [
    RECORD_LIST_STYLES,
    `
      .members {
        width: 100%;
        min-width: 600px;
      }
      .members .sub {
        overflow-wrap: anywhere;
      }
      .mono {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      .missing {
        color: var(--mat-sys-error);
        font-weight: 600;
      }
      @media (max-width: 1023px) {
        td.mat-mdc-cell,
        th.mat-mdc-header-cell {
          padding: 8px 6px;
        }
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage extends RecordListPage<TeamMemberView> {
  protected readonly editor = viewChild(TeamMemberEditorComponent);
  private readonly router = inject(Router);
  private readonly memberId = routeParam('memberId');
  private readonly fieldFocus = injectFieldFocus();
  protected readonly toggling = signal<string | null>(null);
  protected readonly taxonomyNames = signal<Record<string, string>>({});
  protected readonly columns = ['name', 'role', 'npi', 'taxonomy', 'messaging', 'actions'];

  constructor() {
    super();
    effect(() => {
      const practiceId = this.practiceId();
      const memberId = this.memberId();
      const focus = this.focus();
      untracked(() => void this.load(practiceId, memberId, focus));
    });
  }

  protected roleLabel(m: TeamMemberView): string {
    return ROLE_LABELS[m.role];
  }

  protected sort(list: TeamMemberView[]): TeamMemberView[] {
    return [...list].sort(
      (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
    );
  }

  protected nameOf(m: TeamMemberView): string {
    return `${m.firstName} ${m.lastName}`;
  }

  protected removalNote(m: TeamMemberView): string {
    const name = this.nameOf(m);
    return `${name} will no longer be listed on the practice's team, and claims can no longer name them as rendering provider. Past claims keep their information.`;
  }

  protected delete(practiceId: string, m: TeamMemberView): Promise<void> {
    return this.api.removeTeamMember(practiceId, m.id);
  }

  protected override close(): void {
    const e = this.editing();
    super.close();
    if (e?.fromRoute)
      void this.router.navigate(['/practices', this.practiceId(), 'settings', 'team-members'], {
        replaceUrl: true,
      });
  }

  protected override onSaved(saved: TeamMemberView): void {
    void this.describeTaxonomies([saved]);
    super.onSaved(saved);
  }

  protected async toggleMessaging(member: TeamMemberView, on: boolean): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    this.toggling.set(member.id);
    this.problem.set(null);
    try {
      const saved = await this.api.updateTeamMember(practiceId, member.id, {
        version: member.version,
        secureMessagingEnabled: on,
      });
      this.items.update((list) => list.map((m) => (m.id === saved.id ? saved : m)));
      this.snack.open(`Saved: Secure Messaging ${on ? 'on' : 'off'} for ${this.nameOf(member)}`, undefined, {
        duration: 4000,
      });
    } catch (e) {
      const p = toProblem(e);
      // A new row object redraws the switch where the record is; the banner says why.
      this.items.update((list) => list.map((m) => (m.id === member.id ? { ...m } : m)));
      this.problem.set(
        p.status === 409
          ? {
              ...p,
              detail: `${this.nameOf(member)} was changed by someone else in the meantime. The list now shows the latest information; switch again if still needed.`,
            }
          : p,
      );
      if (p.status === 409) await this.load(practiceId, null, null, true);
    } finally {
      this.toggling.set(null);
    }
  }

  private async load(
    practiceId: string | null,
    memberId: string | null,
    focus: string | null,
    quiet = false,
  ): Promise<void> {
    if (!practiceId) return;
    if (!quiet) {
      this.loading.set(true);
      this.problem.set(null);
    }
    try {
      const page = await this.api.listTeamMembers(practiceId);
      const members = this.sort(page.items);
      this.items.set(members);
      this.loaded.set(true);
      void this.describeTaxonomies(members);
      if (quiet) return;
      if (memberId) {
        const member =
          members.find((m) => m.id === memberId) ?? (await this.api.getTeamMember(practiceId, memberId));
        this.editing.set({ record: member, focus: focus === 'teamMembers' ? null : focus, fromRoute: true });
      } else if (focus === 'add' || focus === 'teamMembers') {
        this.editing.set({ record: null, focus: null });
      } else if (focus) {
        this.fieldFocus.focus(focus);
      }
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  private async describeTaxonomies(members: TeamMemberView[]): Promise<void> {
    const codes = [...new Set(members.map((m) => m.taxonomyCode).filter((c): c is string => !!c))].filter(
      (c) => !(c in this.taxonomyNames()),
    );
    const entries = await Promise.all(codes.map((c) => this.api.taxonomy(c)));
    const names = { ...this.taxonomyNames() };
    for (const entry of entries.filter((e): e is TaxonomyEntry => !!e)) names[entry.code] = entry.displayName;
    this.taxonomyNames.set(names);
  }
}
