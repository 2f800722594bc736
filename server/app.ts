import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { translate } from '../common/messages.js';
import type { AppDeps } from './deps.js';
import { accountRequestRoutes } from './modules/account-requests/routes.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { customerUserRoutes } from './modules/customer-users/routes.js';
import { customerRoutes } from './modules/customers/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import { invitationRoutes } from './modules/invitations/routes.js';
import { mailTemplateRoutes } from './modules/mail-templates/routes.js';
import { mailboxRoutes } from './modules/mailbox/routes.js';
import { mfaAdminRoutes } from './modules/mfa/admin-routes.js';
import { mfaMeRoutes } from './modules/mfa/me-routes.js';
import { mfaLoginRoutes } from './modules/mfa/routes.js';
import { notificationAddressRoutes } from './modules/notification-addresses/routes.js';
import { passkeyRoutes } from './modules/passkeys/routes.js';
import { passwordRoutes } from './modules/passwords/routes.js';
import { postalCodeRoutes } from './modules/postal-codes/routes.js';
import { profileRoutes } from './modules/profile/routes.js';
import { sessionRoutes } from './modules/sessions/routes.js';
import { tenantSearchRoutes } from './modules/tenant-search/routes.js';
import { tenantSettingRoutes } from './modules/tenant-settings/routes.js';
import { tenantRoutes } from './modules/tenants/routes.js';
import { termsRoutes } from './modules/terms/routes.js';
import { userGroupRoutes } from './modules/user-groups/routes.js';
import { userRoutes } from './modules/users/routes.js';
import auth, { localeFromHeaders } from './platform/auth/plugin.js';
import csrf from './platform/csrf.js';
import { errorBody, registerErrorHandling } from './platform/http-errors.js';
import { postgresRateLimitStore } from './platform/rate-limit-store.js';
import { refuseForbiddenText } from './platform/validate.js';
import { pageCacheControl, webStaticOptions } from './platform/web-delivery.js';

export type BuildOptions = { isShuttingDown?: () => boolean; webRoot?: string };

const defaultWebRoot = path.resolve(import.meta.dirname, '../dist/web');

/** Registers platform plugins, then every module: the order here is the architecture. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Failures inside the router (a malformed URL, an over-long path parameter) get the one error shape too.
    frameworkErrors: (_err, req, reply) => {
      const locale = localeFromHeaders(req.headers);
      const body = errorBody(locale, 'validation', { _: [translate(locale, 'validation.malformed')] });
      // The reply here is typed for a generic route; the error body is what every route answers.
      void (reply as unknown as FastifyReply).code(400).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Platform
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  // An answer of the API is never kept by a browser or proxy cache, unless its route says otherwise.
  app.addHook('onSend', async (req, reply) => {
    if ((req.url === '/api' || req.url.startsWith('/api/')) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  // Counted in PostgreSQL: every process of the portal shares the limits.
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.db) });
  await app.register(csrf, { secure: deps.config.secureCookies });
  await app.register(auth, deps);
  // After the access check, before any route's schema: no NUL, lone surrogate or control character.
  app.addHook('preValidation', refuseForbiddenText);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Madoguchi API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mg_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webRoot = options.webRoot ?? defaultWebRoot;
  const indexHtml = path.join(webRoot, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, webStaticOptions(webRoot));
  }
  registerErrorHandling(app, (req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    if (!isApi && hasWeb && req.method === 'GET' && req.headers.accept?.includes('text/html')) {
      // The single-page app owns every other path; it shows its own 404 page.
      return reply.header('cache-control', pageCacheControl).sendFile('index.html');
    }
    return reply.status(404).send(errorBody(req.locale ?? 'ja', 'not_found'));
  });

  // Modules
  await app.register(healthRoutes, { ...deps, isShuttingDown: options.isShuttingDown ?? (() => false) });
  await app.register(identityRoutes, deps);
  await app.register(mfaLoginRoutes, deps);
  await app.register(mfaMeRoutes, deps);
  await app.register(mfaAdminRoutes, deps);
  await app.register(invitationRoutes, deps);
  await app.register(tenantRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(userGroupRoutes, deps);
  await app.register(profileRoutes, deps);
  await app.register(passwordRoutes, deps);
  await app.register(sessionRoutes, deps);
  await app.register(termsRoutes, deps);
  await app.register(certificateRoutes, deps);
  await app.register(accountRequestRoutes, deps);
  await app.register(passkeyRoutes, deps);
  await app.register(customerRoutes, deps);
  await app.register(postalCodeRoutes, deps);
  await app.register(customerUserRoutes, deps);
  await app.register(mailTemplateRoutes, deps);
  await app.register(tenantSettingRoutes, deps);
  await app.register(notificationAddressRoutes, deps);
  await app.register(tenantSearchRoutes, deps);
  if (deps.config.mailboxEnabled) await app.register(mailboxRoutes, deps);

  return app;
}
