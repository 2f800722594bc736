import { Input, type InputProps } from 'antd';

type Props = Omit<InputProps, 'type'> & {
  /** `recovery`: the `xxxx-xxxx` recovery code instead of six digits. */
  kind?: 'otp' | 'recovery';
};

/**
 * A one-time code field: six digits from an app, mail or SMS (the browser may fill it in from
 * an SMS: `autocomplete="one-time-code"`), or a recovery code.
 */
export function OneTimeCodeInput({ kind = 'otp', ...props }: Props) {
  const otp = kind === 'otp';
  return (
    <Input
      {...props}
      autoComplete={otp ? 'one-time-code' : 'off'}
      inputMode={otp ? 'numeric' : 'text'}
      maxLength={otp ? 6 : 20}
      spellCheck={false}
      style={{ maxWidth: 220, fontSize: 18, letterSpacing: otp ? 4 : 1, ...props.style }}
    />
  );
}
