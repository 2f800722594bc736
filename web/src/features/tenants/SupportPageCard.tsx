import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type SupportPageBody,
  supportPageBody,
  tenantSettingsLimits,
} from '../../../../common/tenant-settings.js';
import { useSaveSupportPage } from '../../api/tenantSettings.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

type Props = { tenantId: string; manualsUrl: string | null; contactEmail: string | null; editable: boolean };

/** OP-1 / PP-8 サポートページ: the manuals URL and contact address shown on the partner's support page. */
export function SupportPageCard({ tenantId, manualsUrl, contactEmail, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(supportPageBody);
  const save = useSaveSupportPage(tenantId);
  const error = useSubmitError(showServerErrors);

  const onFinish = (raw: SupportPageBody) => {
    const values = parse(raw);
    error.clear();
    confirm(t('opSettings.supportConfirm'), () =>
      save
        .mutateAsync(values)
        .then(() => void message.success(t('opSettings.supportSaved')))
        .catch(error.fail),
    );
  };

  return (
    <Card title={t('opSettings.supportTitle')} data-testid="support-page-card">
      <Typography.Paragraph type="secondary">{t('opSettings.supportHelp')}</Typography.Paragraph>
      <Form<SupportPageBody>
        form={form}
        name={`supportPage-${tenantId}`}
        layout="vertical"
        initialValues={{ manualsUrl: manualsUrl ?? '', contactEmail: contactEmail ?? '' }}
        onFinish={onFinish}
        disabled={!editable || save.isPending}
        style={{ maxWidth: 560 }}
      >
        <FormError message={error.message} />
        <Form.Item
          name="manualsUrl"
          label={t('opSettings.manualsUrl')}
          rules={[rule('manualsUrl')]}
          validateTrigger="onBlur"
        >
          <Input maxLength={tenantSettingsLimits.url} placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('opSettings.contactEmail')}
          rules={[rule('contactEmail')]}
          validateTrigger="onBlur"
        >
          <Input type="email" maxLength={255} autoComplete="off" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
