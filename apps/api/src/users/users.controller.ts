import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { createUserSchema, type CreateUserRequest, type UserView } from '#contracts';
import type { Actor } from '../common/actor.js';
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
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createUserSchema)) body: CreateUserRequest): Promise<UserView> {
    return this.users.create(actor, body);
  }
}
