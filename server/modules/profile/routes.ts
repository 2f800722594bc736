import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { profileSchema, profileUpdateBody } from '../../../common/accounts.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../platform/auth/plugin.js';
import { readProfile } from './repository.js';
import { updateProfile } from './update-profile.js';

/**
 * アカウント設定: users change their own name, phones, language and time zone (`003` FAQ: time
 * zone and phone numbers are the user's own to change; the e-mail address is not).
 */
export const profileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/me/profile',
    { config: { access: 'signed-in' }, schema: { tags: ['identity'], response: { 200: profileSchema } } },
    async (req) => readProfile(deps.db, requireUser(req).id),
  );

  app.patch(
    '/api/me/profile',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['identity'], body: profileUpdateBody, response: { 200: profileSchema } },
    },
    async (req) => {
      const user = requireUser(req);
      await updateProfile(deps, { userId: user.id, ip: req.ip }, req.body);
      return readProfile(deps.db, user.id);
    },
  );
};
