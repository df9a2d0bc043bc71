import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@vfr/api-audit';
import { ApiProcessRegistry } from './api-process.registry';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { LoginThrottle } from './login-throttle';
import { LoginThrottleStore } from './login-throttle.store';
import { Passwords } from './passwords';
import { SessionCheck } from './session.check';
import { SitesResolver } from './sites.resolver';
import { SitesService } from './sites.service';
import { TokenService } from './token.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  providers: [
    Clock,
    TokenService,
    LoginThrottleStore,
    LoginThrottle,
    ApiProcessRegistry,
    Passwords,
    SessionCheck,
    AuthService,
    UsersService,
    SitesService,
    AuthResolver,
    UsersResolver,
    SitesResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Clock, TokenService, UsersService, SitesService, SessionCheck, Passwords],
})
export class AuthModule {}
