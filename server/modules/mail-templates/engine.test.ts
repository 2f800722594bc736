import { describe, expect, it } from 'vitest';
import {
  findUnknownPlaceholders,
  mailTemplateBody,
  mailTemplateDefinitions,
  mailTemplateKeys,
} from '../../../common/mail-templates.js';
import { locales } from '../../../common/roles.js';
import { defaultTemplates } from './defaults.js';
import { renderSample, renderTemplate } from './engine.js';

describe('the default texts', () => {
  it.each(mailTemplateKeys)(
    '%s: ja and en pass the template’s own rules and use every value they show',
    (key) => {
      for (const locale of locales) {
        const text = defaultTemplates[key][locale];
        const parsed = mailTemplateBody(key).safeParse(text);
        expect({ key, locale, ok: parsed.success, issues: parsed.error?.issues }).toEqual({
          key,
          locale,
          ok: true,
          issues: undefined,
        });
        const rendered = renderSample(key, locale, text);
        expect(`${rendered.subject}\n${rendered.body}`).not.toMatch(/\{\{/);
        if (mailTemplateDefinitions[key].sms) expect(text.subject).toBe('');
        else expect(text.subject).toMatch(locale === 'ja' ? /^【Madoguchi】/ : /^\[Madoguchi\] /);
      }
    },
  );
});

describe('placeholders', () => {
  it('names each unknown placeholder once, as written; allowed ones pass', () => {
    expect(
      findUnknownPlaceholders(
        '{{CompanyName}} {{Foo}} {{ UserName }} {{Foo}} {{}} {{UtmId}}',
        'portal_user_provisional',
      ),
    ).toEqual(['{{Foo}}', '{{ UserName }}', '{{}}', '{{UtmId}}']);
    expect(findUnknownPlaceholders('{{UtmId}} {CompanyName} {{{RebootAt}}}', 'utm_reboot_scheduled')).toEqual(
      [],
    );
  });

  it('renders the values given, empties known names without one, leaves the rest', () => {
    expect(
      renderTemplate(
        { subject: '{{CompanyName}} 様', body: '{{UserName}}/{{Url}}/{{Other}}/$&' },
        { CompanyName: '$1 商事', UserName: '山田' },
      ),
    ).toEqual({ subject: '$1 商事 様', body: '山田//{{Other}}/$&' });
  });

  it('the schema refuses unknown placeholders on the field, naming them', () => {
    const r = mailTemplateBody('portal_user_provisional').safeParse({
      subject: 'a {{X}}',
      body: '{{Y}} {{Url}}',
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['subject', 'validation.unknownPlaceholder:{{X}}'],
      ['body', 'validation.unknownPlaceholder:{{Y}}'],
    ]);
  });
});
