/**
 * Verifies registry API bearer tokens with passport-jwt: HS256 with the configured
 * (or local) secret, or RS256/ES256 keys from a JWKS URL (cached, rate limited,
 * refreshed on unknown kid). Algorithms are pinned per mode, so `alg: none` and
 * HS/RS confusion tokens fail signature verification.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, resolveJwtSecret } from './local-secret';
import { principalFromClaims, type Principal } from './principal';

export function jwtStrategyOptions(config: AppConfig): StrategyOptionsWithoutRequest {
  const common = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    ignoreExpiration: false,
    jsonWebTokenOptions: { clockTolerance: 30, maxAge: '30d' },
  };
  if (config.auth.jwksUrl) {
    return {
      ...common,
      secretOrKeyProvider: passportJwtSecret({ jwksUri: config.auth.jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 }),
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    };
  }
  return {
    ...common,
    secretOrKey: resolveJwtSecret(config.auth.jwtSecret, config.database.dataDir),
    algorithms: ['HS256'],
    issuer: config.auth.issuer ?? LOCAL_ISSUER,
    audience: config.auth.audience ?? LOCAL_AUDIENCE,
  };
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(jwtStrategyOptions(config));
  }

  validate(claims: Record<string, unknown>): Principal | false {
    return principalFromClaims(claims) ?? false;
  }
}
