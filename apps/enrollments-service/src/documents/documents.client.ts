import { Inject, Injectable } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import { DocumentsRpc } from '@claimline/contracts/documents';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { SERVICE_NAME } from '../config/env';

export const DOCUMENTS_RPC = Symbol('DOCUMENTS_RPC');

const SUBJECT = 'documents.document.get';

/** Asks documents-service, as this service scoped to the enrollment's practice, about a document to attach. */
@Injectable()
export class DocumentsClient {
  constructor(@Inject(DOCUMENTS_RPC) private readonly rpc: RpcClient<DocumentsRpc>) {}

  /**
   * The document must exist, belong to the enrollment's practice and have been uploaded for this
   * enrollment; otherwise the attachment is refused naming `documentId`, and nothing moves.
   */
  async assertAttachable(practiceId: string, enrollmentId: string, documentId: string): Promise<void> {
    const document = await this.rpc
      .send(
        SUBJECT,
        { practiceId, documentId },
        { principal: servicePrincipal(SERVICE_NAME, [SUBJECT], [practiceId]), requestId: currentRequestId() },
      )
      .catch((error) => {
        if (error instanceof RpcError && error.code === 'not_found') return null;
        throw error;
      });
    if (!document) throw RpcError.field('documentId', 'exists', 'No document of this practice has this id');
    if (document.linkedType !== 'enrollment' || document.linkedId !== enrollmentId)
      throw RpcError.field(
        'documentId',
        'linked',
        'This document was not uploaded for this enrollment; upload it on the enrollment first',
      );
  }
}
