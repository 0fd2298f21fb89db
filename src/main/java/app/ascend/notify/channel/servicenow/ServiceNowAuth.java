package app.ascend.notify.channel.servicenow;

import app.ascend.notify.secret.KeyMask;

/**
 * How a channel signs in to its instance: Basic ({@code username} and {@code password}, as the Table API's examples
 * do, FACTS.md §3) or OAuth 2.0 client credentials ({@code client_id} and {@code client_secret} exchanged at
 * {@code /oauth_token.do} for a bearer token, §3 [CC]). The password and the client secret are secrets: in clear
 * here (the core seals the settings), masked in every answer.
 */
record ServiceNowAuth(String username, String password, String clientId, String clientSecret) {

    ServiceNowAuth {
        boolean basic = username != null && password != null;
        boolean oauth = clientId != null && clientSecret != null;
        if (basic == oauth) {
            throw new IllegalArgumentException("a ServiceNow channel has either a user name and password or a client id "
                    + "and secret");
        }
    }

    static ServiceNowAuth basic(String username, String password) {
        return new ServiceNowAuth(username, password, null, null);
    }

    static ServiceNowAuth oauth(String clientId, String clientSecret) {
        return new ServiceNowAuth(null, null, clientId, clientSecret);
    }

    boolean oauth() {
        return clientId != null;
    }

    /** Who signs in, as answers show it: the user or the client id (not secrets), and the secret masked. */
    String masked() {
        return oauth() ? "client " + clientId + " (secret " + KeyMask.mask(clientSecret) + ")"
                : "user " + username + " (password " + KeyMask.mask(password) + ")";
    }

    /** Never the secrets, should a record ever be logged. */
    @Override
    public String toString() {
        return "ServiceNowAuth[" + masked() + "]";
    }
}
