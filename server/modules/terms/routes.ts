import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishTermsBody } from '../../../common/passwords.js';
import { currentTermsSchema, publishedTermsSchema, termsVersionListSchema } from '../../../common/terms.js';
import type { AppDeps } from '../../deps.js';
import { requireScope, requireUser } from '../../platform/auth/plugin.js';
import type { Access } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { acceptTerms } from './accept-terms.js';
import { publishTerms } from './publish-terms.js';
import { findCurrentTerms, hasAccepted, listTermsVersions } from './repository.js';

const operatorAdmins: Access = { kind: 'operator', roles: ['operator_admin'] };
const termsParams = z.strictObject({ termsId: z.string().regex(/^\d{1,18}$/) });

/** Terms of use (ID-12): the operator publishes versions; every user accepts the current one. */
export const termsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/terms/current',
    {
      // The forced acceptance page is shown while the acceptance is pending.
      config: { access: 'signed-in', allowPending: true },
      schema: {
        tags: ['terms'],
        response: { 200: currentTermsSchema },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const terms = await findCurrentTerms(deps.db);
      if (!terms) throw notFound();
      const en = user.locale === 'en';
      return {
        id: terms.id,
        version: terms.version,
        title: en ? terms.title_en : terms.title_ja,
        body: en ? terms.body_en : terms.body_ja,
        publishedAt: terms.published_at,
        accepted: await hasAccepted(deps.db, user.id, terms.id),
      };
    },
  );

  app.post(
    '/api/terms/:termsId/accept',
    { config: { access: 'signed-in', allowPending: true }, schema: { tags: ['terms'], params: termsParams } },
    async (req, reply) => {
      await acceptTerms(deps.db, deps.clock, {
        userId: requireUser(req).id,
        termsId: req.params.termsId,
        ip: req.ip,
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/operator/terms',
    {
      config: { access: operatorAdmins },
      schema: {
        tags: ['operator'],
        response: { 200: termsVersionListSchema },
      },
    },
    async () => ({
      items: (await listTermsVersions(deps.db)).map((r) => ({
        id: r.id,
        version: r.version,
        titleJa: r.title_ja,
        titleEn: r.title_en,
        bodyJa: r.body_ja,
        bodyEn: r.body_en,
        publishedAt: r.published_at,
        acceptedCount: Number(r.accepted_count ?? 0),
      })),
    }),
  );

  app.post(
    '/api/operator/terms',
    {
      config: { access: operatorAdmins },
      schema: {
        tags: ['operator'],
        body: publishTermsBody,
        response: { 201: publishedTermsSchema },
      },
    },
    async (req, reply) => {
      const scope = requireScope(req);
      const published = await deps.db
        .transaction()
        .execute((trx) =>
          publishTerms(trx, deps.clock, { ...req.body, publishedBy: scope.userId, ip: req.ip }),
        );
      return reply.status(201).send(published);
    },
  );
};
