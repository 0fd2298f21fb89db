package app.ascend.notify.channel.spi;

/**
 * Where a delivered message lives at its destination, as answers and the console show it: a label (a ticket's
 * number) and a URL a person opens (the ticket's page). Made by {@link ChannelType#remoteLink} from what the type
 * kept of the message ({@link SendResult#remoteRef()}); never a secret, since it is shown.
 */
public record RemoteLink(String label, String url) {
    public RemoteLink {
        if (label == null || label.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("a remote link has a label and a URL");
        }
    }
}
