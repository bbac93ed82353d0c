// Luoshi's Admin configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header. Dates follow the Chinese formats of locales/zh.json (dateLocales).
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '管理台'
  },
  // names family name first, the ledger link in the header (scripts/luoshi-admin.js)
  customScripts: ['scripts/luoshi-admin'],
  // dates as in Tasklist: 2026年12月2日 13:35, Beijing time (not 2026-12-02T05:35:51)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'M月D日 HH:mm',
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm',
    short: 'YYYY年M月D日'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
