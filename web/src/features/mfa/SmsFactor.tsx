import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyMfaView } from '../../../../common/mfa.js';
import { MobileVerificationModal } from './MobileVerificationModal.js';

/** SMS: the verified mobile number (masked), or the way to verify one. */
export function SmsFactor({ sms }: { sms: MyMfaView['methods']['sms'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>
        {sms.enrolled
          ? t('mfa.sms.verifiedNumber', { mobile: sms.maskedMobile ?? '' })
          : t('mfa.notEnrolled')}
      </Typography.Text>
      <Button size="small" type={sms.enrolled ? 'default' : 'primary'} onClick={() => setOpen(true)}>
        {sms.enrolled ? t('mfa.sms.change') : t('mfa.sms.verify')}
      </Button>
      <MobileVerificationModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
