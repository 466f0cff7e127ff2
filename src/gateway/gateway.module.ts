import { Module } from '@nestjs/common';
import { RegistryFeedModule } from '../registry/registry-feed.module';
import { GatewayHost } from './gateway-host';

/** The data plane in the Nest app: one host object; nothing of Nest runs per gateway request. */
@Module({
  imports: [RegistryFeedModule],
  providers: [GatewayHost],
  exports: [GatewayHost],
})
export class GatewayModule {}
