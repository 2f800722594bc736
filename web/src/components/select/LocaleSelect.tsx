import { Select, type SelectProps } from 'antd';
import { locales } from '../../../../common/roles.js';

const names = { ja: '日本語', en: 'English' } as const;

/** 日本語 / English, each named in its own language. */
export function LocaleSelect(props: SelectProps<string>) {
  return (
    <Select<string>
      options={locales.map((l) => ({ value: l, label: <span lang={l}>{names[l]}</span> }))}
      {...props}
    />
  );
}
