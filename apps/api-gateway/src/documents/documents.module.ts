import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DOCUMENTS_PROVIDERS } from './documents.rpc';

/**
 * Documents (documents-service). Bytes never travel in an RPC message: they go through the
 * JetStream Object Store transfer bucket (docs/adr/0007-document-bytes.md).
 *
 * Routes (under /api/v1):
 * - `POST /practices/{practiceId}/documents?linkedType=&linkedId=&kind=&name=` — raw body (not multipart:
 *   busboy is only a transitive dependency here), `Content-Type` the file's type; 201 with the metadata,
 *   413 over 10 MB, 422 when the bytes are not a complete JPEG, PNG or PDF or disagree with the name or type.
 * - `GET /practices/{practiceId}/documents/{documentId}` — metadata
 * - `GET /practices/{practiceId}/documents/{documentId}/content` — the bytes (`attachment`, `nosniff`, `no-store`)
 * - `DELETE /practices/{practiceId}/documents/{documentId}` — soft delete, 204
 *
 * Roles: reads for every signed-in role, scoped by the service (another practice's document is
 * 404); uploads and deletes for `CLIENT_EDITOR_ROLES`. Every route is audited.
 */
@Module({
  controllers: [DocumentsController],
  providers: [...DOCUMENTS_PROVIDERS],
})
export class DocumentsModule {}
