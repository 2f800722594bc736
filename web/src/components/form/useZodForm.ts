import type { FormInstance, FormRule } from 'antd';
import { Form } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client.js';
import {
  messagesForField,
  serverFieldErrors,
  translateFieldErrors,
  translateFieldMessage,
} from './fieldErrors.js';

/**
 * An antd form validated by one of the shared zod schemas: `rule(name)` checks a field in the
 * browser with the same schema the server uses; `showServerErrors` puts the server's field
 * errors on the fields and tells whether there were any.
 */
type Options = {
  /** Turns the form's values into the request before checking (e.g. leaves out unchanged fields). */
  prepare?: (values: Record<string, unknown>) => unknown;
};

const asIs = (values: Record<string, unknown>) => values;

export function useZodForm<S extends z.ZodType>(schema: S, { prepare = asIs }: Options = {}) {
  const [form] = Form.useForm();
  const { t } = useTranslation();

  const rule = useCallback(
    (name: string): FormRule =>
      ({ getFieldsValue }) => ({
        validator: async () => {
          const result = schema.safeParse(prepare(getFieldsValue()));
          if (result.success) return;
          const messages = messagesForField(result.error.issues, name);
          if (messages.length > 0)
            throw new Error(messages.map((m) => translateFieldMessage(m, t)).join(' '));
        },
      }),
    [schema, t, prepare],
  );

  const parse = useCallback(
    (values: unknown): z.output<S> => schema.parse(prepare(values as Record<string, unknown>)),
    [schema, prepare],
  );

  const showServerErrors = useCallback(
    (error: unknown): boolean => showServerFieldErrors(form, error, t),
    [form, t],
  );

  return { form, rule, parse, showServerErrors };
}

export function showServerFieldErrors(
  form: FormInstance,
  error: unknown,
  t: (key: string) => string,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue()));
  const fields = translateFieldErrors(serverFieldErrors(error.fields), t).filter((f) =>
    known.has(String(f.name[0])),
  );
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
