import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';

let cached: { value: string; label: string }[] | undefined;

/** IANA zones of the browser plus UTC (the server accepts the same list). */
function timeZoneOptions() {
  cached ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')].map((z) => ({
    value: z,
    label: z,
  }));
  return cached;
}

/** タイムゾーン: searchable by typing part of the name (Tokyo, New_York…). */
export function TimeZoneSelect(props: SelectProps<string>) {
  const options = useMemo(timeZoneOptions, []);
  return <Select<string> showSearch options={options} optionFilterProp="label" {...props} />;
}
