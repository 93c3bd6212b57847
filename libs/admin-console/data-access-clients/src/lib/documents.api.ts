import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import type { DocumentKind, DocumentLinkType, DocumentView } from '@claimline/contracts/documents';

/** The types documents-service accepts (it decides by the bytes; this is for the file picker). */
export const ACCEPTED_DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** The gateway's and the service's default limit (DOCUMENT_MAX_BYTES_DEFAULT, 10 MB). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadTarget {
  linkedType: DocumentLinkType;
  linkedId: string;
  kind: DocumentKind;
}

/**
 * Documents of a practice (`apps/api-gateway/src/documents`): uploads are the raw file as the
 * request body with its own content type, the metadata in the query string; the content comes
 * back as bytes, fetched with the bearer token (never a plain link: the API needs the header).
 */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  async upload(practiceId: string, file: File, target: UploadTarget): Promise<DocumentView> {
    const params = {
      linkedType: target.linkedType,
      linkedId: target.linkedId,
      kind: target.kind,
      name: file.name,
    };
    return firstValueFrom(
      this.http.post<DocumentView>(`${API_BASE}/practices/${practiceId}/documents`, file, {
        params,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    );
  }

  async get(practiceId: string, documentId: string): Promise<DocumentView> {
    return firstValueFrom(
      this.http.get<DocumentView>(`${API_BASE}/practices/${practiceId}/documents/${documentId}`),
    );
  }

  /**
   * The verified bytes as a Blob (for `URL.createObjectURL`); `preview` asks for the small image made
   * at upload (only when the document has one). Throws an `ApiProblem` (already in words).
   */
  async content(practiceId: string, documentId: string, size?: 'preview'): Promise<Blob> {
    const params: Record<string, string> = size ? { size } : {};
    try {
      return await firstValueFrom(
        this.http.get(`${API_BASE}/practices/${practiceId}/documents/${documentId}/content`, {
          params,
          responseType: 'blob',
        }),
      );
    } catch (error) {
      throw await blobProblem(error);
    }
  }

  async remove(practiceId: string, documentId: string): Promise<void> {
    await firstValueFrom(this.http.delete(`${API_BASE}/practices/${practiceId}/documents/${documentId}`));
  }
}

/** A problem out of an error whose body was asked for as a Blob (the problem document is inside it). */
export async function blobProblem(error: unknown): Promise<ApiProblem> {
  const e = error as { status?: number; error?: unknown };
  if (e?.error instanceof Blob) {
    const text = await e.error.text().catch(() => '');
    return toProblem({ status: e.status, error: text });
  }
  return toProblem(error);
}
