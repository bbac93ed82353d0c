// Luoshi: the welcome page (个人资料) names the person in Chinese order (王磊) and offers the ledger.
import {installShared} from '../../luoshi/webapps.js';

const angular = window.angular;
const ngModule = angular.module('cam.welcome.custom');
installShared(ngModule);

ngModule.config(['$provide', $provide => {
  $provide.decorator('userProfileDirective', ['$delegate', $delegate => {
    const profile = $delegate[0];
    profile.template = profile.template.replace('{{ user.firstName }} {{ user.lastName }}', '{{ user | luoshiName }}');
    return $delegate;
  }]);
}]);

export default [];
