import { Alert } from 'antd';

/** A request's failure above a form (field errors go on the fields). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert type="error" title={message} showIcon style={{ marginBottom: 16 }} />;
}
