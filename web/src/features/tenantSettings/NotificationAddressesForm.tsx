import { App, Button, Form, Input, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NotificationAddress,
  type NotificationAddressesBody,
  notificationAddressesBody,
  notificationConfirmErrors,
} from '../../../../common/tenant-settings.js';
import { useSaveNotificationAddresses } from '../../api/tenantSettings.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { useConfirm } from '../../components/useConfirm.js';

const slots = [1, 2, 3] as const;
type Slot = (typeof slots)[number];
type Values = Partial<Record<`email${Slot}` | `email${Slot}Confirm`, string>>;

type Props = { stored: NotificationAddress[]; editable: boolean };

const storedOf = (stored: NotificationAddress[]) =>
  slots.map((slot) => stored.find((a) => a.slot === slot)?.email ?? null);

const initialValuesOf = (stored: NotificationAddress[]): Values =>
  Object.fromEntries(slots.map((slot, i) => [`email${slot}`, storedOf(stored)[i] ?? '']));

/** Whether the address typed in a slot differs from the stored one (a new or changed address). */
const changed = (typed: string | undefined, stored: string | null) => {
  const value = (typed ?? '').trim();
  return value !== '' && value !== (stored ?? '');
};

/**
 * Addresses 1 (required), 2 and 3; a 確認 field appears under an address only while it differs
 * from the stored one. A new or changed address gets a verification mail and counts once its
 * link is opened (the tag shows which stored addresses are verified).
 */
export function NotificationAddressesForm({ stored, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const current = useMemo(() => storedOf(stored), [stored]);
  const schema = useMemo(
    () =>
      notificationAddressesBody.superRefine((body, ctx) => {
        for (const [field, error] of Object.entries(notificationConfirmErrors(body, current)))
          ctx.addIssue({ code: 'custom', path: [field], message: error });
      }),
    [current],
  );
  const prepare = useCallback(
    (values: Record<string, unknown>): NotificationAddressesBody => {
      const v = values as Values;
      const text = (slot: Slot) => v[`email${slot}`] ?? '';
      const confirmText = (slot: Slot) =>
        changed(v[`email${slot}`], current[slot - 1] ?? null) ? (v[`email${slot}Confirm`] ?? '') : '';
      return {
        email1: text(1),
        email1Confirm: confirmText(1),
        email2: text(2),
        email2Confirm: confirmText(2),
        email3: text(3),
        email3Confirm: confirmText(3),
      };
    },
    [current],
  );
  const { form, rule, parse, showServerErrors } = useZodForm(schema, { prepare });
  const save = useSaveNotificationAddresses();
  const error = useSubmitError(showServerErrors);
  const typed = Form.useWatch([], form) as Values | undefined;

  const onFinish = (raw: Values) => {
    const values = parse(raw);
    error.clear();
    confirm(t('notificationAddresses.saveConfirm'), () =>
      save
        .mutateAsync(values)
        .then((saved) => {
          form.resetFields();
          form.setFieldsValue(initialValuesOf(saved.addresses));
          if (saved.verificationSentTo.length === 0) void message.success(t('notificationAddresses.saved'));
          for (const email of saved.verificationSentTo)
            void message.success(t('notificationAddresses.sent', { email }));
        })
        .catch(error.fail),
    );
  };

  return (
    <Form<Values>
      form={form}
      name="notificationAddresses"
      layout="vertical"
      initialValues={initialValuesOf(stored)}
      onFinish={onFinish}
      disabled={!editable || save.isPending}
    >
      <FormError message={error.message} />
      {slots.map((slot) => {
        const storedAddress = stored.find((a) => a.slot === slot);
        const isChanged = changed(typed?.[`email${slot}`], current[slot - 1] ?? null);
        const typedAddress = (typed?.[`email${slot}`] ?? storedAddress?.email ?? '').trim();
        const unchangedStored = storedAddress && typedAddress === storedAddress.email;
        return (
          <div key={slot}>
            <Form.Item
              name={`email${slot}`}
              label={t(`notificationAddresses.email${slot}`)}
              required={slot === 1}
              rules={[rule(`email${slot}`)]}
              validateTrigger="onBlur"
              extra={
                unchangedStored ? (
                  <span data-testid={`address-status-${slot}`}>
                    {storedAddress.verified ? (
                      <Tag color="#237804">{t('notificationAddresses.verified')}</Tag>
                    ) : (
                      <>
                        <Tag color="#ad4e00">{t('notificationAddresses.unverified')}</Tag>
                        {t('notificationAddresses.unverifiedHelp')}
                      </>
                    )}
                  </span>
                ) : undefined
              }
            >
              <Input type="email" maxLength={255} autoComplete="off" />
            </Form.Item>
            {editable && isChanged && (
              <Form.Item
                name={`email${slot}Confirm`}
                label={t(`notificationAddresses.email${slot}Confirm`)}
                extra={t('notificationAddresses.confirmHelp')}
                required
                rules={[rule(`email${slot}Confirm`)]}
                validateTrigger="onBlur"
              >
                <Input type="email" maxLength={255} autoComplete="off" />
              </Form.Item>
            )}
          </div>
        );
      })}
      <Typography.Paragraph type="secondary">{t('notificationAddresses.note')}</Typography.Paragraph>
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
