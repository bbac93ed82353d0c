// Luoshi: what Tasklist, Cockpit, Admin and the welcome page share (imported by each app's
// scripts/luoshi-*.js, which Camunda loads as "customScripts" before the app starts).
//
// - Names as they are written in Chinese: family name first, no space — 王磊, not "磊 王" (Camunda
//   joins "firstName lastName"); a Latin name keeps its order ("Anna Schmidt").
// - The header names the person that way and offers the ledger pages (台账) next to the account menu.

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·・]+$/;

/** 王磊 from firstName 磊 and lastName 王; "Anna Schmidt" stays as it is. */
export function fullName(firstName, lastName) {
  const first = (firstName || '').trim();
  const last = (lastName || '').trim();
  if (!first || !last) {
    return first || last;
  }
  return HAN.test(first + last) ? last + first : first + ' ' + last;
}

/** A name the webapps already joined as "firstName lastName" ("磊 王"), in Chinese order (王磊). */
export function reordered(display) {
  if (typeof display !== 'string') {
    return display;
  }
  const m = /^\s*(\S+) (\S+)\s*$/.exec(display);
  return m && HAN.test(m[1] + m[2]) ? m[2] + m[1] : display;
}

/** The ledger pages, from any webapp. */
export const LEDGER = '/ledger/';

/**
 * Registers the name filters on an app's custom module ("cam.tasklist.custom", …) and gives the
 * header the Chinese name order and the ledger link.
 */
export function installShared(ngModule) {
  ngModule.filter('luoshiName', () => user => user ? (fullName(user.firstName, user.lastName) || user.id || '') : '');
  ngModule.filter('luoshiReordered', () => reordered);
  ngModule.config(['$provide', $provide => {
    $provide.decorator('camWidgetHeaderDirective', ['$delegate', $delegate => {
      const header = $delegate[0];
      header.template = header.template
        .replace('{{ (userName || authentication.name) }}', '{{ (userName | luoshiReordered) || authentication.name }}')
        .replace('<li class="account dropdown"',
          '<li class="luoshi-ledger" ng-if="authentication.name" ng-cloak>'
          + '<a href="' + LEDGER + '" title="责任清单台账、统计、排名和督查问题"><span class="glyphicon glyphicon-list-alt"></span> 台账</a></li>'
          + '<li class="account dropdown"');
      return $delegate;
    }]);
  }]);
}

/** Swaps two texts in a template (used to put the family-name column before the given-name one). */
export function swap(template, a, b) {
  const marker = '\u0000luoshi\u0000';
  return template.split(a).join(marker).split(b).join(a).split(marker).join(b);
}
