import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@claimline/backend/util-nats';
import { AssertionSigner, parseSigningKey, parseTrustedKeys } from './keys';
import { PRACTICE_LOOKUP, PracticeLookup } from './practice-lookup';
import { PracticeSettingsLookup } from './practice-settings.lookup';
import { PracticeScope, RpcAuthGuard, TRUSTED_KEYS } from './rpc-auth.guard';
import { SeenAssertions } from './seen-assertions';

export interface RpcAuthOptions {
  /** The issuer name of this process (its service name). */
  issuer: string;
  /** `RPC_SIGNING_KEY`: this process's own private key. */
  signingKey: string | undefined;
  /** `RPC_TRUSTED_KEYS`: the issuers whose assertions this process accepts; a service needs at least one. */
  trustedKeys?: string | undefined;
  /** Where `@Authorize({ practice })` learns that a practice exists: its own class, or practice-settings over NATS. */
  practiceLookup?: Type<PracticeLookup> | 'practice-settings';
  rpcTimeoutMs?: number;
  rpcSubjectPrefix?: string;
}

export class RpcAuthConfigError extends Error {}

/**
 * The process's assertion signer (`AssertionSigner`, for `RpcClient`) and, for a service, the
 * trusted keys and the guard `bootstrapService` installs. Stops the boot when a key is missing.
 */
@Global()
@Module({})
export class RpcAuthModule {
  static forRoot(o: RpcAuthOptions): DynamicModule {
    if (!o.signingKey) throw new RpcAuthConfigError(`${o.issuer}: RPC_SIGNING_KEY is required`);
    const signer = new AssertionSigner(o.issuer, parseSigningKey(o.signingKey));
    const providers: Provider[] = [{ provide: AssertionSigner, useValue: signer }];
    if (o.trustedKeys !== undefined) {
      const trusted = parseTrustedKeys(o.trustedKeys);
      if (trusted.size === 0)
        throw new RpcAuthConfigError(
          `${o.issuer}: RPC_TRUSTED_KEYS names no issuer, every request would be refused`,
        );
      providers.push(
        { provide: TRUSTED_KEYS, useValue: trusted },
        { provide: SeenAssertions, useValue: new SeenAssertions() },
        PracticeScope,
        RpcAuthGuard,
      );
    }
    if (o.practiceLookup === 'practice-settings') {
      providers.push({
        provide: PRACTICE_LOOKUP,
        inject: [NATS_CONNECTION],
        useFactory: (nc: NatsConnection) =>
          new PracticeSettingsLookup(nc, signer, o.rpcTimeoutMs ?? 5000, o.rpcSubjectPrefix ?? ''),
      });
    } else if (o.practiceLookup) {
      providers.push({ provide: PRACTICE_LOOKUP, useClass: o.practiceLookup });
    }
    return { module: RpcAuthModule, providers, exports: providers };
  }
}
