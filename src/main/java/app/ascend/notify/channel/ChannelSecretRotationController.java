package app.ascend.notify.channel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.identity.AscendPrincipal;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/notifications/channels/{id}/rotate-secret} (admins; also under {@code /api/api/...}):
 * 200 with the channel as a read shows it, but the new secret in full, this once; 409 for a type without
 * a generated secret. No body is read.
 */
@RestController
class ChannelSecretRotationController {
    private final ChannelSecretRotation rotation;

    ChannelSecretRotationController(ChannelSecretRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/notifications/channels/{id}/rotate-secret")
    ObjectNode rotate(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        return rotation.rotate(me, id);
    }
}
