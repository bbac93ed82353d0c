// Luoshi's Cockpit configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header. Dates follow the Chinese formats of locales/zh.json (dateLocales);
// Cockpit's own YYYY-MM-DDTHH:mm:ss is replaced by scripts/luoshi-cockpit.js.
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '监控台'
  },
  // dates in Chinese, names family name first, the ledger link in the header (scripts/luoshi-cockpit.js)
  customScripts: ['scripts/luoshi-cockpit'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
