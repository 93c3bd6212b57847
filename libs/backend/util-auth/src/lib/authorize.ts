import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@claimline/contracts/common';

export const AUTHORIZE_METADATA = 'claimline:authorize';
export const PRINCIPAL = Symbol('claimline:principal');

export interface AuthorizeRule {
  /** User roles that may call the handler (users are asserted by the gateway only). */
  roles?: readonly Role[];
  /** Services that may call it as themselves. */
  services?: readonly string[];
  /**
   * The request field naming the practice the request is about. The caller must have that
   * practice in scope and it must exist; otherwise `not_found`, exactly like a missing record.
   */
  practice?: string;
  /**
   * The handler checks the practice scope itself with `PracticeScope` (same check, same answer),
   * because it has something to clean up when refused. Says so instead of `practice`.
   */
  practiceCheckedInHandler?: string;
}

/**
 * Who may call a `@MessagePattern` handler. Every handler carries one: `RpcAuthGuard` refuses
 * calls to a handler without it.
 */
export const Authorize = (rule: AuthorizeRule) => SetMetadata(AUTHORIZE_METADATA, rule);

/** The verified caller of the request being handled (never the body's). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = (ctx.switchToRpc().getContext() as Record<symbol, Principal | undefined>)[PRINCIPAL];
  if (!principal) throw new Error('No verified caller: is RpcAuthGuard installed?');
  return principal;
});

/** Who edits a practice's own settings: staff who bill for it and its owner. */
export const PRACTICE_EDITORS: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];
