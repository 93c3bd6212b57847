import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { DocumentsController } from './documents.controller';
import { DOCUMENTS_PROVIDERS } from './documents.rpc';
import { LinkedRecords } from './linked-records';

/**
 * Documents (documents-service). Bytes never travel in an RPC message: they go through the
 * JetStream Object Store transfer bucket (docs/adr/0007-document-bytes.md).
 *
 * Routes (under /api/v1):
 * - `GET /practices/{practiceId}/documents?linkedType=&linkedId=&kind=&limit=&offset=` — not deleted, newest first
 * - `POST /practices/{practiceId}/documents` — `multipart/form-data` (fields `linkedType`, `linkedId`, `kind`,
 *   optional `name` — else the part's filename —, one part `file`), streamed with busboy into the transfer bucket;
 *   or the raw file as the body with the fields in the query. 201 with the metadata; 413 over `DOCUMENT_MAX_BYTES`;
 *   422 naming the field (missing or bad field, no file part, two files, no such linked record in the
 *   practice, claim/message links) or `file` when the bytes are not a complete JPEG, PNG or PDF, disagree
 *   with the name or type, or are an image whose pixels cannot be read or are too many.
 * - `GET /practices/{practiceId}/documents/{documentId}` — metadata (with `preview` for images)
 * - `GET /practices/{practiceId}/documents/{documentId}/content?size=original|preview` — the bytes
 *   (`nosniff`, `no-store`; the original as an attachment, the preview inline); a PDF has no preview (404)
 * - `DELETE /practices/{practiceId}/documents/{documentId}` — soft delete, 204
 *
 * Roles: reads for every signed-in role, scoped by the service (another practice's document is
 * 404); uploads and deletes for `CLIENT_EDITOR_ROLES`. Access to a document is access to its
 * practice, which is today exactly who may see its linked record (client, policy, enrollment reads
 * are open to every role of the practice). Every route is audited (the list as `document:list`).
 */
@Module({
  controllers: [DocumentsController],
  providers: [...DOCUMENTS_PROVIDERS, ...RPC_PROVIDERS, LinkedRecords],
})
export class DocumentsModule {}
