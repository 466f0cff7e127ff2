/**
 * The one guard of the registry API (global). Public routes pass; otherwise the
 * bearer token is verified by the JWT strategy, or, with no Authorization header
 * at all, reads may go through as anonymous when CHARTER_ANONYMOUS_READ is on.
 * Then the route's required role is checked. Failures are problem+json 401/403.
 */
import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CharterError } from '../problems/charter.error';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './auth.decorators';
import { ANONYMOUS, hasRole, type Principal, type Role } from './principal';

interface AuthedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
}

@Injectable()
export class RegistryAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (!required) {
      // A route with neither a role nor @PublicRoute is a bug; fail closed.
      throw new CharterError('FORBIDDEN', 'This route declares no access rule.');
    }
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (request.headers.authorization === undefined && required === 'reader' && this.config.auth.anonymousRead) {
      request.user = ANONYMOUS;
      return true;
    }
    await super.canActivate(context);
    const principal = request.user as Principal;
    if (!hasRole(principal, required)) {
      throw new CharterError('FORBIDDEN', `This operation needs the ${required} role; the token has ${principal.role}.`);
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (user) {
      return user;
    }
    if (err instanceof CharterError) {
      throw err;
    }
    const invalid = info !== undefined && !isMissing(info);
    throw new CharterError('UNAUTHENTICATED', describe(info), {}, {
      'www-authenticate': invalid ? 'Bearer realm="charter", error="invalid_token"' : 'Bearer realm="charter"',
    });
  }
}

function isMissing(info: unknown): boolean {
  return info instanceof Error && /no auth token/i.test(info.message);
}

function describe(info: unknown): string {
  if (!(info instanceof Error)) {
    return 'A valid bearer token with a Charter role is required.';
  }
  if (info.name === 'TokenExpiredError') {
    return 'The bearer token has expired.';
  }
  if (isMissing(info)) {
    return 'A bearer token is required (Authorization: Bearer <token>).';
  }
  if (info.name === 'JsonWebTokenError' || info.name === 'NotBeforeError') {
    return `The bearer token is invalid: ${info.message}.`;
  }
  return 'The bearer token could not be verified.';
}
