import { FactoryProvider } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DocumentsRpc } from '@claimline/contracts/documents';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { GatewayEnv } from '../config/env';
import { DocumentTransfer } from './documents.transfer';

/** Kept here, not in common/rpc.ts, until documents-service is registered there. */
export const DOCUMENTS = Symbol('DOCUMENTS');
export type DocumentsClient = RpcClient<DocumentsRpc>;
export const DOCUMENT_TRANSFER = Symbol('DOCUMENT_TRANSFER');

export const DOCUMENTS_PROVIDERS: FactoryProvider[] = [
  {
    provide: DOCUMENTS,
    inject: [NATS_CONNECTION, GatewayEnv, AssertionSigner],
    useFactory: (nc: NatsConnection, env: GatewayEnv, signer: AssertionSigner) =>
      new RpcClient<DocumentsRpc>(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
  },
  {
    provide: DOCUMENT_TRANSFER,
    inject: [NATS_CONNECTION, GatewayEnv],
    useFactory: (nc: NatsConnection, env: GatewayEnv) =>
      new DocumentTransfer(nc, env.DOCUMENTS_TRANSFER_BUCKET),
  },
];
