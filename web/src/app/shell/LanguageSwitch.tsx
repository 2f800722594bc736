import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../useLanguage.js';

/** Switches between Japanese and English; the button names the other language in itself. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, change } = useLanguage();
  const other = language === 'ja' ? 'en' : 'ja';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => change(other)}
      title={t('lang.switch')}
      data-testid="language-switch"
    >
      <span lang={other}>{other === 'en' ? 'English' : '日本語'}</span>
    </Button>
  );
}
