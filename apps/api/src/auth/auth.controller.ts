import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { LoginSchema, NewUserSchema, PageQuerySchema, TokenSchema, UserSchema, type Login, type NewUser } from './auth.dto';
import { AuthService } from './auth.service';
import { Public, Roles, ROLES } from './roles';
import type { AuthenticatedRequest } from './roles.guard';

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

  @Roles(...ROLES)
  @Get('auth/me')
  @ApiBearerAuth()
  me(@Req() request: AuthenticatedRequest) {
    const { sub, roles, brands } = request.user!;
    return { username: sub, roles, brands };
  }

  @Roles('admin')
  @Get('users')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: openApiSchema(UserSchema.array()) })
  list(@Query(new ZodPipe(PageQuerySchema)) page: { skip: number; limit: number }) {
    return this.auth.listUsers(page.skip, page.limit);
  }

  @Roles('admin')
  @Post('users')
  @ApiBearerAuth()
  @ApiBody({ schema: openApiSchema(NewUserSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(UserSchema) })
  create(@Body(new ZodPipe(NewUserSchema)) body: NewUser, @Req() request: AuthenticatedRequest & { id?: string }) {
    return this.auth.createUser(body, { name: request.user!.sub, requestId: request.id ?? null });
  }
}
