import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { RpcCallOptions } from '@claimline/backend/util-nats';

/** The actor and request id to forward with an RPC call: `rpc.send(subject, data, meta)`. */
export const Rpc = createParamDecorator((_: unknown, ctx: ExecutionContext): RpcCallOptions => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { actor: req.user!.actor, requestId: req.id as string };
});
