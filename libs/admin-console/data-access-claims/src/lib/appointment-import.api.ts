import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { AppointmentImportPreview, AppointmentImportResult } from '@claimline/contracts/claims/plain';

/**
 * The appointments CSV import: the file goes as a multipart form (part `file`) to `preview`
 * (nothing saved) and to `commit`, which saves the valid rows of `fromRow`–`toRow` (spreadsheet
 * rows; all when left out). A row of the same file saved before is not saved again.
 */
@Injectable({ providedIn: 'root' })
export class AppointmentImportApi {
  private readonly http = inject(HttpClient);

  private url(practiceId: string, step: 'preview' | 'commit'): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}/appointments/import/${step}`;
  }

  preview(practiceId: string, file: File): Promise<AppointmentImportPreview> {
    return firstValueFrom(
      this.http.post<AppointmentImportPreview>(this.url(practiceId, 'preview'), form(file)),
    );
  }

  commit(
    practiceId: string,
    file: File,
    rows: { fromRow?: number; toRow?: number } = {},
  ): Promise<AppointmentImportResult> {
    const body = form(file);
    if (rows.fromRow !== undefined) body.append('fromRow', String(rows.fromRow));
    if (rows.toRow !== undefined) body.append('toRow', String(rows.toRow));
    return firstValueFrom(this.http.post<AppointmentImportResult>(this.url(practiceId, 'commit'), body));
  }
}

function form(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}
