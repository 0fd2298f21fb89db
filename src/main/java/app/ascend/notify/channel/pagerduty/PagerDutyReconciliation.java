package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.Reconciliation;

/**
 * Reconciliation of a PagerDuty channel: only with {@code config.rest_api_token}; each incident is looked up by
 * its incident key (our dedup key) in the channel's region.
 */
final class PagerDutyReconciliation implements Reconciliation {
    private final PagerDutyRestClient client;

    PagerDutyReconciliation(PagerDutyRestClient client) {
        this.client = client;
    }

    @Override
    public boolean enabled(ChannelSettings settings) {
        return settings instanceof PagerDutySettings pagerDuty && pagerDuty.restApiToken() != null;
    }

    @Override
    public Lookup lookup(ChannelSettings settings, String incidentKey) {
        if (!enabled(settings)) {
            throw new IllegalStateException("a PagerDuty channel without a REST API token is never reconciled");
        }
        PagerDutySettings pagerDuty = (PagerDutySettings) settings;
        return client.newestFor(pagerDuty.region(), pagerDuty.restApiToken(), incidentKey);
    }
}
