/** The web portal (`/`, `/portal/assets/*`, `/problems/*`): served by the control plane. */
import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';

@Module({ controllers: [PortalController] })
export class PortalModule {}
