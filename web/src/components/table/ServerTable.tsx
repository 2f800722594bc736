import { Table, type TableProps } from 'antd';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from '../../../../common/schemas.js';
import { EmptyText } from '../EmptyText.js';
import { fromAntdOrder, toAntdOrder } from './sortOrder.js';

/** Page, size and sort of a list the server pages and sorts. */
export type ServerListParams<S extends string> = {
  page: number;
  pageSize: number;
  sort: S;
  order: SortOrder;
};

/** The column props that make `key` sortable by the server, showing the current order. */
export function serverSorted<S extends string>(params: ServerListParams<S>, key: S) {
  return { key, sorter: true, sortOrder: params.sort === key ? toAntdOrder(params.order) : null };
}

type Props<T, S extends string> = {
  rowKey: keyof T & string;
  columns: TableProps<T>['columns'];
  data: { items: T[]; total: number } | undefined;
  loading: boolean;
  params: ServerListParams<S>;
  sortable: readonly S[];
  onChange: (next: Partial<ServerListParams<S>>) => void;
  emptyText: string;
};

/**
 * A table whose paging and sorting happen in SQL: a sort change goes back to page 1, a page or
 * size change keeps the sort; the caller keeps the parameters (in the address).
 */
export function ServerTable<T extends object, S extends string>(props: Props<T, S>) {
  const { t } = useTranslation();
  const { params, sortable, onChange } = props;
  const handleChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = sortable.find((s) => s === (single?.columnKey as Key | undefined)) ?? params.sort;
      onChange({ sort: key, order: fromAntdOrder(single?.order ?? 'ascend'), page: 1 });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize });
  };
  return (
    <Table<T>
      rowKey={props.rowKey}
      columns={props.columns}
      dataSource={props.data?.items}
      loading={props.loading}
      onChange={handleChange}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      locale={{ emptyText: <EmptyText>{props.emptyText}</EmptyText> }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
      }}
    />
  );
}
