// Luoshi's Tasklist configuration: replaces the webjar's scripts/config.js at the same path.
// Chinese first (zh.json, translated for Camunda 7.24), English for those whose browser asks for it;
// Chinese date formats; Luoshi's name in the header; lists by due date. The shipped shortcuts are kept.
export default {
  app: {
    vendor: '落实 · 七里河区',
    name: '任务列表'
  },
  // lists open with the nearest deadline first (scripts/due-date-first.js); Tasklist made for clerks
  // (scripts/luoshi-tasklist.js, which brings scripts/luoshi-forms.js along)
  customScripts: ['scripts/due-date-first', 'scripts/luoshi-tasklist'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'M月D日 HH:mm',
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm',
    short: 'YYYY年M月D日'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
