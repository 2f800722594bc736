import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationField } from '../../../../common/tenant-settings.js';
import { EmptyText } from '../../components/EmptyText.js';

/** サービス利用申請情報 追加項目, read-only: 項目名, 必須, 形式, 選択項目. */
export function ApplicationFieldsTable({ fields }: { fields: ApplicationField[] }) {
  const { t } = useTranslation();
  return (
    <Table<ApplicationField>
      data-testid="application-fields"
      aria-label={t('tenantSettings.applicationFields')}
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={fields}
      locale={{ emptyText: <EmptyText>{t('tenantSettings.applicationFieldsEmpty')}</EmptyText> }}
      columns={[
        { key: 'name', title: t('tenantSettings.fieldName'), dataIndex: 'name' },
        {
          key: 'required',
          title: t('tenantSettings.fieldRequired'),
          dataIndex: 'required',
          render: (required: boolean) => t(`tenantSettings.required.${required}`),
        },
        {
          key: 'type',
          title: t('tenantSettings.fieldType'),
          dataIndex: 'type',
          render: (type: ApplicationField['type']) => t(`tenantSettings.type.${type}`),
        },
        {
          key: 'options',
          title: t('tenantSettings.fieldOptions'),
          dataIndex: 'options',
          render: (options: string[]) =>
            options.map((option) => (
              <Tag key={option} style={{ marginBlock: 2 }}>
                {option}
              </Tag>
            )),
        },
      ]}
    />
  );
}
