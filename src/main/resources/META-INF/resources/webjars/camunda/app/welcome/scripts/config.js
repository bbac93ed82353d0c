// Luoshi's Welcome configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header. Dates follow the Chinese formats of locales/zh.json (dateLocales).
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '首页'
  },
  // names family name first, the ledger link in the header (scripts/luoshi-welcome.js)
  customScripts: ['scripts/luoshi-welcome'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
