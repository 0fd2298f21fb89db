// The console's registry of channel type forms: type name (GET /api/notifications/channel-types) →
// the module that draws that type's part of the channel page. A type the server offers without a
// module here is listed read-only ("the console cannot edit it yet").
//
// A module exports:
//   label                      the option text in the Type select
//   sections({ctx, channel, editing, canEdit, catalog}) → {
//     destination: Node        the card with the type's destination fields (data-field = API path)
//     whatIsSent: Node[]       fields added to the "What is sent" card
//     more: Node[]             further cards
//     value(): object          the type's fields of the channel document (config, …); when editing,
//                              a JSON merge patch (masked secrets sent back keep the stored ones)
//   }
//   afterCreate(created)?      a Promise run after a 201, before the channel's page (e.g. a secret shown once)

import * as pagerduty from './pagerduty.js';
import * as teams from './teams.js';
import * as webhook from './webhook.js';
import * as slack from './slack.js';
import * as syslog from './syslog.js';
import * as splunk_hec from './splunk_hec.js';
import * as servicenow from './servicenow.js';

const FORMS = { pagerduty, webhook, slack, teams, syslog, splunk_hec, servicenow };

/** The form module for a type, or null when the console has none. */
export function formFor(type) {
  return Object.hasOwn(FORMS, type) ? FORMS[type] : null;
}
