import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.js';
import { type CreateTenantBody, createTenantBody } from '../../../../common/schemas.js';
import { useCreateTenant } from '../../api/operatorTenants.js';
import { errorText } from '../../components/errorText.js';
import { useZodForm } from '../../components/form/useZodForm.js';

type Props = { open: boolean; onClose: () => void };

/** テナント名 → "テナントを作成します。よろしいでしょうか。" → "テナントを作成しました。" */
export function CreateTenantModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { form, rule, parse, showServerErrors } = useZodForm(createTenantBody);
  const create = useCreateTenant();
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };

  const submit = async () => {
    const values = parse(await form.validateFields());
    setError(null);
    modal.confirm({
      title: t('tenants.createConfirm'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        create
          .mutateAsync(values)
          .then((tenant) => {
            void message.success(`${t('tenants.created')}（${tenant.code} ${tenant.name}）`);
            close();
          })
          .catch((failure: unknown) => {
            if (!showServerErrors(failure)) setError(errorText(failure, t));
          }),
    });
  };

  return (
    <Modal
      open={open}
      title={t('tenants.createTitle')}
      okText={t('tenants.createSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <Form<CreateTenantBody>
        form={form}
        layout="vertical"
        onFinish={() => void submit().catch(() => undefined)}
      >
        <Form.Item name="name" label={t('tenants.name')} rules={[rule('name')]} required>
          <Input count={{ show: true, max: limits.tenantName }} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
