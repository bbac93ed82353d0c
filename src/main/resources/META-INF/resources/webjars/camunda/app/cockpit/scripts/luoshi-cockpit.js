// Luoshi: Cockpit with dates as a Chinese reader writes them (2026年12月2日 13:35:51, the browser's
// time zone — Beijing — instead of Cockpit's fixed 2026-12-02T05:35:51), names in Chinese order
// (王磊, not "磊 王") and the header's link to the ledger pages (台账). A tenant that is not used
// ("租户 ID: null") is hidden by styles/user-styles.css.
import {installShared} from '../../luoshi/webapps.js';

const angular = window.angular;
const ngModule = angular.module('cam.cockpit.custom');
installShared(ngModule);

// Cockpit sets its formats in its own config block (camunda-cockpit-ui.js), which runs before this one
ngModule.config(['camDateFormatProvider', formats => {
  formats.setDateFormat('YYYY年M月D日 HH:mm:ss', 'normal');
  formats.setDateFormat('M月D日 HH:mm', 'abbr');
  formats.setDateFormat('YYYY年M月D日', 'short');
  formats.setDateFormat('YYYY年M月D日 dddd HH:mm:ss', 'long');
}]);

export default [];
