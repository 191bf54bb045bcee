import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
  type UserAdminView,
  type UserView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(createUserSchema) })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createUserSchema)) body: CreateUserRequest,
  ): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles('admin')
  list(): Promise<UserAdminView[]> {
    return this.users.list();
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(updateUserSchema) })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(updateUserSchema)) body: UpdateUserRequest,
  ): Promise<UserAdminView> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(resetPasswordSchema) })
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(resetPasswordSchema)) body: ResetPasswordRequest,
  ): Promise<void> {
    return this.users.resetPassword(actor, id, body.password);
  }
}
