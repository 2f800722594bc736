import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passkeyIdParams, registerPasskeyBody } from '../../../common/passkeys.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { finishPasskeyRegistration } from './finish-registration.js';
import { removePasskey } from './remove-passkey.js';
import { listPasskeys } from './repository.js';
import { startPasskeyRegistration } from './start-registration.js';

/** WebAuthn options as `@simplewebauthn/server` makes them, passed to the browser unchanged. */
const webauthnOptions = z.looseObject({ challenge: z.string() });

const passkeyView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  /** Synced between devices (a multi-device passkey that is backed up). */
  backedUp: z.boolean(),
});

/** The signed-in user's own passkeys: register (after re-authentication), list, remove. */
export const passkeyRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/api/me/passkeys/options',
    { config: { access: 'signed-in' }, schema: { tags: ['passkeys'], response: { 200: webauthnOptions } } },
    async (req) => ({
      ...(await startPasskeyRegistration(deps, { user: requireUser(req), sessionId: req.session!.id })),
    }),
  );

  app.post(
    '/api/me/passkeys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['passkeys'],
        body: registerPasskeyBody,
        response: { 201: passkeyView.pick({ id: true, name: true, createdAt: true }) },
      },
    },
    async (req, reply) => {
      const created = await finishPasskeyRegistration(deps, {
        ...req.body,
        userId: requireUser(req).id,
        sessionId: req.session!.id,
        ip: req.ip,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/me/passkeys',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['passkeys'], response: { 200: z.object({ items: z.array(passkeyView) }) } },
    },
    async (req) => {
      const rows = await listPasskeys(deps.db, requireUser(req).id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
          backedUp: r.backed_up,
        })),
      };
    },
  );

  app.delete(
    '/api/me/passkeys/:passkeyId',
    { config: { access: 'signed-in' }, schema: { tags: ['passkeys'], params: passkeyIdParams } },
    async (req, reply) => {
      await removePasskey(deps, { userId: requireUser(req).id, passkeyId: req.params.passkeyId, ip: req.ip });
      return reply.status(204).send();
    },
  );
};
