import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsContext } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { KeyObject } from 'node:crypto';
import { canSeePractice, HEADER_ASSERTION, Principal } from '@claimline/contracts/common';
import { RpcError } from '@claimline/backend/util-nats';
import { AssertionError, dataDigest, verifyAssertion } from './assertion';
import { AUTHORIZE_METADATA, AuthorizeRule, PRINCIPAL } from './authorize';
import { PRACTICE_LOOKUP, PracticeLookup } from './practice-lookup';
import { SeenAssertions } from './seen-assertions';

export const TRUSTED_KEYS = Symbol('TRUSTED_KEYS');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The practice scope check of `@Authorize({ practice })`: the caller has the practice in scope
 * and it exists, otherwise `not_found` exactly like a missing record. A handler that must clean
 * up after a refusal (documents' register) calls it itself.
 */
@Injectable()
export class PracticeScope {
  constructor(@Optional() @Inject(PRACTICE_LOOKUP) private readonly practices?: PracticeLookup) {}

  async check(principal: Principal, practiceId: unknown, field = 'practiceId'): Promise<void> {
    if (typeof practiceId !== 'string' || !UUID.test(practiceId))
      throw RpcError.field(field, 'isUuid', `${field} must be a UUID`);
    if (!canSeePractice(principal, practiceId)) throw RpcError.notFound('Practice', practiceId);
    if (!this.practices) throw new Error('@Authorize({ practice }) needs a PracticeLookup');
    if (!(await this.practices.exists(practiceId))) throw RpcError.notFound('Practice', practiceId);
  }
}

/**
 * Runs before every handler of a service (installed by `bootstrapService`): verifies the
 * caller's signed assertion (once: a second use of the same one is `replayed`), applies the handler's `@Authorize` rule (none → refused) and its
 * practice scope, and hands the verified principal to `@Caller()`. Nothing in the body counts.
 */
@Injectable()
export class RpcAuthGuard implements CanActivate {
  private readonly logger = new Logger('RpcAuth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TRUSTED_KEYS) private readonly trusted: ReadonlyMap<string, KeyObject>,
    private readonly scope: PracticeScope,
    private readonly seen: SeenAssertions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'rpc') return false;
    const rpc = context.switchToRpc();
    const nats = rpc.getContext<NatsContext>();
    const data = (rpc.getData() as { data?: unknown } | undefined)?.data;
    const handler = context.getHandler();
    const patterns = ((this.reflector.get<unknown[]>(PATTERN_METADATA, handler) ?? []) as unknown[]).map(
      (p) => (typeof p === 'string' ? p : JSON.stringify(p)),
    );
    let principal: Principal;
    try {
      const claims = verifyAssertion(nats.getHeaders?.()?.get(HEADER_ASSERTION), {
        trusted: this.trusted,
        patterns,
        digest: dataDigest(data),
      });
      // Before the rule is applied: a refused request has used its assertion too.
      if (!this.seen.accept(claims.jti, claims.exp))
        throw new AssertionError('replayed', 'The assertion has already been used');
      principal = claims.prn;
    } catch (error) {
      if (!(error instanceof AssertionError)) throw error;
      this.logger.warn(`refused ${patterns.join(',')}: ${error.reason}`);
      throw new RpcError({
        code: 'unauthenticated',
        message: error.message,
        details: { reason: error.reason },
      });
    }
    const rule = this.reflector.get<AuthorizeRule | undefined>(AUTHORIZE_METADATA, handler);
    if (!rule) throw RpcError.forbidden(`${patterns.join(',')} declares no callers`);
    const allowed =
      principal.kind === 'user'
        ? (rule.roles ?? []).includes(principal.role)
        : (rule.services ?? []).includes(principal.service);
    if (!allowed) {
      const who =
        principal.kind === 'user' ? `the ${principal.role} role` : `the ${principal.service} service`;
      throw RpcError.forbidden(`${patterns.join(',')} is not open to ${who}`);
    }
    if (rule.practice)
      await this.scope.check(
        principal,
        (data as Record<string, unknown> | null | undefined)?.[rule.practice],
        rule.practice,
      );
    (nats as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
    return true;
  }
}
