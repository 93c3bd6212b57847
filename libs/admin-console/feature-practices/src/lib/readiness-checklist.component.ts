import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StatusChipComponent } from '@claimline/admin-console/ui-common';
import type { PracticeReadiness, ReadinessItem } from '@claimline/contracts/practice-settings';
import { fixRoute, groupBySection, percentDone, placeName, sourceNote } from './readiness-words';

/** The "Set up your account" checklist: overall progress, then each section's items with where to fix them. */
@Component({
  selector: 'cl-readiness-checklist',
  imports: [RouterLink, MatProgressBarModule, StatusChipComponent],
  template: `
    @let r = readiness();
    <section class="summary" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Ready to bill?</h2>
      <p class="figure">
        <strong data-testid="readiness-progress">{{ r.done }} of {{ r.total }} done</strong>
        @if (r.complete) {
          <cl-status-chip label="Ready to bill" tone="success" />
        } @else {
          <cl-status-chip [label]="r.total - r.done + ' missing'" tone="warning" />
        }
      </p>
      <mat-progress-bar
        mode="determinate"
        [value]="percent()"
        [attr.aria-label]="'Setup progress: ' + r.done + ' of ' + r.total + ' done'"
      />
      <p class="lead">
        @if (r.complete) {
          Everything the billing team needs is in place.
        } @else {
          The billing team can submit claims once every item below is done.
        }
      </p>
      @if (notes().length) {
        <div class="sources" role="note" data-testid="readiness-sources">
          <strong>This checklist may be incomplete.</strong>
          <ul>
            @for (n of notes(); track n) {
              <li>{{ n }}</li>
            }
          </ul>
        </div>
      }
    </section>

    @for (s of sections(); track s.key) {
      <section class="section" [attr.aria-labelledby]="'section-' + s.key">
        <h2 [id]="'section-' + s.key">
          {{ s.title }} <span class="count">{{ s.done }} of {{ s.items.length }} done</span>
        </h2>
        <ul class="items">
          @for (item of s.items; track item.key) {
            <li class="item" [class.done]="item.status === 'done'" [attr.data-testid]="'readiness-item'">
              <div class="line">
                <cl-status-chip
                  [label]="item.status === 'done' ? 'Done' : 'Missing'"
                  [tone]="item.status === 'done' ? 'success' : 'warning'"
                />
                <span class="title">{{ item.title }}</span>
              </div>
              @if (item.missing.length) {
                <ul class="missing">
                  @for (m of item.missing; track m.field) {
                    <li>{{ m.label }}</li>
                  }
                </ul>
              }
              @if (item.note) {
                <p class="note">{{ item.note }}</p>
              }
              <a
                class="fix"
                [routerLink]="route(item.fixAt)"
                [queryParams]="focusOf(item)"
                [attr.aria-label]="item.title + ': ' + linkText(item.status, item.fixAt)"
                >{{ linkText(item.status, item.fixAt) }}</a
              >
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .summary {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      margin-bottom: 24px;
    }
    .figure {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 0 0 8px;
      font-size: 18px;
    }
    .lead {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .sources {
      margin-top: 12px;
      padding: 8px 12px;
      border-radius: 8px;
      border-left: 4px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-high);
      font-size: 14px;
    }
    .sources ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .section {
      margin-bottom: 24px;
    }
    .count {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .item {
      padding: 12px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .item:first-child {
      border-top: 0;
    }
    .line {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .title {
      font-weight: 600;
    }
    .done .title {
      font-weight: 400;
    }
    .missing {
      margin: 6px 0 0;
      padding-left: 20px;
    }
    .note {
      margin: 6px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .fix {
      display: inline-block;
      margin-top: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReadinessChecklistComponent {
  readonly practiceId = input.required<string>();
  readonly readiness = input.required<PracticeReadiness>();
  protected readonly sections = computed(() => groupBySection(this.readiness().items));
  protected readonly percent = computed(() => percentDone(this.readiness()));
  protected readonly notes = computed(() =>
    this.readiness()
      .sources.map(sourceNote)
      .filter((n): n is string => n !== null),
  );

  /** Settings pages put the cursor on `?focus=<field>` (readiness field paths). */
  protected focusOf(item: ReadinessItem): Record<string, string> | null {
    const field = item.status === 'missing' ? item.missing[0]?.field : undefined;
    return field && item.fixAt.includes('/settings/') ? { focus: field } : null;
  }

  protected route(fixAt: string): string {
    return fixRoute(this.practiceId(), fixAt);
  }

  protected linkText(status: 'done' | 'missing', fixAt: string): string {
    return `${status === 'done' ? 'Review' : 'Fix'} in ${placeName(fixAt)}`;
  }
}
