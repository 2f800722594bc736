import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errorText.js';

/**
 * The form-level error of a request: field errors go on the fields (`showServerErrors`),
 * anything else into the message shown by FormError.
 */
export function useSubmitError(showServerErrors: (error: unknown) => boolean) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const fail = useCallback(
    (error: unknown) => {
      if (!showServerErrors(error)) setMessage(errorText(error, t));
    },
    [showServerErrors, t],
  );
  const clear = useCallback(() => setMessage(null), []);
  return { message, fail, clear };
}
