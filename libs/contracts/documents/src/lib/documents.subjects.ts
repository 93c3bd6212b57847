/** Request-reply subjects (`<service>.<entity>.<verb>`), served by documents-service in queue group `documents`. */
export const DOCUMENTS_SERVICE = 'documents';

export const DocumentsSubjects = {
  documentRegister: 'documents.document.register',
  documentGet: 'documents.document.get',
  documentList: 'documents.document.list',
  documentOpen: 'documents.document.open',
  documentRemove: 'documents.document.remove',
  healthPing: 'documents.health.ping',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. */
export const DocumentsEventTypes = {
  documentUploaded: 'documents.document.uploaded',
  documentRemoved: 'documents.document.removed',
  documentIntegrityFailed: 'documents.document.integrity-failed',
} as const;

/** What a document may be attached to. */
export const DOCUMENT_LINK_TYPES = ['client', 'policy', 'claim', 'enrollment', 'message'] as const;
export type DocumentLinkType = (typeof DOCUMENT_LINK_TYPES)[number];

export const DOCUMENT_KINDS = [
  'insurance_card_front',
  'insurance_card_back',
  'eob',
  'enrollment_form',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The only content types accepted; decided by the bytes, never by the name or the declared type. */
export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** Default size limit (10 MB); the service and the gateway both read `DOCUMENT_MAX_BYTES` (set the same value in both). */
export const DOCUMENT_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;

/** What `GET …/content?size=` serves: the stored file, or the small image made from it at upload. */
export const DOCUMENT_CONTENT_SIZES = ['original', 'preview'] as const;
export type DocumentContentSize = (typeof DOCUMENT_CONTENT_SIZES)[number];

/** Longest side of an image preview, in pixels (never enlarged). */
export const DOCUMENT_PREVIEW_MAX_SIDE = 480;

/** Previews are JPEG: every viewer shows it, and a card photo or scan has no transparency to keep. */
export const DOCUMENT_PREVIEW_CONTENT_TYPE = 'image/jpeg';

/**
 * JetStream Object Store bucket through which bytes travel between the gateway and the service
 * (see docs/adr/0007-document-bytes.md). Objects in it are temporary and short-lived.
 */
export const DOCUMENT_TRANSFER_BUCKET_DEFAULT = 'claimline-document-transfer';
