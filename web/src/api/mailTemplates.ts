import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  CopiedTemplates,
  CopyTargetList,
  MailTemplateCopyBody,
  MailTemplateDetail,
  MailTemplateList,
  MailTemplatePreview,
} from '../../../common/mail-templates.js';
import type { Locale } from '../../../common/roles.js';
import { api, queryString, seg } from './client.js';
import { useLoadedSession } from './session.js';

/** The text of one language as the edit form sends it (an SMS has no subject). */
export type MailTemplateText = { subject: string; body: string };

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
    queryFn: () => api.get<MailTemplateList>(base),
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
    queryFn: () => api.get<CopyTargetList>(`${base}/copy-targets`),
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
    mutationFn: (body: MailTemplateCopyBody) => api.post<CopiedTemplates>(`${base}/copy`, body),
  });
}
