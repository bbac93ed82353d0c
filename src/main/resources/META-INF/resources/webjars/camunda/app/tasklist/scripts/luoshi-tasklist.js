// Luoshi: Tasklist for district clerks who were never shown how it works. Loaded by config.js
// ("customScripts") before Tasklist starts; it registers on the module Camunda keeps for custom
// code ("cam.tasklist.custom") and changes Tasklist's own directives through AngularJS decorators:
//
// - a refused completion or start is told next to the 完成 / 发起 button (not in a banner over it),
//   in the server's words, the field it concerns marked; no doubled punctuation in banners;
// - opening a task that waits for one's unit (or role) claims it for oneself, so 完成 works at once;
// - task cards show the item's code, unit, deadline and light at a glance, no priority number;
// - names family name first (王磊); 新建任务, 添加用户组 and "(v. 1.0)" are not offered;
// - after a start, the message names what was started (事项 ZR-2026-0007 已下发) with its ledger page;
// - the header links to the ledger pages (台账).
// The option lists and Chinese texts of the forms themselves are in luoshi-forms.js.
import {componentId} from './luoshi-forms.js';
import {installShared, reordered} from '../../luoshi/webapps.js';

const angular = window.angular;
const ngModule = angular.module('cam.tasklist.custom');
const ENGINE = '/camunda/api/engine/engine/default';

installShared(ngModule);

/** Wraps a directive's controller (an inline-annotated array) so that {@code after} runs after it. */
function afterController(directive, after) {
  const original = directive.controller;
  const deps = original.slice(0, -1);
  const fn = original[original.length - 1];
  directive.controller = deps.concat([function(...args) {
    fn.apply(this, args);
    const locals = {};
    deps.forEach((name, i) => { locals[name] = args[i]; });
    after.call(this, locals);
  }]);
}

/** Wraps a directive's post-link function (AngularJS has already turned "link" into "compile"). */
function afterLink(directive, after) {
  const link = directive.link;
  directive.compile = () => function(scope, element, attrs, controllers) {
    link.apply(this, arguments);
    after(scope, element, attrs, controllers);
  };
}

// --- errors where the eye is ---------------------------------------------------------------------

/** Refusals shown inline just now: the banner Tasklist raises for them as well is left out. */
const shownInline = [];

function showInline(message) {
  shownInline.push({message, at: Date.now()});
}

function takeInline(message) {
  const now = Date.now();
  const i = shownInline.findIndex(s => s.message === message && now - s.at < 10000);
  if (i < 0) {
    return false;
  }
  shownInline.splice(i, 1);
  return true;
}

/** What a failed completion or start says to the person, and which field it concerns. */
function refusal(err) {
  if (!err) {
    return null;
  }
  const status = err.status || (err.response && err.response.status);
  const body = (err.response && err.response.body) || {};
  if (typeof err.message !== 'string' && !body.message && !status) {
    // form-js's own checks failed: the fields say what is wrong
    return {message: '表单中有未填或填写有误的项，请按红字提示改正后再提交。', client: true};
  }
  // a refusal is a 4xx answer in the error shape {status, field, message}; a DomainException that
  // /engine-rest still wraps in a 500 RestException is one as well
  if (!(status >= 400 && status < 500) && body.type !== 'DomainException') {
    return null; // server trouble: Tasklist's banner stays
  }
  let message = body.message || err.message || '';
  let field = body.field || null;
  const named = /^(.*[^\s])\s*（([A-Za-z][A-Za-z0-9]*)）$/.exec(message); // "…理由（reviewComment）"
  if (named) {
    message = named[1];
    field = field || named[2];
  }
  return {message, field};
}

