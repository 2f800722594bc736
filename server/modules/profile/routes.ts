import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { profileUpdateBody } from '../../../common/accounts.js';
import { locales } from '../../../common/roles.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { readProfile } from './repository.js';
import { updateProfile } from './update-profile.js';

const profile = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  locale: z.enum(locales),
  timeZone: z.string(),
});

/**
 * アカウント設定: users change their own name, phones, language and time zone (`003` FAQ: time
 * zone and phone numbers are the user's own to change; the e-mail address is not).
 */
export const profileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/me/profile',
    { config: { access: 'signed-in' }, schema: { tags: ['identity'], response: { 200: profile } } },
    async (req) => readProfile(deps.db, requireUser(req).id),
  );

  app.patch(
    '/api/me/profile',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['identity'], body: profileUpdateBody, response: { 200: profile } },
    },
    async (req) => {
      const user = requireUser(req);
      await updateProfile(deps, { userId: user.id, ip: req.ip }, req.body);
      return readProfile(deps.db, user.id);
    },
  );
};
