import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { createLogger } from './logger';

export const LOGGER = Symbol('LOGGER');

export const loggerProvider: Provider<Logger> = {
  provide: LOGGER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createLogger(config.logLevel),
};
