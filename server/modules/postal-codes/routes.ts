import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isPostalCode, postalAddressSchema } from '../../../common/customers.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors.js';
import { lookupPostalCode } from './lookup.js';

/** 郵便番号 → 都道府県 + 住所, for any signed-in user's address forms (CU-2 auto-fill). */
export const postalCodeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app) => {
  app.get(
    '/api/postal-codes/:postalCode',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['customers'],
        params: z.strictObject({
          postalCode: z.string().refine(isPostalCode, { error: 'validation.postalCode' }),
        }),
        response: { 200: postalAddressSchema },
      },
    },
    async (req) => {
      const found = await lookupPostalCode(req.params.postalCode);
      if (!found) throw new AppError(404, 'postal_code_not_found');
      return found;
    },
  );
};
