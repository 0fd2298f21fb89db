package app.ascend.notify.simulator;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Standard Webhooks symmetric secret as shown to customers: {@code whsec_} and the base64 of 24 to 64 random
 * bytes; the decoded bytes are the HMAC-SHA256 key (https://github.com/standard-webhooks/standard-webhooks,
 * spec/standard-webhooks.md "Signature scheme"; shared/reference/standard-webhooks/FACTS.md §4). The reference
 * libraries take the prefix as optional and do not check the length; the simulator insists on both, so that a
 * sender generating a malformed secret is caught here rather than by a customer. {@link #toString()} never shows
 * the key.
 */
record WebhookSecret(byte[] key) {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    WebhookSecret {
        key = key.clone();
    }

    /** Parses {@code whsec_<base64>}; padding may be left out, as the Python library allows. */
    static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + PREFIX + " followed by standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("must encode " + MIN_BYTES + " to " + MAX_BYTES + " bytes, was "
                    + key.length);
        }
        return new WebhookSecret(key);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
