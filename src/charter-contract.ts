/**
 * Charter's own registry API as a contract of its contracts tree
 * (contracts/charter/registry.openapi.yaml), rendered from the same
 * @nestjs/swagger description /docs serves. `npm run contracts:sync` writes it; a
 * spec fails when the committed file differs from what this renders now.
 *
 * The app is created in Nest's preview mode: modules and controllers are scanned
 * (all the decorators are there) but no provider is instantiated, so nothing
 * connects to a database, listens or seeds. The configuration is a fixed one, not
 * the ambient environment, so the output does not depend on who runs it.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { stringify } from 'yaml';
import { AppModule } from './app.module';
import { loadConfig } from './platform/config/app-config';
import { createOpenApiDocument } from './platform/openapi/openapi-document';

/** Where the contract lives, relative to the contracts directory. */
export const CHARTER_CONTRACT_FILE = 'charter/registry.openapi.yaml';

const HEADER = [
  '# Generated from the @nestjs/swagger decorators of src/ by `npm run contracts:sync`: do not edit.',
  '# Change the controllers and DTOs, bump REGISTRY_API_VERSION (src/platform/openapi/openapi-document.ts)',
  '# as `charter check` asks, and regenerate.',
].join('\n');

export async function renderCharterContract(): Promise<string> {
  const config = loadConfig({ CHARTER_ROLE: 'control', CHARTER_SEED: 'false' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    const document = createOpenApiDocument(app);
    // No anchors and aliases (a schema object used twice would become one), no
    // folding (a line per value keeps diffs readable), and YAML 1.1 quoting, so a
    // string like 2026-01-01 or `on` stays a string for 1.1 parsers too.
    return `${HEADER}\n${stringify(document, { aliasDuplicateObjects: false, lineWidth: 0, version: '1.1' })}`;
  } finally {
    await app.close();
  }
}
