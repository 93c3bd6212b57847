import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { of } from 'rxjs';
import { mustConfirmLeaving, unsavedChangesGuard, type HasUnsavedChanges } from './unsaved-changes.guard';

describe('unsavedChangesGuard', () => {
  const opened: unknown[] = [];
  let answer = false;

  beforeEach(() => {
    opened.length = 0;
    TestBed.configureTestingModule({
      providers: [
        {
          provide: MatDialog,
          useValue: {
            open: (_: unknown, config: { data: unknown }) => {
              opened.push(config.data);
              return { afterClosed: () => of(answer) };
            },
          },
        },
      ],
    });
  });

  const leave = (page: Partial<HasUnsavedChanges>) =>
    TestBed.runInInjectionContext(() =>
      unsavedChangesGuard(
        page,
        {} as ActivatedRouteSnapshot,
        {} as RouterStateSnapshot,
        {} as RouterStateSnapshot,
      ),
    );

  it('asks only when the page has unsaved edits', () => {
    expect(mustConfirmLeaving({ hasUnsavedChanges: () => true })).toBe(true);
    expect(mustConfirmLeaving({ hasUnsavedChanges: () => false })).toBe(false);
    expect(mustConfirmLeaving({})).toBe(false);
    expect(mustConfirmLeaving(null)).toBe(false);
  });

  it('lets the person leave without a question when nothing is unsaved', () => {
    expect(leave({ hasUnsavedChanges: () => false })).toBe(true);
    expect(opened).toEqual([]);
  });

  it('stays when the person keeps editing, and leaves when they discard', async () => {
    answer = false;
    expect(await leave({ hasUnsavedChanges: () => true })).toBe(false);
    expect(opened).toEqual([expect.objectContaining({ title: 'Leave without saving?' })]);
    answer = true;
    expect(await leave({ hasUnsavedChanges: () => true })).toBe(true);
  });
});
