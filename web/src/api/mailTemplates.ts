import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../common/roles.js';
import { api, queryString, seg } from './client.js';
import { useLoadedSession } from './session.js';

/** Default text of the product, or the tenant's own. */
export type MailTemplateStatus = 'default' | 'custom';

export type MailTemplateListItem = {
  key: string;
  name: string;
  /** An SMS has no subject. */
  sms: boolean;
  /** The Japanese subject (custom or default); empty for an SMS. */
  subject: string | null;
  status: MailTemplateStatus;
  locales: Record<Locale, MailTemplateStatus>;
};

export type MailTemplatePlaceholder = { name: string; description: string };

export type MailTemplateDetail = {
  key: string;
  name: string;
  locale: Locale;
  sms: boolean;
  subject: string | null;
  body: string;
  status: MailTemplateStatus;
  placeholders: MailTemplatePlaceholder[];
};

export type MailTemplateText = { subject: string; body: string };

/** The text rendered with sample data; an SMS has no subject. */
export type MailTemplatePreview = { subject: string | null; body: string };

export type CopyTarget = { tenantId: string; code: string; name: string };

export const mailTemplatesKey = ['mail-templates'] as const;

const base = '/api/partner/mail-templates';

/**
 * Names and placeholder descriptions come in the signed-in user's language (saved by the language
 * switch before the session shows it): one cache entry per language.
 */
function useUiLanguage(): string {
  const { i18n } = useTranslation();
  return useLoadedSession().user?.locale ?? i18n.language;
}

export function useMailTemplates() {
  const language = useUiLanguage();
  return useQuery({
    queryKey: [...mailTemplatesKey, 'list', language],
    queryFn: () => api.get<{ items: MailTemplateListItem[] }>(base),
  });
}

export function useMailTemplate(key: string, locale: Locale) {
  const language = useUiLanguage();
  return useQuery({
    queryKey: [...mailTemplatesKey, 'detail', key, locale, language],
    queryFn: () => api.get<MailTemplateDetail>(`${base}/${seg(key)}${queryString({ locale })}`),
    // a change of UI language keeps the form (and what was typed) while the texts reload
    placeholderData: (previous) => previous,
  });
}

/** The tenants of the same user the templates can be copied to (none: no copy button). */
export function useMailTemplateCopyTargets() {
  return useQuery({
    queryKey: [...mailTemplatesKey, 'copy-targets'],
    queryFn: () => api.get<{ items: CopyTarget[] }>(`${base}/copy-targets`),
  });
}

function useInvalidateMailTemplates() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mailTemplatesKey });
}

/** The text rendered with sample data, as the recipient would read it. */
export function usePreviewMailTemplate(key: string) {
  return useMutation({
    mutationFn: (body: MailTemplateText & { locale: Locale }) =>
      api.post<MailTemplatePreview>(`${base}/${seg(key)}/preview`, body),
  });
}

export function useSaveMailTemplate(key: string, locale: Locale) {
  const onSuccess = useInvalidateMailTemplates();
  return useMutation({
    mutationFn: (body: MailTemplateText) =>
      api.put<MailTemplateDetail>(`${base}/${seg(key)}/${seg(locale)}`, body),
    onSuccess,
  });
}

/** デフォルトに戻す: both languages' own texts are removed. */
export function useResetMailTemplate() {
  const onSuccess = useInvalidateMailTemplates();
  return useMutation({
    mutationFn: async ({ key, locales }: { key: string; locales: Locale[] }) => {
      for (const locale of locales) await api.delete<void>(`${base}/${seg(key)}/${seg(locale)}`);
    },
    onSettled: onSuccess,
  });
}

export function useCopyMailTemplates() {
  return useMutation({
    mutationFn: (body: { templateKeys: string[]; tenantIds: string[] }) =>
      api.post<{ copied: number }>(`${base}/copy`, body),
  });
}
