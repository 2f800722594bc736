import type { SortOrder as AntdSortOrder } from 'antd/es/table/interface';
import type { SortOrder } from '../../api/types.js';

/** API order ↔ antd Table column sort order. */
export function toAntdOrder(order: SortOrder): AntdSortOrder {
  return order === 'asc' ? 'ascend' : 'descend';
}

export function fromAntdOrder(order: AntdSortOrder | undefined): SortOrder {
  return order === 'descend' ? 'desc' : 'asc';
}
