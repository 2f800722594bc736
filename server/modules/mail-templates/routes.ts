import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  copiedTemplatesSchema,
  copyTargetListSchema,
  mailTemplateBody,
  mailTemplateCopyBody,
  mailTemplateDefinitions,
  mailTemplateDetailSchema,
  mailTemplateListSchema,
  mailTemplateLocale,
  mailTemplatePreviewBody,
  mailTemplatePreviewSchema,
  mailTemplateText,
} from '../../../common/mail-templates.js';
import { text } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { partnerActor } from '../../platform/auth/actor.js';
import type { Access } from '../../platform/auth/scope.js';
import { parseOrThrow } from '../../platform/validate.js';
import { copyTemplates } from './copy-templates.js';
import { renderSample } from './engine.js';
import { copyTargets, listTemplates, templateDetail, templateKeyOr404 } from './repository.js';
import { resetTemplate, saveTemplate } from './save-template.js';

const partner: Access = { kind: 'partner' };
const partnerAdmins: Access = { kind: 'partner', roles: ['admin'] };

const keyParams = z.strictObject({ templateKey: text({ error: 'validation.invalid' }).max(50) });
const keyLocaleParams = z.strictObject({
  templateKey: text({ error: 'validation.invalid' }).max(50),
  locale: mailTemplateLocale,
});
/** メールテンプレート設定 (PP-7): list, edit with preview, reset to default, copy to other tenants. */
export const mailTemplateRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/partner/mail-templates',
    {
      config: { access: partner },
      schema: {
        tags: ['mail-templates'],
        response: { 200: mailTemplateListSchema },
      },
    },
    async (req) => ({ items: await listTemplates(deps.db, partnerActor(req).tenantId, req.locale) }),
  );

  app.get(
    '/api/partner/mail-templates/copy-targets',
    {
      config: { access: partner },
      schema: {
        tags: ['mail-templates'],
        response: { 200: copyTargetListSchema },
      },
    },
    async (req) => {
      const actor = partnerActor(req);
      return { items: await copyTargets(deps.db, actor.userId, actor.tenantId) };
    },
  );

  app.post(
    '/api/partner/mail-templates/copy',
    {
      config: { access: partnerAdmins },
      schema: {
        tags: ['mail-templates'],
        body: mailTemplateCopyBody,
        response: { 200: copiedTemplatesSchema },
      },
    },
    async (req) => copyTemplates(deps, partnerActor(req), req.body),
  );

  app.get(
    '/api/partner/mail-templates/:templateKey',
    {
      config: { access: partner },
      schema: {
        tags: ['mail-templates'],
        params: keyParams,
        querystring: z.strictObject({ locale: mailTemplateLocale.default('ja') }),
        response: { 200: mailTemplateDetailSchema },
      },
    },
    async (req) => {
      const key = templateKeyOr404(req.params.templateKey);
      return templateDetail(deps.db, partnerActor(req).tenantId, key, req.query.locale, req.locale);
    },
  );

  app.post(
    '/api/partner/mail-templates/:templateKey/preview',
    {
      config: { access: partner },
      schema: {
        tags: ['mail-templates'],
        params: keyParams,
        body: mailTemplatePreviewBody,
        response: { 200: mailTemplatePreviewSchema },
      },
    },
    async (req) => {
      const key = templateKeyOr404(req.params.templateKey);
      partnerActor(req);
      const text = parseOrThrow(
        mailTemplateBody(key),
        { subject: req.body.subject, body: req.body.body },
        req.locale,
      );
      const rendered = renderSample(key, req.body.locale, text);
      return { subject: mailTemplateDefinitions[key].sms ? null : rendered.subject, body: rendered.body };
    },
  );

  app.put(
    '/api/partner/mail-templates/:templateKey/:locale',
    {
      config: { access: partnerAdmins },
      schema: {
        tags: ['mail-templates'],
        params: keyLocaleParams,
        body: mailTemplateText,
        response: { 200: mailTemplateDetailSchema },
      },
    },
    async (req) => {
      const key = templateKeyOr404(req.params.templateKey);
      const actor = partnerActor(req);
      const text = parseOrThrow(mailTemplateBody(key), req.body, req.locale);
      await saveTemplate(deps, actor, key, req.params.locale, text);
      return templateDetail(deps.db, actor.tenantId, key, req.params.locale, req.locale);
    },
  );

  app.delete(
    '/api/partner/mail-templates/:templateKey/:locale',
    { config: { access: partnerAdmins }, schema: { tags: ['mail-templates'], params: keyLocaleParams } },
    async (req, reply) => {
      const key = templateKeyOr404(req.params.templateKey);
      await resetTemplate(deps, partnerActor(req), key, req.params.locale);
      return reply.status(204).send();
    },
  );
};
