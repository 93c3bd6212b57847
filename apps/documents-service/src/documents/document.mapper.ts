import type { DocumentView } from '@claimline/contracts/documents';
import { DocumentEntity } from './entities/document.entity';

export function toDocumentView(d: DocumentEntity): DocumentView {
  return {
    id: d.id,
    practiceId: d.practiceId,
    linkedType: d.linkedType,
    linkedId: d.linkedId,
    kind: d.kind,
    originalName: d.originalName,
    sizeBytes: d.sizeBytes,
    contentType: d.contentType,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt.toISOString(),
    preview:
      d.previewStorageKey &&
      d.previewContentType &&
      d.previewSizeBytes !== null &&
      d.previewWidth !== null &&
      d.previewHeight !== null
        ? {
            contentType: d.previewContentType,
            width: d.previewWidth,
            height: d.previewHeight,
            sizeBytes: d.previewSizeBytes,
          }
        : null,
  };
}
