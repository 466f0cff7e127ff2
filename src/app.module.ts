/**
 * Composes the process from one list of modules per CHARTER_ROLE:
 * `control` serves the registry API, docs and portal; `gateway` the data plane;
 * `all` (the default) both, in one process.
 */
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from './platform/config/app-config';
import { PlatformModule } from './platform/platform.module';
import { RegistryModule } from './registry/registry.module';
import { GatewayModule } from './gateway/gateway.module';
import { PortalModule } from './portal/portal.module';

export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    const byRole = {
      all: [RegistryModule, PortalModule, GatewayModule],
      control: [RegistryModule, PortalModule],
      gateway: [GatewayModule],
    } as const;
    return { module: AppModule, imports: [PlatformModule.forRoot(config), ...byRole[config.role]] };
  }
}
