import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuthService, RequestMeta, SignInLockedException } from './auth.service';
import { LoginBody, RefreshBody, TokenPair } from './auth.dto';
import type { AuthenticatedUser } from './auth.types';
import { CurrentUser, Public } from './decorators';
import { loginThrottle } from './throttle';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle(loginThrottle())
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password; returns an access and a refresh token',
    description:
      'After LOGIN_LOCK_AFTER_FAILURES failed attempts in a row the e-mail is locked for a while that doubles with each further failure: 429 with Retry-After, the same whether or not an account has the e-mail. Every attempt is audited (resource `session`).',
  })
  async login(
    @Body() body: LoginBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPair> {
    try {
      return await this.auth.login(body.email, body.password, meta(req));
    } catch (error) {
      if (error instanceof SignInLockedException)
        res.setHeader('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  // Not under the sign-in limit: a refresh token is not guessable, and a refused refresh would
  // sign out users who share an address. The general per-client limit still applies.
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one is spent)' })
  refresh(@Body() body: RefreshBody): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token: its refresh and access tokens stop working' })
  async logout(@Body() body: RefreshBody, @Req() req: Request): Promise<void> {
    await this.auth.logout(body.refreshToken, meta(req));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in, with their role and the practices they may see' })
  me(@CurrentUser() user: AuthenticatedUser) {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      practiceId: user.practiceId,
      practiceIds: user.actor.practiceIds,
    };
  }
}

function meta(req: Request): RequestMeta {
  return { ip: req.ip ?? null, requestId: (req.id as string | undefined) ?? null };
}
