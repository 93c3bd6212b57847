import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type {
  EnrollmentAction,
  EnrollmentHistoryEntry,
  EnrollmentPreview,
  EnrollmentType,
  EnrollmentView,
} from '@claimline/contracts/enrollments';
import type { DocumentView } from '@claimline/contracts/documents';

/** The body of a PATCH: the action, the version read, and what the action needs. */
export type EnrollmentActionBody =
  | { action: 'accept' }
  | { action: 'reject'; reason: string }
  | { action: 'require_document'; instructions: string }
  | { action: 'attach_document'; documentId: string };

/** Payer enrollments of a practice (claim filing and payment reports), +Enroll and the clearinghouse's answers. */
@Injectable({ providedIn: 'root' })
export class EnrollmentsApi {
  private readonly http = inject(HttpClient);

  /** Both enrollment types of every payer of the directory, with the status for this practice. */
  async list(practiceId: string): Promise<EnrollmentView[]> {
    const page = await firstValueFrom(
      this.http.get<{ items: EnrollmentView[] }>(`${API_BASE}/practices/${practiceId}/enrollments`),
    );
    return page.items;
  }

  /** Exactly what +Enroll would send now, and what is missing in practice settings. */
  preview(practiceId: string, payerId: string, type: EnrollmentType): Promise<EnrollmentPreview> {
    return firstValueFrom(
      this.http.get<EnrollmentPreview>(`${API_BASE}/practices/${practiceId}/enrollments/preview`, {
        params: { payerId, type },
      }),
    );
  }

  /** +Enroll: builds the request from practice settings and submits it. */
  enroll(practiceId: string, payerId: string, type: EnrollmentType): Promise<EnrollmentView> {
    return firstValueFrom(
      this.http.post<EnrollmentView>(`${API_BASE}/practices/${practiceId}/enrollments`, { payerId, type }),
    );
  }

  get(enrollmentId: string): Promise<EnrollmentView> {
    return firstValueFrom(this.http.get<EnrollmentView>(`${API_BASE}/enrollments/${enrollmentId}`));
  }

  async history(enrollmentId: string): Promise<EnrollmentHistoryEntry[]> {
    const page = await firstValueFrom(
      this.http.get<{ items: EnrollmentHistoryEntry[] }>(`${API_BASE}/enrollments/${enrollmentId}/history`),
    );
    return page.items;
  }

  /** Moves the enrollment on; `version` is the one read (409 with `currentVersion` when someone acted first). */
  act(enrollmentId: string, version: number, body: EnrollmentActionBody): Promise<EnrollmentView> {
    const payload: { version: number; action: EnrollmentAction } & Record<string, unknown> = {
      version,
      ...body,
    };
    return firstValueFrom(
      this.http.patch<EnrollmentView>(`${API_BASE}/enrollments/${enrollmentId}`, payload),
    );
  }

  /**
   * Uploads a file as an enrollment form of this enrollment (the raw bytes as the body; the
   * documents service decides the type from the bytes and refuses anything but PDF, JPEG and PNG).
   */
  uploadEnrollmentForm(
    practiceId: string,
    enrollmentId: string,
    file: Blob,
    name: string,
  ): Promise<DocumentView> {
    return firstValueFrom(
      this.http.post<DocumentView>(`${API_BASE}/practices/${practiceId}/documents`, file, {
        params: { linkedType: 'enrollment', linkedId: enrollmentId, kind: 'enrollment_form', name },
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    );
  }

  /** The metadata of an attached document (name, size, type). */
  document(practiceId: string, documentId: string): Promise<DocumentView> {
    return firstValueFrom(
      this.http.get<DocumentView>(`${API_BASE}/practices/${practiceId}/documents/${documentId}`),
    );
  }

  /** The bytes of an attached document (verified by the service), to save or open. */
  documentContent(practiceId: string, documentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${API_BASE}/practices/${practiceId}/documents/${documentId}/content`, {
        responseType: 'blob',
      }),
    );
  }
}
