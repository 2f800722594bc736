import { Button, Checkbox, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptTerms } from '../../api/terms.js';
import { FormError } from '../../components/form/FormError.js';
import { useSubmitError } from '../../components/form/useSubmitError.js';

type Props = { termsId: string; onAccepted: () => void };

/** 「上記の利用規約に同意する」 then 「同意する」 (000 §17). */
export function TermsAcceptance({ termsId, onAccepted }: Props) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const accept = useAcceptTerms();
  const error = useSubmitError(() => false);

  return (
    <Flex vertical gap={16} align="flex-start">
      <FormError message={error.message} />
      <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
        {t('terms.agreeCheck')}
      </Checkbox>
      <Button
        type="primary"
        disabled={!checked}
        loading={accept.isPending}
        onClick={() => {
          error.clear();
          accept.mutate(termsId, { onSuccess: onAccepted, onError: error.fail });
        }}
      >
        {t('terms.agree')}
      </Button>
    </Flex>
  );
}
