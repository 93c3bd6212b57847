import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { RpcCallOptions, RpcError } from '@claimline/backend/util-nats';
import { DOCUMENTS, type DocumentsClient } from '../documents/documents.rpc';

/**
 * A message attaches documents of its practice that exist: the gateway asks documents-service as
 * the sender (so its scope rules apply) before the message is written, like `LinkedRecords`.
 */
@Injectable()
export class MessageAttachments {
  constructor(@Inject(DOCUMENTS) private readonly documents: DocumentsClient) {}

  async check(practiceId: string, documentIds: string[] | undefined, rpc: RpcCallOptions): Promise<void> {
    for (const documentId of new Set(documentIds ?? [])) {
      try {
        await this.documents.send('documents.document.get', { practiceId, documentId }, rpc);
      } catch (error) {
        if (error instanceof RpcError && error.code === 'not_found') {
          const message = `attachmentIds: document ${documentId} is not a document of this practice`;
          throw new UnprocessableEntityException({
            message,
            errors: [{ field: 'attachmentIds', rule: 'exists', message }],
          });
        }
        throw error;
      }
    }
  }
}
