import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { type Actor, userPrincipal } from '@claimline/contracts/common';
import type { RpcCallOptions } from '@claimline/backend/util-nats';

/** What an RPC call asserts (signed by `RpcClient`) plus the actor for the gateway's own checks. */
export type RpcMeta = RpcCallOptions & { actor: Actor };

/** The signed-in user and request id to forward with an RPC call: `rpc.send(subject, data, meta)`. */
export const Rpc = createParamDecorator((_: unknown, ctx: ExecutionContext): RpcMeta =>
  rpcMeta(ctx.switchToHttp().getRequest<Request>()),
);

export function rpcMeta(req: Request): RpcMeta {
  const actor = req.user!.actor;
  return { actor, principal: userPrincipal(actor), requestId: req.id as string };
}
