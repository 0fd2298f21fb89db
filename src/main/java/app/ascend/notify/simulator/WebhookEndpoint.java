package app.ascend.notify.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The receiver state of one webhook endpoint: its accepted secrets, its pending fault and the message ids it has
 * accepted. Guarded by its own monitor, which {@link WebhookInbox} holds while deciding one request, so that the
 * fault count, the duplicate check and the record agree under concurrent deliveries.
 */
final class WebhookEndpoint {

    private List<WebhookSecret> secrets = List.of();
    private WebhookFault fault;
    private int faultLeft;
    private final Set<String> acceptedIds = new HashSet<>();
    /** Moves whenever faults are cleared or the endpoint is forgotten, letting every stalled answer go. */
    private long stallGeneration;

    synchronized List<WebhookSecret> secrets() {
        return secrets;
    }

    synchronized void setSecrets(List<WebhookSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    synchronized void setFault(WebhookFault fault) {
        this.fault = fault;
        this.faultLeft = fault.count();
    }

    /** The pending fault, or {@code null}. */
    synchronized WebhookFault fault() {
        return fault;
    }

    /** Requests the pending fault still applies to, {@link WebhookFault#UNTIL_CLEARED}, or 0. */
    synchronized int faultLeft() {
        return fault == null ? 0 : faultLeft;
    }

    /** The fault for this request, if any, counting it. */
    synchronized WebhookFault takeFault() {
        WebhookFault current = fault;
        if (current != null && faultLeft != WebhookFault.UNTIL_CLEARED && --faultLeft == 0) {
            fault = null;
        }
        return current;
    }

    /** Whether {@code id} had been accepted before; then remembers it as accepted. */
    synchronized boolean accept(String id) {
        return id != null && !acceptedIds.add(id);
    }

    synchronized boolean wasAccepted(String id) {
        return id != null && acceptedIds.contains(id);
    }

    synchronized void clearFault() {
        fault = null;
        faultLeft = 0;
        releaseStalls();
    }

    synchronized void releaseStalls() {
        stallGeneration++;
        notifyAll();
    }

    /** Holds a stalled answer until {@link #releaseStalls()}, an interrupt (the simulator closing) or {@code max}. */
    synchronized void holdStalled(long maxMillis) throws InterruptedException {
        long generation = stallGeneration;
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (generation == stallGeneration) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