/** Marks the form-js field of {@code key} (the error shape's "field") and brings it into view. */
function markField(container, key) {
  if (!container || !key) {
    return;
  }
  for (const old of container.querySelectorAll('.luoshi-field-refused')) {
    old.classList.remove('luoshi-field-refused');
  }
  const id = componentId(key);
  // form-js prefixes a component's id (fjs-form-<form>-<id>) and suffixes some inputs (…-date)
  const pattern = id && new RegExp('-' + id.replace(/[^A-Za-z0-9_]/g, '') + '(-|$)');
  const input = pattern && [...container.querySelectorAll('.fjs-form-field [id]')].find(e => pattern.test(e.id));
  const field = input && input.closest('.fjs-form-field');
  if (field) {
    field.classList.add('luoshi-field-refused');
  }
}

const INLINE_ERROR =
  '<div class="luoshi-refusal alert alert-danger" role="alert" ng-if="luoshiRefusal">'
  + '<span class="glyphicon glyphicon-exclamation-sign"></span> '
  + '<span class="message">{{ luoshiRefusal.message }}</span></div>';

/** The last process instance started from a start form, for the message that follows. */
let started = null;

ngModule.config(['$provide', $provide => {
  $provide.decorator('camTasklistFormDirective', ['$delegate', '$timeout', ($delegate, $timeout) => {
    const form = $delegate[0];
    // under the form, right above 保存/完成 (a task) or 关闭/发起 (the start dialog's footer)
    form.template = form.template.replace('<div class="form-actions"', INLINE_ERROR + '<div class="form-actions"');
    afterController(form, ({$scope}) => {
      const callback = $scope.onFormCompletionCallback;
      $scope.onFormCompletionCallback = function(err, result) {
        $scope.luoshiRefusal = null;
        const refused = refusal(err);
        if (refused) {
          $scope.luoshiRefusal = refused;
          showInline(refused.client ? undefined : err.message); // Tasklist's banner says it again: left out
          // the first timeout's digest shows the message, the second finds it on the page
          $timeout(() => $timeout(() => {
            const box = document.querySelector('.luoshi-refusal');
            markField(box && box.parentElement, refused.field);
            // the message and the button pressed in view together (a start form's button is in the dialog's footer)
            const footer = box && box.closest('.modal-content') && box.closest('.modal-content').querySelector('.modal-footer');
            if (footer) {
              footer.scrollIntoView({block: 'end'});
            } else if (box) {
              // a task's 完成 sits just under the message; Tasklist's footer covers the pane's bottom edge
              const actions = box.parentElement.querySelector('.form-actions');
              (actions || box).scrollIntoView({block: 'center'});
            }
          }));
        } else if (!err && result && !($scope.params && $scope.params.taskId)) {
          started = {instance: result, at: Date.now()};
        }
        return callback.apply(this, arguments);
      };
    });
    return $delegate;
  }]);

  $provide.decorator('Notifications', ['$delegate', $delegate => {
    const add = $delegate.add;
    $delegate.add = function(notification) {
      if (notification && notification.type === 'danger' && takeInline(notification.message)) {
        return undefined; // already next to the button
      }
      if (notification && notification.type === 'info' && started && Date.now() - started.at < 10000) {
        Object.assign(notification, startedMessage(started.instance));
        started = null;
      }
      if (notification && notification.message && typeof notification.status === 'string') {
        // "流程未能发起。" + "：" + message: the status ends without its own full stop or colon
        notification.status = notification.status.replace(/[\s。．.：:]+$/, '');
      }
      return add.call(this, notification);
    };
    return $delegate;
  }]);

  // the banner's separator between status and message, in Chinese
  $provide.decorator('notificationsPanelDirective', ['$delegate', $delegate => {
    const panel = $delegate[0];
    panel.template = panel.template.replace('<strong ng-if="notification.message">:</strong>',
      '<strong ng-if="notification.message">：</strong>');
    return $delegate;
  }]);
}]);

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

