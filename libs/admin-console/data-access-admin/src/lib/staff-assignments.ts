import { Injectable, signal } from '@angular/core';

/**
 * The practices billing staff were assigned in this session. The API can set a staff member's
 * practices but not read them back, so the console remembers what it set (and says so).
 */
@Injectable({ providedIn: 'root' })
export class StaffAssignments {
  private readonly known = signal<ReadonlyMap<string, string[]>>(new Map());

  get(userId: string): string[] | null {
    return this.known().get(userId) ?? null;
  }

  set(userId: string, practiceIds: string[]): void {
    const next = new Map(this.known());
    next.set(userId, practiceIds);
    this.known.set(next);
  }
}
