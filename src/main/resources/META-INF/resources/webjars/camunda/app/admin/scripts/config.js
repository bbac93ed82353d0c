// Luoshi's Admin configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header. Dates follow the Chinese formats of locales/zh.json (dateLocales).
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '管理台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
