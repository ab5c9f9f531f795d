import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Ip, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { permissionsOf } from '@ringwatch/permissions';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import {
  CreatedUserSchema,
  GeneratedPasswordSchema,
  LoginSchema,
  NewUserSchema,
  PageQuerySchema,
  PasswordResetSchema,
  TokenSchema,
  UserChangeSchema,
  UsernameParamSchema,
  UserSchema,
  type Login,
  type NewUser,
  type UserChange,
} from './auth.dto';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './roles.guard';
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
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address or on this account, or the account is locked; see Retry-After' })
  login(@Body(new ZodPipe(LoginSchema)) body: Login, @Ip() client: string, @Req() request: AuthenticatedRequest) {
    return this.auth.login(body.username, body.password, client, request.id ?? null);
  }

  /** Sign-out: revokes every token of the caller's account (its token version goes up). */
  @RequirePermission('session.read')
  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@Actor() actor: Actor, @Req() request: AuthenticatedRequest): Promise<void> {
    // The guard verified the token, so its claims are there.
    await this.auth.logout(actor, request.user!.ver);
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
  @ApiCreatedResponse({ schema: openApiSchema(CreatedUserSchema), description: 'with `password` when none was given: generated, shown this once' })
  @Header('cache-control', 'no-store')
  create(@Body(new ZodPipe(NewUserSchema)) body: NewUser, @Actor() actor: Actor) {
    return this.auth.createUser(body, actor);
  }

  @RequirePermission('users.manage')
  @Patch('users/:username')
  @ApiBearerAuth()
  @ApiParam({ name: 'username', type: String })
  @ApiBody({ schema: openApiSchema(UserChangeSchema) })
  @ApiOkResponse({ schema: openApiSchema(UserSchema) })
  update(@Param('username', new ZodPipe(UsernameParamSchema)) username: string, @Body(new ZodPipe(UserChangeSchema)) body: UserChange, @Actor() actor: Actor) {
    return this.auth.updateUser(username, body, actor);
  }

  /** 204 for a password the admin chose; 200 with the generated password, shown this once, when none was given. */
  @RequirePermission('users.manage')
  @Post('users/:username/password')
  @ApiBearerAuth()
  @ApiParam({ name: 'username', type: String })
  @ApiBody({ schema: openApiSchema(PasswordResetSchema) })
  @ApiNoContentResponse({ description: 'the chosen password is set' })
  @ApiOkResponse({ schema: openApiSchema(GeneratedPasswordSchema), description: 'a generated password, shown this once' })
  async resetPassword(
    @Param('username', new ZodPipe(UsernameParamSchema)) username: string,
    @Body(new ZodPipe(PasswordResetSchema)) body: { password?: string },
    @Actor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const generated = await this.auth.resetPassword(username, body.password, actor);
    // A generated password must not sit in a cache on the way back.
    if (generated) res.status(200).setHeader('cache-control', 'no-store').json(generated);
    else res.status(204).end();
  }

  @RequirePermission('users.manage')
  @Delete('users/:username')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiParam({ name: 'username', type: String })
  @ApiNoContentResponse()
  async remove(@Param('username', new ZodPipe(UsernameParamSchema)) username: string, @Actor() actor: Actor): Promise<void> {
    await this.auth.deleteUser(username, actor);
  }
}
