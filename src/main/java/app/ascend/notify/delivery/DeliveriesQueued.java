package app.ascend.notify.delivery;

/** Published in the transaction that wrote new deliveries; the dispatcher wakes once it commits. */
public record DeliveriesQueued(int count) {
}
