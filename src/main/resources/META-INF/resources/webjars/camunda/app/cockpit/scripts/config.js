// Luoshi's Cockpit configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header. Dates follow the Chinese formats of locales/zh.json (dateLocales);
// Cockpit itself shows instants as YYYY-MM-DDTHH:mm:ss, which no setting changes.
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '监控台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
