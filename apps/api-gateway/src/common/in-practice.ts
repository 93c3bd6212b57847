import { createParamDecorator, ExecutionContext, NotFoundException } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Request } from 'express';
import { UUID } from './params';
import { rpcMeta, type RpcMeta } from './request-meta';

/** What every handler under `practices/:practiceId` starts from. */
export interface PracticeCall {
  /** The practice of the path, a UUID (services check scope and existence). */
  practiceId: string;
  /** The signed-in user and request id to forward: `client.send(subject, data, rpc)`. */
  rpc: RpcMeta;
}

/**
 * `@InPractice() { practiceId, rpc }: PracticeCall` — the one parameter a practice-scoped handler
 * needs besides its own. A malformed id answers 404 like `UuidParam` (it cannot name a practice);
 * the enhancer documents the path parameter, which Swagger would otherwise learn from `@Param`.
 */
export const InPractice = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PracticeCall => {
    const req = ctx.switchToHttp().getRequest<Request>();
    const practiceId = req.params['practiceId'];
    if (typeof practiceId !== 'string' || !UUID.test(practiceId))
      throw new NotFoundException('No record has this id');
    return { practiceId, rpc: rpcMeta(req) };
  },
  [
    (target, key) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
      ApiParam({ name: 'practiceId', type: String, required: true })(target, key, descriptor);
    },
  ],
);
