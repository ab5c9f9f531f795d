import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { resolveGeneratedSecret, type RingwatchConfig } from '@ringwatch/config';
import { BrandsModule } from '../brands/brands.module';
import { CONFIG } from '../common/tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RolesGuard } from './roles.guard';
import { SignInThrottle } from './sign-in-throttle';
import { TokenSigner } from './tokens';
import { UsersRepository } from './users.repository';

@Global()
@Module({
  // Binding a brand owner checks the brand against the brands the data knows.
  imports: [BrandsModule],
  controllers: [AuthController],
  providers: [
    {
      provide: TokenSigner,
      inject: [CONFIG],
      useFactory: (config: RingwatchConfig) =>
        new TokenSigner(config.auth.tokenSecret ?? resolveGeneratedSecret(config.auth.secretFile, undefined, 32), config.auth.tokenTtlMinutes * 60),
    },
    {
      provide: SignInThrottle,
      inject: [CONFIG],
      useFactory: ({ rateLimit: r }: RingwatchConfig) =>
        new SignInThrottle({
          perAddressPerMinute: r.loginPerMinute,
          perAccountPerMinute: r.loginPerAccountPerMinute,
          lockoutThreshold: r.lockoutThreshold,
          lockoutBaseSeconds: r.lockoutBaseSeconds,
          lockoutMaxSeconds: r.lockoutMaxSeconds,
        }),
    },
    UsersRepository,
    AuthService,
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, TokenSigner],
})
export class AuthModule {}
