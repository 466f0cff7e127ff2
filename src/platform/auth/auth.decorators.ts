import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const REQUIRED_ROLE = 'charter:requiredRole';
export const PUBLIC_ROUTE = 'charter:public';

/** The least role a route needs; every controller route must say one, or @PublicRoute. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
/** No authentication at all (health, metrics, docs). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ user: Principal }>().user,
);
