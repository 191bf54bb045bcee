import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { loginSchema, type AccessClaims, type LoginRequest, type LoginResponse, type UserView } from '#contracts';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { AnyUser, Claims, clientIp, Public, type AuthedRequest } from './decorators.js';
import { AuthService } from './auth.service.js';

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
  refresh(@Claims() claims: AccessClaims): Promise<LoginResponse> {
    return this.auth.refresh(claims);
  }

  @Get('me')
  @AnyUser()
  @ApiBearerAuth()
  me(@Claims() claims: AccessClaims): Promise<UserView> {
    return this.auth.me(claims);
  }
}
