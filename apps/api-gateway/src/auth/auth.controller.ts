import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AuthService } from './auth.service';
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
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns an access and a refresh token' })
  login(@Body() body: LoginBody): Promise<TokenPair> {
    return this.auth.login(body.email, body.password);
  }

  @Public()
  @Throttle(loginThrottle())
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one is spent)' })
  refresh(@Body() body: RefreshBody): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the session of a refresh token' })
  async logout(@Body() body: RefreshBody): Promise<void> {
    await this.auth.logout(body.refreshToken);
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
