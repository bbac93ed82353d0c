// Luoshi's Cockpit configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Luoshi's name in the header and Luoshi's plugins. Dates follow the Chinese formats of locales/zh.json (dateLocales);
// Cockpit itself shows instants as YYYY-MM-DDTHH:mm:ss, which no setting changes.
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '监控台'
  },
  // Luoshi's plugins (scripts/luoshi/plugins.js): the 全区工作落实 dashboard, the 落实 tab of an instance,
  // finished instances (已结束实例 / 已结束流程) with their activities and user operations
  customScripts: ['scripts/luoshi/plugins'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
