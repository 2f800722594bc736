import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.js';
import { type PublishTermsBody, publishTermsBody } from '../../../../common/passwords.js';
import { usePublishTerms } from '../../api/terms.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

type Props = { open: boolean; onClose: () => void };

const fields = ['titleJa', 'bodyJa', 'titleEn', 'bodyEn'] as const;

/** 新しい版を公開: Japanese and English title and body; every other user must accept it again. */
export function PublishTermsModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { form, rule, parse, showServerErrors } = useZodForm(publishTermsBody);
  const publish = usePublishTerms();
  const error = useSubmitError(showServerErrors);

  const close = () => {
    form.resetFields();
    error.clear();
    onClose();
  };

  const submit = async () => {
    const values = parse(await form.validateFields());
    error.clear();
    confirm(
      t('termsAdmin.publishConfirm'),
      () =>
        publish
          .mutateAsync(values)
          .then(() => {
            void message.success(t('termsAdmin.published'));
            close();
          })
          .catch(error.fail),
      t('termsAdmin.publishNote'),
    );
  };

  return (
    <Modal
      open={open}
      title={t('termsAdmin.publishTitle')}
      okText={t('termsAdmin.publish')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={publish.isPending}
      width={760}
      destroyOnHidden
      forceRender
    >
      <FormError message={error.message} />
      <Form<PublishTermsBody> form={form} name="publishTerms" layout="vertical">
        {fields.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`termsAdmin.${name}`)}
            rules={[rule(name)]}
            validateTrigger="onBlur"
            required
          >
            {name.startsWith('title') ? (
              <Input count={{ show: true, max: limits.termsTitle }} />
            ) : (
              <Input.TextArea rows={6} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
