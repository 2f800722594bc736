import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passkey } from '../../../../common/passkeys.js';
import { useMyPasskeys, useRemovePasskey } from '../../api/passkeys.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { useDateTime } from '../../components/useDateTime.js';
import { useFactorAction } from '../mfa/useFactorAction.js';
import { RegisterPasskeyModal } from './RegisterPasskeyModal.js';

/** パスキー: the user's passkeys (name, registered) with 登録 and 削除. */
export function PasskeysSection() {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const passkeys = useMyPasskeys();
  const remove = useRemovePasskey();
  const { confirmed } = useFactorAction();
  const [open, setOpen] = useState(false);

  if (passkeys.isError) return <LoadError error={passkeys.error} onRetry={() => passkeys.refetch()} />;
  return (
    <Flex vertical gap={8} align="start" style={{ width: '100%' }}>
      <Table<Passkey>
        rowKey="id"
        size="small"
        pagination={false}
        loading={passkeys.isPending}
        dataSource={passkeys.data}
        data-testid="passkeys"
        style={{ width: '100%' }}
        locale={{ emptyText: <EmptyText>{t('passkeys.empty')}</EmptyText> }}
        columns={[
          { key: 'name', title: t('passkeys.name'), dataIndex: 'name' },
          {
            key: 'createdAt',
            title: t('passkeys.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
          {
            key: 'action',
            title: t('common.actions'),
            render: (_: unknown, passkey) => (
              <Button
                size="small"
                danger
                aria-label={t('passkeys.removeNamed', { name: passkey.name })}
                onClick={() =>
                  confirmed(
                    t('passkeys.removeConfirm'),
                    () => remove.mutateAsync(passkey.id),
                    t('passkeys.removed'),
                  )
                }
              >
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('passkeys.register')}
      </Button>
      <RegisterPasskeyModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
