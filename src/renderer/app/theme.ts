/**
 * The app's antd theme: antd's defaults with every text colour at WCAG 2.1 AA contrast (4.5:1)
 * on the backgrounds it is drawn on — the officer reads it on a cheap laptop screen in a bright
 * office, and the e2e accessibility check (axe-core) holds the app to it. Ratios as computed
 * with the WCAG relative-luminance formula:
 *
 * | token                       | antd default        | here                 | ratio (on)              |
 * | --------------------------- | ------------------- | -------------------- | ----------------------- |
 * | colorPrimary                | #1677ff (4.1:1)     | #0958d9 (blue-7)     | 6.2 white, 5.5 #e6f4ff  |
 * | colorError                  | #ff4d4f (3.3:1)     | #cf1322 (red-7)      | 5.6 white               |
 * | colorTextDescription, …Tert | 45 % black (3.4:1)  | 60 % black           | 5.7 white, 5.6 #f5f5f5  |
 * | colorTextPlaceholder        | 25 % black (1.8:1)  | 55 % black           | 4.7 white               |
 * | colorSuccessText            | #389e0d (3.4:1)     | #237804 (green-8)    | 5.6 white               |
 * | colorWarningText            | #d48806 (2.8:1)     | #874d00 (gold-9)     | 6.8 white               |
 * | opacityLoading              | 0.65 (2.2:1)        | 1                    | 6.2 (primary button)    |
 *
 * Coloured tags draw their text in palette shades no token reaches: contrast.css sets those.
 */
import type { ThemeConfig } from 'antd'

export const appTheme: ThemeConfig = {
  token: {
    fontSize: 16,
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    // A busy button ("Đồng bộ ngay" during a sync) keeps its text readable; its spinner says it is busy.
    opacityLoading: 1,
  },
  // A table's "no data" text is drawn in the disabled colour (25 % black, 1.8:1).
  components: {
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
}
