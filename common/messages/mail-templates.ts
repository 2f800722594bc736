/** Shared server/browser messages of mail templates (PP-7); merged into `sharedMessages`. */
export const mailTemplateMessages = {
  ja: {
    /** `{value}`: the placeholder as written, e.g. `{{Foo}}` (see `unknownPlaceholderMessage`). */
    'validation.unknownPlaceholder': '使用できない差し込み文字です: {value}',
    'error.template_not_found': 'メールテンプレートが見つかりません。',
  },
  en: {
    'validation.unknownPlaceholder': 'This placeholder cannot be used: {value}',
    'error.template_not_found': 'Mail template not found.',
  },
} as const;
