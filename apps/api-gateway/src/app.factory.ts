import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { isConsoleBuild, serveConsole } from './console/console-assets';
import { IncomingMessage, ServerResponse } from 'node:http';
import { jsonBody } from './common/body-parsers';
import { httpMetrics } from './common/http-metrics';
import { httpTracing } from './common/http-tracing';
import { requestId } from './common/request-id';
import { httpValidationPipe } from './common/http-validation';
import { GatewayEnv } from './config/env';
import { setUpOpenApi } from './openapi';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application (used by main.ts and by the tests). */
export async function createGateway(env: GatewayEnv): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(env), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // The messaging sockets (realtime/) share the HTTP server: plain WebSocket, no client library.
  app.useWebSocketAdapter(new WsAdapter(app));
  app.set('trust proxy', env.TRUST_PROXY === 'true');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.enableCors({
    origin: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    credentials: false,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  app.use(httpMetrics());
  app.use(httpTracing());
  app.use((req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => {
    req.id = requestId(req, res);
    next();
  });
  app.use(
    jsonBody(env.BODY_LIMIT, [
      /^\/api\/v1\/practices\/[^/]+\/documents\/?$/,
      /^\/api\/v1\/practices\/[^/]+\/appointments\/import\/(preview|commit)\/?$/,
      // An 835 upload: the raw file, streamed into the transfer bucket (payments/).
      /^\/api\/v1\/practices\/[^/]+\/eras\/?$/,
    ]),
  );
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(httpValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  if (isConsoleBuild(env.CONSOLE_DIST)) serveConsole(app, env.CONSOLE_DIST);
  return app;
}