const STARTED = [
  [/^ZR-/, code => ['事项 ' + code + ' 已下发', '/ledger/items/' + encodeURIComponent(code), '查看台账']],
  [/^YT-/, code => ['约谈 ' + code + ' 已发起', '/ledger/interviews/' + encodeURIComponent(code), '查看约谈']],
  [/^DC-(\d+)$/, (code, m) => ['督查 ' + code + ' 已发起', '/ledger/supervisions/' + m[1], '查看督查']],
  [/^KH-/, code => ['考核 ' + code + ' 已发起', '/ledger/assessments.html', '查看考核']],
  [/^BG-/, code => ['报告 ' + code + ' 已生成草稿', '/ledger/reports.html', '查看报告']]
];

/** "事项 ZR-2026-0007 已下发", with a link to its ledger page; the plain message for other processes. */
function startedMessage(instance) {
  const code = instance && instance.businessKey;
  if (!code) {
    return {};
  }
  for (const [pattern, text] of STARTED) {
    const m = pattern.exec(code);
    if (m) {
      const [status, href, linkText] = text(code, m);
      return {
        status: escapeHtml(status) + '，<a href="' + escapeHtml(href) + '" target="_blank" rel="noopener">' + linkText + '</a>',
        message: '',
        unsafe: true,
        duration: 15000
      };
    }
  }
  return {status: '流程已发起，编号 ' + escapeHtml(code), message: '', unsafe: true, duration: 8000};
}

// --- a task is claimed by opening it ----------------------------------------------------------------

/** The signed-in person with their groups; asked again when someone else signs in (no page reload). */
let me = null;

function whoAmI($http, userId) {
  if (!me || me.userId !== userId) {
    const asked = {userId};
    asked.answer = $http.get('/api/me', {headers: {'X-Requested-With': 'XMLHttpRequest'}})
      .then(r => r.data)
      .catch(() => { me = null; return null; });
    me = asked;
  }
  return me.answer;
}

const DUE_DATE =
  '<ul class="meta list-inline dates times"><li>'
  + '<span class="due-date luoshi-due" ng-if="task.due" ng-class="{overdue: task.due && (task.due < now)}">'
  + '<span class="glyphicon glyphicon-bell" uib-tooltip="{{ \'DUE_DATE\' | translate }}" tooltip-placement="top"></span> '
  + '{{ \'DUE\' | translate }} <span uib-tooltip="{{ task.due | camDate:\'long\' }}" tooltip-placement="top"'
  + ' am-time-ago="task.due">{{ task.due }}</span></span></li></ul>';

ngModule.config(['$provide', $provide => {
  $provide.decorator('camTasklistTaskMetaDirective', ['$delegate', '$http', ($delegate, $http) => {
    const meta = $delegate[0];
    meta.template = meta.template
      // the due date is read, not edited, and there is no personal follow-up date: task properties are
      // the process's (the engine refuses a clerk's change, see engine/EngineGuard)
      .replace(/<ul class="meta list-inline dates times">[\s\S]*?<\/ul>/, DUE_DATE)
      // who the task waits for is shown, but the groups are not edited here (no "添加用户组")
      .replace('<span ng-click="editGroups()">', '<span class="luoshi-groups">')
      .replace(/<a href ng-if="groupNames.length === 0"[\s\S]*?<\/a>/, '<span ng-if="groupNames.length === 0">—</span>')
      .replace('<a href ng-if="groupNames.length > 0">', '<span ng-if="groupNames.length > 0">')
      .replace('{{ groupNames.join(\', \') }}\n      </a>', '{{ groupNames.join(\'、\') }}\n      </span>')
      .replace('{{ assignee.firstName }} {{ assignee.lastName }}', '{{ assignee | luoshiName }}');
    afterLink(meta, scope => {
      const tried = new Set();
      scope.$watch('task', async task => {
        if (!task || !task.id || task.assignee != null || tried.has(task.id)) {
          return;
        }
        tried.add(task.id);
        try {
          const [person, links] = await Promise.all([
            whoAmI($http, scope.$root.authentication && scope.$root.authentication.name),
            $http.get(ENGINE + '/task/' + encodeURIComponent(task.id) + '/identity-links', {params: {type: 'candidate'}})
              .then(r => r.data)
          ]);
          if (!person || person.id !== (scope.$root.authentication || {}).name) {
            return;
          }
          const groups = person.groups || [];
          const mine = links.some(l => (l.userId && l.userId === person.id) || (l.groupId && groups.includes(l.groupId)));
          if (!mine || !scope.task || scope.task.id !== task.id || scope.task.assignee != null) {
            return; // not waiting for this person (the office reading a unit's task): only read
          }
          await $http.post(ENGINE + '/task/' + encodeURIComponent(task.id) + '/claim', {userId: person.id});
        } catch (e) {
          // a colleague was quicker, or no right to take it: the reload below shows who has it
        }
        scope.taskData.changed('task');
        scope.taskData.changed('taskList');
      });
    });
    return $delegate;
  }]);
}]);

