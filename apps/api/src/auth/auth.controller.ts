import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { permissionsOf } from '@ringwatch/permissions';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { LoginSchema, NewUserSchema, PageQuerySchema, TokenSchema, UserSchema, type Login, type NewUser } from './auth.dto';
import { AuthService } from './auth.service';
import { Public, RequirePermission } from './roles';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(LoginSchema) })
  @ApiOkResponse({ schema: openApiSchema(TokenSchema) })
  login(@Body(new ZodPipe(LoginSchema)) body: Login) {
    return this.auth.login(body.username, body.password);
  }

  /** Who is signed in, and what the account may do (the explorer shows menus and buttons by it). */
  @RequirePermission('session.read')
  @Get('auth/me')
  @ApiBearerAuth()
  me(@Actor() actor: Actor) {
    return { username: actor.name, roles: actor.roles, brands: actor.brands, permissions: permissionsOf(actor.roles) };
  }

  @RequirePermission('users.manage')
  @Get('users')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: openApiSchema(UserSchema.array()) })
  list(@Query(new ZodPipe(PageQuerySchema)) page: { skip: number; limit: number }) {
    return this.auth.listUsers(page.skip, page.limit);
  }

  @RequirePermission('users.manage')
  @Post('users')
  @ApiBearerAuth()
  @ApiBody({ schema: openApiSchema(NewUserSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(UserSchema) })
  create(@Body(new ZodPipe(NewUserSchema)) body: NewUser, @Actor() actor: Actor) {
    return this.auth.createUser(body, actor);
  }
}
