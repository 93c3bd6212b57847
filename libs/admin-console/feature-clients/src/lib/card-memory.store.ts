import { Injectable, signal } from '@angular/core';
import type { DocumentKind, DocumentView } from '@claimline/contracts/documents';

interface Remembered {
  id: string;
  policyId: string;
  kind: DocumentKind;
}

const KEY = 'claimline.cardUploads';

/**
 * Insurance-card documents uploaded in this browser session, per policy. Policies list their
 * current card ids (`cards`) only on newer APIs, and the documents API has no "documents of a
 * record" search, so this keeps what was uploaded here visible while the user moves between
 * tabs, clients and reloads. Only ids are kept in sessionStorage (no file names: they can name the client).
 */
@Injectable({ providedIn: 'root' })
export class CardMemory {
  private readonly byPolicy = signal<Record<string, DocumentView[]>>({});

  of(policyId: string): DocumentView[] {
    return this.byPolicy()[policyId] ?? [];
  }

  /** Ids uploaded for the policy earlier in this session (newest first), loaded or not. */
  idsOf(policyId: string): string[] {
    return this.stored()
      .filter((r) => r.policyId === policyId)
      .map((r) => r.id);
  }

  add(doc: DocumentView): void {
    this.byPolicy.update((all) => ({
      ...all,
      [doc.linkedId]: [doc, ...(all[doc.linkedId] ?? []).filter((d) => d.id !== doc.id)],
    }));
    this.store([
      { id: doc.id, policyId: doc.linkedId, kind: doc.kind },
      ...this.stored().filter((r) => r.id !== doc.id),
    ]);
  }

  /** A document read back after a reload: shown again without being recorded twice. */
  restore(doc: DocumentView): void {
    this.byPolicy.update((all) => {
      const list = all[doc.linkedId] ?? [];
      if (list.some((d) => d.id === doc.id)) return all;
      const order = this.idsOf(doc.linkedId);
      const next = [...list, doc].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      return { ...all, [doc.linkedId]: next };
    });
  }

  remove(doc: Pick<DocumentView, 'id' | 'linkedId'>): void {
    this.byPolicy.update((all) => ({
      ...all,
      [doc.linkedId]: (all[doc.linkedId] ?? []).filter((d) => d.id !== doc.id),
    }));
    this.store(this.stored().filter((r) => r.id !== doc.id));
  }

  private stored(): Remembered[] {
    try {
      const value = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(value)
        ? (value as Remembered[]).filter((r) => typeof r?.id === 'string' && typeof r?.policyId === 'string')
        : [];
    } catch {
      return [];
    }
  }

  private store(list: Remembered[]): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(list.slice(0, 200)));
    } catch {
      /* storage full or disabled: the in-memory list still works */
    }
  }
}
