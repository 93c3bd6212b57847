import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, Role } from '@claimline/contracts/common';
import type { AuthenticatedUser } from './auth.types';

export const IS_PUBLIC = 'claimline:public';
export const ROLES = 'claimline:roles';

/** No access token needed (login, refresh, health). Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. Without it, every signed-in role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest<Request>().user!,
);

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<Request>().user!.actor,
);
