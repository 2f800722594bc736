import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Profile, type ProfileUpdateBody, profileUpdateBody } from '../../../../common/accounts.js';
import { limits } from '../../../../common/limits.js';
import { useProfile, useSaveProfile } from '../../api/me.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';
import { useZodForm } from '../../components/form/useZodForm.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { LocaleSelect } from '../../components/select/LocaleSelect.js';
import { TimeZoneSelect } from '../../components/select/TimeZoneSelect.js';

/** The user's own name, phones, language and time zone (ID-17); the e-mail is shown, not edited. */
function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, rule, parse, showServerErrors } = useZodForm(profileUpdateBody);
  const save = useSaveProfile();
  const error = useSubmitError(showServerErrors);

  const onFinish = (values: ProfileUpdateBody) => {
    error.clear();
    save.mutate(parse(values), {
      onSuccess: () => void message.success(t('account.saved')),
      onError: error.fail,
    });
  };

  return (
    <Form
      form={form}
      name="profile"
      layout="vertical"
      onFinish={onFinish}
      disabled={save.isPending}
      initialValues={{
        name: profile.name,
        phone: profile.phone ?? '',
        mobile: profile.mobile ?? '',
        locale: profile.locale,
        timeZone: profile.timeZone,
      }}
      style={{ maxWidth: 520 }}
    >
      <FormError message={error.message} />
      <Form.Item label={t('users.email')}>
        <span data-testid="profile-email">{profile.email}</span>
      </Form.Item>
      <Form.Item name="name" label={t('users.name')} rules={[rule('name')]} validateTrigger="onBlur">
        <Input autoComplete="name" count={{ show: true, max: limits.personName }} />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')} rules={[rule('phone')]} validateTrigger="onBlur">
        <Input autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item name="mobile" label={t('users.mobile')} rules={[rule('mobile')]} validateTrigger="onBlur">
        <Input autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item name="locale" label={t('account.language')} rules={[rule('locale')]}>
        <LocaleSelect />
      </Form.Item>
      <Form.Item name="timeZone" label={t('users.timeZone')} rules={[rule('timeZone')]}>
        <TimeZoneSelect />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function ProfileCard() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <Card title={t('account.profile')}>
      {profile.isPending && <Loading />}
      {profile.isError && <LoadError error={profile.error} onRetry={() => profile.refetch()} />}
      {profile.data && <ProfileForm profile={profile.data} />}
    </Card>
  );
}
