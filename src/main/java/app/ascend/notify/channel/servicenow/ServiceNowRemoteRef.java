package app.ascend.notify.channel.servicenow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import app.ascend.notify.channel.spi.RemoteLink;
import app.ascend.notify.channel.spi.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a ServiceNow channel keeps of a delivered trigger ({@link SendResult#remoteRef()}): the incident's
 * {@code sys_id} (what {@code PATCH …/incident/{sys_id}} takes, FACTS.md §1), its {@code number} ({@code INC…}) and
 * the page a person opens, {@code <instance>/nav_to.do?uri=incident.do?sys_id=<sys_id>} (the classic UI's form URL
 * inside its frame; not in FACTS.md, so unconfirmed for every UI an instance may default to). The link is shown in
 * answers, so it holds nothing secret: the instance's URL is no credential. Compact JSON, at most
 * {@link SendResult#REMOTE_REF_MAX} characters (the instance URL is at most 500).
 */
record ServiceNowRemoteRef(String sysId, String number, String url) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ServiceNowRemoteRef of(String instanceUrl, String sysId, String number) {
        String uri = URLEncoder.encode("incident.do?sys_id=" + sysId, StandardCharsets.UTF_8);
        return new ServiceNowRemoteRef(sysId, number, instanceUrl + "/nav_to.do?uri=" + uri);
    }

    String encoded() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sys_id", sysId);
        node.put("number", number);
        node.put("url", url);
        return JSON.writeValueAsString(node);
    }

    /** The kept reference, or null when there is none or it is not one of ours. */
    static ServiceNowRemoteRef decode(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(ref);
            String sysId = ServiceNowTicket.text(node, "sys_id");
            if (sysId == null || !ServiceNowSettingsReader.SYS_ID.matcher(sysId).matches()) {
                return null;
            }
            return new ServiceNowRemoteRef(sysId, ServiceNowTicket.text(node, "number"), ServiceNowTicket.text(node, "url"));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    RemoteLink link() {
        return url == null ? null : new RemoteLink(number == null ? sysId : number, url);
    }
}
