package app.ascend.notify.ingest;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.identity.SignInFailed;
import app.ascend.notify.ids.Ids;

/**
 * A failed sign-in to ASCEND Notify itself is a governance event of that user's organization:
 * {@code auth.failed}, routed like any other (so security on-call sees password guessing).
 */
@Component
class SignInFailureEvents {
    private static final Logger log = LoggerFactory.getLogger(SignInFailureEvents.class);
    private final EventIngestService ingest;

    SignInFailureEvents(EventIngestService ingest) {
        this.ingest = ingest;
    }

    @EventListener
    void onSignInFailed(SignInFailed failed) {
        GovernanceEvent event = new GovernanceEvent(Ids.newId("evt"), failed.organizationId(), EventType.AUTH_FAILED,
                failed.at(), null, "ascend-notify", "sign_in", "ascend-notify console", null, null, null, failed.email(),
                failed.sourceIp(), "Failed sign-in to ASCEND Notify for " + failed.email() + " from " + failed.sourceIp(),
                null, null);
        try {
            ingest.ingest(failed.organizationId(), List.of(new IncomingEvent(null, event)));
        } catch (RuntimeException e) {
            log.warn("could not record the failed sign-in of user {} as an auth.failed event: {}", failed.userId(), e.toString());
        }
    }
}
