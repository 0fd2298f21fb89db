/**
 * The {@code servicenow} channel type: one ServiceNow incident per action, opened through the Table API
 * ({@code POST /api/now/table/incident}), found again by its {@code correlation_id} (our dedup key) before every
 * create so a lost answer never makes a second ticket, and resolved ({@code PATCH …/incident/{sys_id}}) when the
 * action is approved or resolved. Basic auth or OAuth client credentials ({@code /oauth_token.do}). Rules and their
 * sources: {@code /work/shared/reference/servicenow/FACTS.md}, from ServiceNow's Table API documentation
 * (https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html); what it leaves unconfirmed is
 * configurable here and said so where it is used.
 */
package app.ascend.notify.channel.servicenow;
