import { App, Button, Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyTarget, MailTemplateKey, MailTemplateListItem } from '../../../../common/mail-templates.js';
import { useCopyMailTemplates } from '../../api/mailTemplates.js';
import { errorText } from '../../components/errorText.js';

type Props = { tenants: CopyTarget[]; templates: MailTemplateListItem[]; onClose: () => void };

/** A list of checkboxes with 全選択, which turns into クリア once every box is checked. */
function ChoiceList<V extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: { value: V; label: string }[];
  value: V[];
  onChange: (next: V[]) => void;
}) {
  const { t } = useTranslation();
  const all = options.length > 0 && options.every((o) => value.includes(o.value));
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend className="mg-visually-hidden">{legend}</legend>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong aria-hidden>
          {legend}
        </Typography.Text>
        <Button size="small" onClick={() => onChange(all ? [] : options.map((o) => o.value))}>
          {all ? t('mailTemplates.clear') : t('mailTemplates.selectAll')}
        </Button>
      </Flex>
      <Checkbox.Group value={value} onChange={(next) => onChange(next as V[])} style={{ width: '100%' }}>
        <Flex vertical gap={6} style={{ maxHeight: 360, overflowY: 'auto', width: '100%' }}>
          {options.map((o) => (
            <Checkbox key={o.value} value={o.value}>
              {o.label}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </fieldset>
  );
}

/**
 * メールテンプレートコピー: step 1 the target tenants, step 2 the templates; both languages of the
 * chosen templates are copied as they are in the current tenant.
 */
export function CopyMailTemplatesModal({ tenants, templates, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = useCopyMailTemplates();
  const [step, setStep] = useState<1 | 2>(1);
  const [tenantIds, setTenantIds] = useState<string[]>([]);
  const [templateKeys, setTemplateKeys] = useState<MailTemplateKey[]>([]);

  const submit = () =>
    copy
      .mutateAsync({ tenantIds, templateKeys })
      .then(() => {
        void message.success(t('mailTemplates.copied'));
        onClose();
      })
      .catch((failure: unknown) => void message.error(errorText(failure, t)));

  const footer =
    step === 1
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="next" type="primary" disabled={tenantIds.length === 0} onClick={() => setStep(2)}>
            {t('common.next')}
          </Button>,
        ]
      : [
          <Button key="back" onClick={() => setStep(1)} disabled={copy.isPending}>
            {t('common.back')}
          </Button>,
          <Button
            key="copy"
            type="primary"
            disabled={templateKeys.length === 0}
            loading={copy.isPending}
            onClick={submit}
          >
            {t('mailTemplates.copyAction')}
          </Button>,
        ];

  return (
    <Modal open title={t('mailTemplates.copy')} onCancel={onClose} footer={footer} maskClosable={false}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('mailTemplates.copyStep', { step })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {step === 1 ? t('mailTemplates.copyTenants') : t('mailTemplates.copyTemplates')}
      </Typography.Paragraph>
      {step === 1 ? (
        <ChoiceList
          legend={t('mailTemplates.copyTenantList')}
          options={tenants.map((tenant) => ({
            value: tenant.tenantId,
            label: `${tenant.code} ${tenant.name}`,
          }))}
          value={tenantIds}
          onChange={setTenantIds}
        />
      ) : (
        <ChoiceList
          legend={t('mailTemplates.copyTemplateList')}
          options={templates.map((template) => ({ value: template.key, label: template.name }))}
          value={templateKeys}
          onChange={setTemplateKeys}
        />
      )}
    </Modal>
  );
}
