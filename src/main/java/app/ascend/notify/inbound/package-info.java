/**
 * Inbound webhooks: what a destination sends back about the incidents ASCEND opened there
 * ({@code POST /api/webhooks/{type}/{channel_id}}), verified by the channel type's
 * {@link app.ascend.notify.channel.spi.InboundWebhooks} before anything is read, kept, and applied to the
 * incident through {@link app.ascend.notify.incident.RemoteIncidentUpdates}. Names no vendor.
 */
package app.ascend.notify.inbound;
