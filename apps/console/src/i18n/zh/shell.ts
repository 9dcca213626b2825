/** The frame around every page: title, header, navigation, login and the generic errors. */
export const zhShell = {
  'app.title': '技能补贴审核台',
  'app.skip': '跳到主要内容',
  'app.language': 'English',
  'app.languageLabel': '切换到英文',
  'app.logout': '退出登录',
  'app.loggedInAs': '当前用户',
  'app.loading': '正在加载…',
  'app.notFound': '没有这个页面。',
  'app.back': '返回',
  'app.none': '无',
  'app.reload': '刷新',

  'nav.label': '主导航',
  'nav.queue': '审核队列',
  'nav.mine': '本单位',
  'nav.notices': '公示',
  'nav.claims': '补贴申请',
  'nav.reconciliation': '对账',
  'nav.evaluation': '评估报告',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.help': '本地账户的密码在数据目录的 local-accounts.json 中。',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.generic': '出错了：{message}',
  'error.correlation': '问题编号 {id}',
} as const;
