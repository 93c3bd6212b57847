import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { confirm } from './confirm.dialog';

/** A page whose edits leaving would lose (usually `FormSave.unsaved()`). */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Whether leaving `page` must be confirmed first; a page without the method never asks. */
export function mustConfirmLeaving(page: Partial<HasUnsavedChanges> | null | undefined): boolean {
  return typeof page?.hasUnsavedChanges === 'function' && page.hasUnsavedChanges();
}

/**
 * `canDeactivate: [unsavedChangesGuard]` on a route whose page edits a record: leaving with
 * unsaved edits asks first (the confirm dialog), and stays when the person keeps editing.
 */
export const unsavedChangesGuard: CanDeactivateFn<Partial<HasUnsavedChanges>> = (page) => {
  if (!mustConfirmLeaving(page)) return true;
  return confirm(inject(MatDialog), {
    title: 'Leave without saving?',
    message: 'Your changes on this page are not saved. Leaving now discards them.',
    confirm: 'Discard changes',
    cancel: 'Keep editing',
    danger: true,
  });
};
