import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { PasswordHasher } from './password/password-hasher';
import { PasswordResetService } from './password-reset.service';
import { ProfileController } from './profile.controller';
import { RateLimiter } from './rate-limit/rate-limiter';
import { IdentityRedis } from './redis';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

/**
 * Accounts, sessions, password reset and sign-in with the national digital ID. Registers the global
 * SessionGuard (sessions, CSRF, @Authenticated / @RequireRoles) and the Retry-After interceptor.
 */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [AuthController, ProfileController, OidcController],
  providers: [
    IdentityRedis,
    RateLimiter,
    PasswordHasher,
    SessionsService,
    AccountsService,
    PasswordResetService,
    OidcService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService, AccountsService, PasswordResetService, RateLimiter, PasswordHasher],
})
export class IdentityModule {}
