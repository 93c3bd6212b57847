import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from '@claimline/contracts/common';
import { AUDIT, type AuditSpec } from '../audit/audit.decorator';
import { AuditService } from '../audit/audit.service';
import { ActorService } from './actor.service';
import type { AccessTokenClaims } from './auth.types';
import { IS_PUBLIC, ROLES } from './decorators';

/** Global guard: a valid access token on every route but the public ones, then the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer '))
      throw new UnauthorizedException('Sign in first: this route needs a Bearer access token');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(header.slice(7), { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(
        error instanceof TokenExpiredError
          ? 'The access token has expired; refresh it or sign in again'
          : 'The access token is not valid',
      );
    }
    // Tokens issued before sessions existed carry no sid: they are refused like any invalid one.
    if (typeof claims.sid !== 'string') throw new UnauthorizedException('The access token is not valid');
    const actor = await this.actors.resolve(claims.sid, claims.sub);
    if (!actor)
      throw new UnauthorizedException(
        'This session has ended (signed out, or the account was changed or deactivated); sign in again',
      );
    req.user = {
      id: claims.sub,
      sessionId: claims.sid,
      email: claims.email,
      role: actor.role,
      practiceId: claims.practiceId,
      actor,
    };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      // Guards run before the audit interceptor, so a refusal by role is recorded here.
      const audit = this.reflector.get<AuditSpec | undefined>(AUDIT, context.getHandler());
      if (audit) await this.audit.recordRequest(audit, req, 403).catch(() => undefined);
      throw new ForbiddenException(`Your role (${actor.role.replace('_', ' ')}) cannot do this`);
    }
    return true;
  }
}
