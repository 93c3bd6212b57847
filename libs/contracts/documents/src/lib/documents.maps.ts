import type { Page } from '@claimline/contracts/common';
import {
  DocumentIntegrityFailedEvent,
  DocumentRefDto,
  DocumentRemovedEvent,
  DocumentUploadedEvent,
  DocumentView,
  ListDocumentsQuery,
  OpenDocumentCommand,
  OpenDocumentResult,
  RegisterDocumentCommand,
} from './documents.dto';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface DocumentsRpc {
  'documents.document.register': { request: RegisterDocumentCommand; response: DocumentView };
  'documents.document.get': { request: DocumentRefDto; response: DocumentView };
  'documents.document.list': { request: ListDocumentsQuery; response: Page<DocumentView> };
  'documents.document.open': { request: OpenDocumentCommand; response: OpenDocumentResult };
  'documents.document.remove': { request: DocumentRefDto; response: { removed: true } };
  'documents.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}

export interface DocumentsEvents {
  'documents.document.uploaded': DocumentUploadedEvent;
  'documents.document.removed': DocumentRemovedEvent;
  'documents.document.integrity-failed': DocumentIntegrityFailedEvent;
}
