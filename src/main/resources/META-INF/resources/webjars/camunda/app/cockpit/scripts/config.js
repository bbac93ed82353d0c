// Luoshi's Cockpit configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header and Luoshi's plugins. Dates follow the Chinese formats of locales/zh.json (dateLocales);
// Cockpit's own YYYY-MM-DDTHH:mm:ss is replaced by scripts/luoshi-cockpit.js.
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '监控台'
  },
  // Luoshi's plugins (scripts/luoshi/plugins.js): the 全区工作落实 dashboard, the 落实 tab of an instance,
  // finished instances (已结束实例 / 已结束流程) with their activities and user operations; dates in Chinese,
  // names family name first, the ledger link in the header (scripts/luoshi-cockpit.js)
  customScripts: ['scripts/luoshi/plugins', 'scripts/luoshi-cockpit'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
