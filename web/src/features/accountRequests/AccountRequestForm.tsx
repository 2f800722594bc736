import { App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type AccountRequestBody,
  accountRequestBody,
  accountRequestKinds,
} from '../../../../common/certificates.js';
import { useCreateAccountRequest } from '../../api/accountRequests.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

/** `004 §3-4`, `§3-5`: the kind of procedure and the organisation's サポートID. */
export function AccountRequestForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(accountRequestBody);
  const create = useCreateAccountRequest();
  const error = useSubmitError(showServerErrors);

  const onFinish = (raw: AccountRequestBody) => {
    const values = parse(raw);
    error.clear();
    confirm(t('accountRequests.submitConfirm'), () =>
      create
        .mutateAsync(values)
        .then(() => {
          void message.success(t('accountRequests.submitted'));
          form.resetFields();
        })
        .catch(error.fail),
    );
  };

  return (
    <Form
      form={form}
      name="accountRequest"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ kind: accountRequestKinds[0], supportId: '' }}
      disabled={create.isPending}
      style={{ maxWidth: 560 }}
    >
      <FormError message={error.message} />
      <Form.Item name="kind" label={t('accountRequests.kind')} rules={[rule('kind')]} required>
        <Radio.Group>
          {accountRequestKinds.map((kind) => (
            <Radio key={kind} value={kind} style={{ display: 'flex', marginBottom: 8 }}>
              {t(`accountRequests.kind.${kind}`)}
              <div className="ant-form-item-extra">{t(`accountRequests.kindHelp.${kind}`)}</div>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="supportId"
        label={t('accountRequests.supportId')}
        rules={[rule('supportId')]}
        validateTrigger="onBlur"
        extra={t('accountRequests.supportIdHelp')}
        required
      >
        <Input autoComplete="off" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('accountRequests.submit')}
      </Button>
    </Form>
  );
}
