/**
 * Builds the Nest application on Fastify with everything the outside sees set up
 * once: raw-body parsers for contract documents, the problem+json filter (also
 * for Fastify's own errors, e.g. a body over the limit), the correlation id hook,
 * request metrics and the OpenAPI docs at /docs.
 */
import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/app-config';
import { MetricsService } from './platform/health/metrics.service';
import { CORRELATION_HEADER, acceptCorrelationId, enterCorrelation } from './platform/logging/correlation';
import { NestPinoLogger } from './platform/logging/logger';
import { createOpenApiDocument } from './platform/openapi/openapi-document';
import { LOGGER } from './platform/logging/logger.provider';
import { CharterError } from './platform/problems/charter.error';
import { ProblemFilter } from './platform/problems/problem.filter';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const PUBLISH_ROUTE = /^\/api\/domains\/[^/]+\/apis\/[^/]+\/versions\/?(\?.*)?$/;

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // The body limit sits a little above the document limit so the core's precise
  // DOCUMENT_TOO_LARGE message answers documents just over it, and Fastify's 413
  // cuts off anything far larger before it is buffered.
  const adapter = new FastifyAdapter({ bodyLimit: config.contracts.maxDocumentBytes + 64 * 1024, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    bufferLogs: true,
    // Our own parsers below: raw bytes for contract documents, JSON elsewhere.
    bodyParser: false,
    abortOnError: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger.child({ context: 'nest' })));
  app.useGlobalFilters(new ProblemFilter(logger));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  configureFastify(app.getHttpAdapter().getInstance(), app.get(MetricsService));

  // The same description `npm run contracts:sync` commits as contracts/charter/.
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

function configureFastify(fastify: FastifyInstance, metrics: MetricsService): void {
  // Contract documents are taken as raw bytes: the registry keeps them byte for
  // byte and reports their syntax errors with lines (422), not as a 400 here.
  fastify.addContentTypeParser(YAML_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // Anything else (text/plain included) is answered 415 by Fastify.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    if (PUBLISH_ROUTE.test(req.url)) {
      return done(null, body);
    }
    try {
      done(null, (body as Buffer).length ? JSON.parse((body as Buffer).toString('utf8')) : undefined);
    } catch (err) {
      done(new CharterError('MALFORMED_REQUEST', `The JSON body is malformed: ${(err as Error).message}`), undefined);
    }
  });

  fastify.addHook('onRequest', (req, reply, done) => {
    const id = acceptCorrelationId(req.headers[CORRELATION_HEADER]);
    enterCorrelation(id);
    void reply.header(CORRELATION_HEADER, id);
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    done();
  });
  // Unknown routes and Fastify's own errors (content-type parsing, body limits)
  // reach Nest's handlers, hence ProblemFilter: the same problem+json everywhere.
}
