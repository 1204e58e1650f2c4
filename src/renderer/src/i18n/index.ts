// i18next setup: Simplified Chinese first (the clerks' language), English second. Resources are bundled,
// so initialisation is synchronous and the first render already has its texts.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN, { type Messages } from './zh-CN';

export const DEFAULT_LANGUAGE = 'zh-CN';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

// Typed keys: t('no.such.key') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function initI18n(lng: Language = DEFAULT_LANGUAGE): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      // React escapes text itself; escaping here too would show "&amp;" in plan titles.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      // Keeps the console clean for clerks and in test output.
      showSupportNotice: false,
    });
  }
  return i18n;
}

export default i18n;
