import { Select, type SelectProps } from 'antd';
import { useUserGroups } from '../../api/userGroups.js';

/** ユーザーグループ: several of the organisation's groups. */
export function GroupSelect(props: SelectProps<string[]>) {
  const groups = useUserGroups();
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      loading={groups.isPending}
      optionFilterProp="label"
      options={groups.data?.items.map((g) => ({ value: g.id, label: g.name }))}
      {...props}
    />
  );
}
