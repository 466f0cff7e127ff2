/**
 * Every controller route must declare who may call it (@RequireRole) or say it
 * is public (@PublicRoute); the global guard fails closed on the rest, and this
 * test fails first, naming the route.
 */
import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppModule } from '../../app.module';
import { loadConfig } from '../config/app-config';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './auth.decorators';

function controllersOf(mod: DynamicModule | Type<unknown>, seen = new Set<unknown>()): Type<unknown>[] {
  if (seen.has(mod)) {
    return [];
  }
  seen.add(mod);
  const dynamic = (mod as DynamicModule).module ? (mod as DynamicModule) : undefined;
  const cls = dynamic ? dynamic.module : (mod as Type<unknown>);
  const controllers = [...(dynamic?.controllers ?? []), ...((Reflect.getMetadata('controllers', cls) as Type<unknown>[]) ?? [])];
  const imports = [...(dynamic?.imports ?? []), ...((Reflect.getMetadata('imports', cls) as DynamicModule[]) ?? [])];
  return [...controllers, ...imports.flatMap((m) => controllersOf(m as DynamicModule, seen))];
}

describe('route audit', () => {
  it('finds an access rule on every route of every controller', () => {
    const controllers = controllersOf(AppModule.forConfig(loadConfig({})));
    expect(controllers.length).toBeGreaterThanOrEqual(4);
    const unguarded: string[] = [];
    let routes = 0;
    for (const controller of controllers) {
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) {
          continue;
        }
        routes++;
        const declared = [handler, controller].some(
          (target) => Reflect.getMetadata(REQUIRED_ROLE, target) !== undefined || Reflect.getMetadata(PUBLIC_ROUTE, target) === true,
        );
        if (!declared) {
          unguarded.push(`${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`);
        }
      }
    }
    expect(routes).toBeGreaterThan(10);
    expect(unguarded).toEqual([]);
  });
});