// --- the task list and the task ---------------------------------------------------------------------

const LIGHTS = {'红灯': 'red', '黄灯': 'yellow', '绿灯': 'green'};

// the card: the item's facts in one line each, the light as a coloured dot; the task name above
// already says what the item is, so its title is not repeated
const CARD =
  '<div class="luoshi-card">'
  + '<span ng-repeat="info in variableDefinitions" ng-if="variablesByName[info.name].value != null'
  + ' && variablesByName[info.name].value !== \'\' && info.name !== \'title\'"'
  + ' class="luoshi-fact luoshi-fact-{{ info.name }}" ng-class="luoshiLight(info.name, variablesByName[info.name].value)">'
  + '<span class="luoshi-fact-label">{{ info.label }}</span> '
  + '<span class="luoshi-fact-value">{{ variablesByName[info.name].value }}</span></span>'
  + '</div>';

ngModule.config(['$provide', $provide => {
  $provide.decorator('camTasklistVariablesDirective', ['$delegate', $delegate => {
    const variables = $delegate[0];
    variables.template = CARD;
    afterLink(variables, scope => {
      scope.luoshiLight = (name, value) => name === 'lightName' && LIGHTS[value] ? 'luoshi-light luoshi-light-' + LIGHTS[value] : '';
    });
    return $delegate;
  }]);

  // the task's diagram: Camunda fits the whole process into the pane (a wide process becomes too
  // small to read); here it opens at full size around the task being worked on
  $provide.decorator('camWidgetBpmnViewerDirective', ['$delegate', '$timeout', ($delegate, $timeout) => {
    const viewer = $delegate[0];
    afterLink(viewer, (scope, element) => {
      if (!element[0].closest('.task-card')) {
        return;
      }
      const loaded = scope.onLoad;
      scope.onLoad = function() {
        const result = loaded.apply(this, arguments);
        $timeout(() => {
          const bpmn = scope.control.getViewer && scope.control.getViewer();
          if (!bpmn) {
            return;
          }
          const canvas = bpmn.get('canvas');
          const task = bpmn.get('elementRegistry').filter(e => canvas.hasMarker(e, 'highlight'))[0];
          if (task && canvas.zoom() < 0.9) {
            canvas.zoom(0.9);
            const box = canvas.viewbox(); // in the diagram's coordinates: centre it on the task
            canvas.viewbox({x: task.x + task.width / 2 - box.width / 2, y: task.y + task.height / 2 - box.height / 2,
              width: box.width, height: box.height});
          }
        });
        return result;
      };
    });
    return $delegate;
  }]);

  $provide.decorator('camTasksDirective', ['$delegate', $delegate => {
    const tasks = $delegate[0];
    afterController(tasks, ({$scope}) => {
      const named = $scope.assigneeDisplayedName;
      if (named) {
        $scope.assigneeDisplayedName = task => reordered(named(task));
      }
    });
    return $delegate;
  }]);
}]);

export default [];
