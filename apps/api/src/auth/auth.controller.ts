import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  changePasswordSchema,
  loginSchema,
  type AccessClaims,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type UserView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { AnyUser, Claims, clientIp, CurrentActor, Public, type AuthedRequest } from './decorators.js';
import { AuthService } from './auth.service.js';
import type { VerifiedToken } from './tokens.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(loginSchema) })
  login(@Req() req: AuthedRequest, @Body(new ZodPipe(loginSchema)) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password, clientIp(req), req.get('user-agent') ?? null);
  }

  @Post('refresh')
  @AnyUser()
  @HttpCode(200)
  @ApiBearerAuth()
  refresh(@Claims() claims: VerifiedToken): Promise<LoginResponse> {
    return this.auth.refresh(claims);
  }

  /** Ends this session: its tokens are refused from now on and its sockets close, on every instance. */
  @Post('logout')
  @AnyUser()
  @HttpCode(204)
  @ApiBearerAuth()
  logout(@CurrentActor() actor: Actor, @Claims() claims: VerifiedToken): Promise<void> {
    return this.auth.logout(actor, claims);
  }

  @Post('password')
  @AnyUser()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiBody({ schema: openApiSchema(changePasswordSchema) })
  changePassword(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(changePasswordSchema)) body: ChangePasswordRequest,
  ): Promise<void> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @AnyUser()
  @ApiBearerAuth()
  me(@Claims() claims: AccessClaims): Promise<UserView> {
    return this.auth.me(claims);
  }
}
