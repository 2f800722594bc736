import { App } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** 「…します。よろしいでしょうか。」 with OK / キャンセル; OK waits for the action to finish. */
export function useConfirm() {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (title: string, onOk: () => Promise<unknown> | undefined, content?: ReactNode) =>
    modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => onOk()?.catch(() => undefined),
    });
}
