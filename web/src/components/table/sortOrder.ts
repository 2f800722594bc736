import type { TableColumnType } from 'antd';
import type { SortOrder } from '../../../../common/schemas.js';

type AntdSortOrder = NonNullable<TableColumnType<unknown>['sortOrder']>;

/** API order ↔ antd Table column sort order. */
export function toAntdOrder(order: SortOrder): AntdSortOrder {
  return order === 'asc' ? 'ascend' : 'descend';
}

export function fromAntdOrder(order: AntdSortOrder | null | undefined): SortOrder {
  return order === 'descend' ? 'desc' : 'asc';
}
