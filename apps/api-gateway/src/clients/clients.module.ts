import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';

/** Clients, insurance policies, prior authorizations and payers (client-insurance-service). */
@Module({ controllers: [], providers: [...RPC_PROVIDERS] })
export class ClientsModule {}
