import type { ThemeConfig } from 'antd';

/** Colours chosen for WCAG AA contrast (antd's defaults for primary, error and hints fall short). */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // antd derives a lighter hover shade, too light for white text: a test scanning right after a
    // click (pointer still over the button) met it; darker shades keep AA in every state
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: '#f5f5f5',
    },
  },
};
